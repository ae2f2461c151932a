import { describe, expect, it } from 'vitest';
import { DIMENSIONS, type Catalog, type DimensionId } from './catalog-types';
import type { Perspective } from '../perspectives';
import type {
	DimensionResult,
	PerspectiveGap,
	RespondentResult,
	RoundResult
} from './check-scoring';
import { suggestHandlungsfelder } from './suggestions';

// Results are built by hand: only the fields suggestions read (score, gap, and the respondents'
// scores, from which the published perspective groups and their gaps come) matter.

/** A respondent with the given dimension scores (other dimensions unanswered). */
const respondent = (
	id: string,
	perspective: Perspective,
	scores: Partial<Record<DimensionId, number>>
): RespondentResult => ({
	respondentId: id,
	perspective,
	dimensions: Object.fromEntries(
		DIMENSIONS.map((d) => {
			const score = scores[d] ?? null;
			return [d, { score, answered: score === null ? 0 : 1, asked: 1, coverage: null }];
		})
	) as RespondentResult['dimensions']
});

/** The gap between Verwaltungsspitze and Beschäftigte, each shown by itself (see resultWith). */
const HB = { high: 'H', low: 'B' };

const catalogWith = (dimensions: readonly DimensionId[], version = 'test.1'): Catalog => ({
	version,
	dimensions: dimensions.map((id) => ({ id, title: id, description: '' })),
	items: []
});
const fullCatalog = catalogWith(DIMENSIONS);

interface DimensionFigures {
	score?: number;
	gap?: number;
	perspectiveGap?: number;
}

/**
 * A perspective gap of g points in a dimension is three of the Verwaltungsspitze scoring g and three
 * Beschäftigte scoring 0 there: two perspectives shown by themselves, medians g and 0.
 */
function resultWith(
	figures: Partial<Record<DimensionId, DimensionFigures>>,
	respondents?: RespondentResult[]
): RoundResult {
	const dimension = (id: DimensionId): DimensionResult => {
		const { score = null, gap = null } = figures[id] ?? {};
		return {
			score,
			band: null,
			answered: 0,
			asked: 0,
			coverage: null,
			targetLevel: null,
			targetScore: null,
			gap
		};
	};
	const gapScores = (score: (gap: number) => number): Partial<Record<DimensionId, number>> =>
		Object.fromEntries(
			DIMENSIONS.flatMap((d) => {
				const gap = figures[d]?.perspectiveGap;
				return gap === undefined ? [] : [[d, score(gap)]];
			})
		);
	const perspectiveGap = (id: DimensionId): PerspectiveGap | null => {
		const size = figures[id]?.perspectiveGap;
		return size === undefined ? null : { high: 'H', low: 'B', size };
	};
	return {
		catalogVersion: 'test.1',
		respondents: respondents ?? [
			...['h1', 'h2', 'h3'].map((id) =>
				respondent(
					id,
					'H',
					gapScores((gap) => gap)
				)
			),
			...['b1', 'b2', 'b3'].map((id) =>
				respondent(
					id,
					'B',
					gapScores(() => 0)
				)
			)
		],
		perspectives: [],
		dimensions: Object.fromEntries(DIMENSIONS.map((id) => [id, dimension(id)])) as Record<
			DimensionId,
			DimensionResult
		>,
		overall: { score: null, band: null },
		flags: [],
		perspectiveGaps: Object.fromEntries(DIMENSIONS.map((id) => [id, perspectiveGap(id)])) as Record<
			DimensionId,
			PerspectiveGap | null
		>
	};
}

describe('suggested Handlungsfelder', () => {
	// target gaps > 0:          strategie 35, prozesse 15, fuehrung 5 (ozg −10 and basisdienste 0 are not)
	// weakest:                  ozg 10, fuehrung 20, strategie 40, prozesse 60, basisdienste 80
	// perspective gaps ≥ 15:    prozesse 30, basisdienste 20, ozg 15 (strategie 14 is below)
	const mixed = resultWith({
		strategie: { score: 40, gap: 35, perspectiveGap: 14 },
		fuehrung: { score: 20, gap: 5 },
		prozesse: { score: 60, gap: 15, perspectiveGap: 30 },
		ozg: { score: 10, gap: -10, perspectiveGap: 15 },
		basisdienste: { score: 80, gap: 0, perspectiveGap: 20 }
	});

	it('takes the first of each list in turn, target gap, weakest, perspective gap, then the second', () => {
		// rank 1: strategie (gap), ozg (weakest), prozesse (perspectives);
		// rank 2: prozesse again (skipped), fuehrung (weakest), basisdienste (perspectives) → five
		expect(suggestHandlungsfelder(mixed, fullCatalog)).toEqual([
			{ dimension: 'strategie', reason: 'target_gap', value: 35 },
			{ dimension: 'ozg', reason: 'weakest', value: 10 },
			{ dimension: 'prozesse', reason: 'perspective_gap', value: 30, between: HB },
			{ dimension: 'fuehrung', reason: 'weakest', value: 20 },
			{ dimension: 'basisdienste', reason: 'perspective_gap', value: 20, between: HB }
		]);
	});

	it('stops at the limit and returns nothing for a limit of 0', () => {
		expect(suggestHandlungsfelder(mixed, fullCatalog, { limit: 2 })).toEqual([
			{ dimension: 'strategie', reason: 'target_gap', value: 35 },
			{ dimension: 'ozg', reason: 'weakest', value: 10 }
		]);
		expect(suggestHandlungsfelder(mixed, fullCatalog, { limit: 0 })).toEqual([]);
	});

	it('suggests each dimension once, under the target gap when it also is the weakest', () => {
		const result = resultWith({
			strategie: { score: 0, gap: 100, perspectiveGap: 40 },
			fuehrung: { score: 50, gap: 25 }
		});
		expect(suggestHandlungsfelder(result, fullCatalog)).toEqual([
			{ dimension: 'strategie', reason: 'target_gap', value: 100 },
			{ dimension: 'fuehrung', reason: 'target_gap', value: 25 }
		]);
	});

	it('breaks ties in the order of the dimensions', () => {
		const result = resultWith({
			ozg: { score: 50 },
			prozesse: { score: 50 },
			strategie: { score: 50 },
			daten: { score: 70 }
		});
		expect(suggestHandlungsfelder(result, fullCatalog, { limit: 3 })).toEqual([
			{ dimension: 'strategie', reason: 'weakest', value: 50 },
			{ dimension: 'prozesse', reason: 'weakest', value: 50 },
			{ dimension: 'ozg', reason: 'weakest', value: 50 }
		]);
	});

	it('takes perspective gaps from 15 points, or from the threshold given', () => {
		const result = resultWith({
			strategie: { score: 10 },
			fuehrung: { score: 50, perspectiveGap: 14 },
			prozesse: { score: 30 },
			ozg: { score: 70, perspectiveGap: 15 }
		});
		// weakest: strategie, prozesse, fuehrung, ozg; perspective gaps ≥ 15: ozg only
		expect(suggestHandlungsfelder(result, fullCatalog)).toEqual([
			{ dimension: 'strategie', reason: 'weakest', value: 10 },
			{ dimension: 'ozg', reason: 'perspective_gap', value: 15, between: HB },
			{ dimension: 'prozesse', reason: 'weakest', value: 30 },
			{ dimension: 'fuehrung', reason: 'weakest', value: 50 }
		]);
		// from 10 points fuehrung comes second among the perspective gaps, before its turn as weakest
		expect(suggestHandlungsfelder(result, fullCatalog, { minPerspectiveGap: 10 })).toEqual([
			{ dimension: 'strategie', reason: 'weakest', value: 10 },
			{ dimension: 'ozg', reason: 'perspective_gap', value: 15, between: HB },
			{ dimension: 'prozesse', reason: 'weakest', value: 30 },
			{ dimension: 'fuehrung', reason: 'perspective_gap', value: 14, between: HB }
		]);
	});

	it('finds the gap in a round of five between the merged groups the results page shows', () => {
		const result = resultWith({}, [
			respondent('r1', 'H', { strategie: 75, daten: 100 }),
			respondent('r2', 'A', { strategie: 100, daten: 0 }),
			respondent('r3', 'A', { strategie: 50 }),
			respondent('r4', 'B', { strategie: 25, daten: 0 }),
			respondent('r5', 'B', { strategie: 50, daten: 0 }),
			respondent('r6', 'PR', { strategie: 0, daten: 0 })
		]);
		// No perspective has 3 respondents. Leitung = H 1 + A 2: strategie 50, 75, 100 → median 75;
		// Mitarbeitende = B 2 + PR 1: strategie 0, 25, 50 → median 25; gap 75 − 25 = 50. Daten: only 2
		// of Leitung scored it, so Leitung shows no figure there and there is no second group: no gap.
		expect(suggestHandlungsfelder(result, fullCatalog)).toEqual([
			{
				dimension: 'strategie',
				reason: 'perspective_gap',
				value: 50,
				between: { high: 'leitung', low: 'mitarbeitende' }
			}
		]);
	});

	it('never compares a group below 3 people', () => {
		const result = resultWith({}, [
			respondent('r1', 'H', { strategie: 100 }),
			respondent('r2', 'A', { strategie: 100 }),
			respondent('r3', 'A', { strategie: 100 }),
			respondent('r4', 'B', { strategie: 0 }),
			respondent('r5', 'PR', { strategie: 0 }),
			respondent('r6', 'P', { strategie: 0 })
		]);
		// Leitung 3 (median 100) is shown; Mitarbeitende 2 and Außen 1 are not, so there is nothing
		// to compare Leitung with, however far apart the single answers are.
		expect(suggestHandlungsfelder(result, fullCatalog)).toEqual([]);
	});

	it('compares a perspective shown by itself with a merged group', () => {
		const result = resultWith({}, [
			respondent('r1', 'H', { ozg: 40 }),
			respondent('r2', 'A', { ozg: 60 }),
			respondent('r3', 'A', { ozg: 20 }),
			respondent('r4', 'B', { ozg: 80 }),
			respondent('r5', 'B', { ozg: 90 }),
			respondent('r6', 'B', { ozg: 100 })
		]);
		// Beschäftigte by themselves: 80, 90, 100 → 90; Leitung merged: 20, 40, 60 → 40; gap 50.
		expect(suggestHandlungsfelder(result, fullCatalog)).toEqual([
			{
				dimension: 'ozg',
				reason: 'perspective_gap',
				value: 50,
				between: { high: 'B', low: 'leitung' }
			}
		]);
	});

	it('suggests nothing when no dimension has a score', () => {
		expect(suggestHandlungsfelder(resultWith({}), fullCatalog)).toEqual([]);
	});

	it('suggests only the catalog’s dimensions', () => {
		const result = resultWith({ strategie: { score: 60 }, kooperation: { score: 10, gap: 90 } });
		expect(suggestHandlungsfelder(result, catalogWith(['strategie', 'fuehrung']))).toEqual([
			{ dimension: 'strategie', reason: 'weakest', value: 60 }
		]);
	});

	it('refuses a result scored with another catalog version', () => {
		expect(() => suggestHandlungsfelder(resultWith({}), catalogWith(DIMENSIONS, 'test.2'))).toThrow(
			/test\.1.*test\.2/
		);
	});
});
