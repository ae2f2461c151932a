import { describe, expect, it } from 'vitest';
import { DIMENSIONS, type Catalog, type DimensionId } from './catalog-types';
import type { DimensionResult, PerspectiveGap, RoundResult } from './check-scoring';
import { suggestHandlungsfelder } from './suggestions';

// Results are built by hand: only the fields suggestions read (score, gap, perspective gap) matter.

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

function resultWith(figures: Partial<Record<DimensionId, DimensionFigures>>): RoundResult {
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
	const perspectiveGap = (id: DimensionId): PerspectiveGap | null => {
		const size = figures[id]?.perspectiveGap;
		return size === undefined ? null : { high: 'H', low: 'B', size };
	};
	return {
		catalogVersion: 'test.1',
		respondents: [],
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
			{ dimension: 'prozesse', reason: 'perspective_gap', value: 30 },
			{ dimension: 'fuehrung', reason: 'weakest', value: 20 },
			{ dimension: 'basisdienste', reason: 'perspective_gap', value: 20 }
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
			{ dimension: 'ozg', reason: 'perspective_gap', value: 15 },
			{ dimension: 'prozesse', reason: 'weakest', value: 30 },
			{ dimension: 'fuehrung', reason: 'weakest', value: 50 }
		]);
		// from 10 points fuehrung comes second among the perspective gaps, before its turn as weakest
		expect(suggestHandlungsfelder(result, fullCatalog, { minPerspectiveGap: 10 })).toEqual([
			{ dimension: 'strategie', reason: 'weakest', value: 10 },
			{ dimension: 'ozg', reason: 'perspective_gap', value: 15 },
			{ dimension: 'prozesse', reason: 'weakest', value: 30 },
			{ dimension: 'fuehrung', reason: 'perspective_gap', value: 14 }
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
