// Properties of scoreRound over generated catalogs and rounds: valid answers, "weiß nicht", out-of-range
// values, answers of the wrong kind, arbitrary junk and answers to items the catalog does not have.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERSPECTIVES } from '../perspectives';
import type { RespondentAnswers } from './answers';
import { DIMENSIONS, type Catalog, type CatalogItem, type DimensionId } from './catalog-types';
import { scoreRound, type RoundResult } from './check-scoring';

const OPTION_IDS = ['a', 'b', 'c', 'd'];
const BANDS = ['klein', 'mittel', 'groß'];
// Four dimensions, so that some rounds leave a dimension empty.
const USED_DIMENSIONS = DIMENSIONS.slice(0, 4);

const itemArbitrary = (index: number): fc.Arbitrary<CatalogItem> =>
	fc
		.record({
			dimension: fc.constantFrom(...USED_DIMENSIONS),
			perspectives: fc.subarray([...PERSPECTIVES], { minLength: 1 }),
			shape: fc.oneof(
				fc.constant({ type: 'R' as const, levels: ['0', '1', '2', '3', '4'] as const }),
				fc.boolean().map((reverse) => ({ type: 'L' as const, reverse })),
				fc.integer({ min: 1, max: OPTION_IDS.length }).map((n) => ({
					type: 'C' as const,
					options: OPTION_IDS.slice(0, n).map((id) => ({ id, text: id }))
				})),
				fc.constant({
					type: 'F' as const,
					fact: { kind: 'number' as const, unit: 'Stück', min: 0, max: 100 }
				}),
				fc.constant({ type: 'F' as const, fact: { kind: 'band' as const, bands: BANDS } })
			)
		})
		.map(
			({ dimension, perspectives, shape }) =>
				({
					id: `${dimension}.${String(index).padStart(2, '0')}`,
					dimension,
					text: 'Frage',
					perspectives,
					...shape
				}) as CatalogItem
		);

const catalogArbitrary: fc.Arbitrary<Catalog> = fc
	.integer({ min: 1, max: 12 })
	.chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => itemArbitrary(i + 1))))
	.map((items) => ({
		version: 'prop.1',
		dimensions: DIMENSIONS.map((id) => ({ id, title: id, description: '' })),
		items
	}));

/** Anything a document might hold under an item id: valid or not. */
const rawAnswerArbitrary: fc.Arbitrary<unknown> = fc.oneof(
	fc.record({ kind: fc.constant('level'), value: fc.integer({ min: -2, max: 7 }) }),
	fc.record({ kind: fc.constant('likert'), value: fc.integer({ min: -1, max: 7 }) }),
	fc.record({ kind: fc.constant('checklist'), ticked: fc.subarray([...OPTION_IDS, 'z']) }),
	fc.record({
		kind: fc.constant('fact'),
		value: fc.oneof(fc.double(), fc.constantFrom(...BANDS, 'riesig'))
	}),
	fc.constant({ kind: 'unknown' }),
	fc.anything()
);

const respondentsArbitrary = (catalog: Catalog): fc.Arbitrary<RespondentAnswers[]> => {
	const keys = [...catalog.items.map((item) => item.id), 'fremd.01', 'strategie.99'];
	return fc.uniqueArray(
		fc.record({
			respondentId: fc.string({ minLength: 1, maxLength: 4 }),
			perspective: fc.constantFrom(...PERSPECTIVES),
			answers: fc.dictionary(fc.constantFrom(...keys), rawAnswerArbitrary)
		}),
		{ selector: (r) => r.respondentId, maxLength: 12 }
	);
};

const targetsArbitrary: fc.Arbitrary<Partial<Record<DimensionId, number>>> = fc.dictionary(
	fc.constantFrom(...DIMENSIONS),
	fc.oneof(fc.integer({ min: 0, max: 4 }), fc.double())
) as fc.Arbitrary<Partial<Record<DimensionId, number>>>;

const roundArbitrary = catalogArbitrary.chain((catalog) =>
	fc.record({
		catalog: fc.constant(catalog),
		respondents: respondentsArbitrary(catalog),
		targets: targetsArbitrary
	})
);

const isScore = (value: number | null) => value === null || (value >= 0 && value <= 100);
const isShare = (value: number | null) => value === null || (value >= 0 && value <= 1);

function everyScoreInRange(result: RoundResult): boolean {
	const scores: (number | null)[] = [result.overall.score];
	const shares: (number | null)[] = [];
	for (const r of result.respondents) {
		for (const d of DIMENSIONS) {
			scores.push(r.dimensions[d].score);
			shares.push(r.dimensions[d].coverage);
		}
	}
	for (const p of result.perspectives) {
		for (const d of DIMENSIONS) {
			const { median, iqr, min, max } = p.dimensions[d];
			scores.push(median, iqr, min, max);
		}
	}
	for (const d of DIMENSIONS) {
		scores.push(result.dimensions[d].score, result.dimensions[d].targetScore);
		scores.push(result.perspectiveGaps[d]?.size ?? null);
		shares.push(result.dimensions[d].coverage);
		const gap = result.dimensions[d].gap;
		if (gap !== null && (gap < -100 || gap > 100)) return false;
	}
	return scores.every(isScore) && shares.every(isShare);
}

describe('scoreRound properties', () => {
	it('keeps every score within 0–100 (or null) and every coverage within 0–1', () => {
		fc.assert(
			fc.property(roundArbitrary, ({ catalog, respondents, targets }) => {
				expect(everyScoreInRange(scoreRound(catalog, respondents, targets))).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});

	it('gives the same result when the respondents and their answer keys come in another order', () => {
		const shuffledRound = roundArbitrary.chain((round) =>
			fc.record({
				round: fc.constant(round),
				shuffled: fc
					.tuple(
						...round.respondents.map((r) => {
							const entries = Object.entries(r.answers);
							return fc
								.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length })
								.map((shuffledEntries) => ({ ...r, answers: Object.fromEntries(shuffledEntries) }));
						})
					)
					.chain((respondents) =>
						fc.shuffledSubarray(respondents, {
							minLength: respondents.length,
							maxLength: respondents.length
						})
					)
			})
		);
		fc.assert(
			fc.property(shuffledRound, ({ round: { catalog, respondents, targets }, shuffled }) => {
				expect(scoreRound(catalog, shuffled, targets)).toStrictEqual(
					scoreRound(catalog, respondents, targets)
				);
			}),
			{ numRuns: 300 }
		);
	});
});
