import { describe, expect, it } from 'vitest';
import { PERSPECTIVES } from '../perspectives';
import type { RespondentAnswers } from './answers';
import { DIMENSIONS, type Catalog, type CatalogItem, type DimensionId } from './catalog-types';
import { compareRounds } from './round-comparison';

const dimensionOf = (id: string) => id.split('.')[0] as DimensionId;
const levelItem = (id: string): CatalogItem => ({
	id,
	dimension: dimensionOf(id),
	text: `Frage ${id}`,
	perspectives: PERSPECTIVES,
	type: 'R',
	levels: [`${id} 0`, `${id} 1`, `${id} 2`, `${id} 3`, `${id} 4`]
});
const likertItem = (id: string): CatalogItem => ({
	id,
	dimension: dimensionOf(id),
	text: `Aussage ${id}`,
	perspectives: PERSPECTIVES,
	type: 'L',
	reverse: false
});
const catalog = (version: string, ...items: CatalogItem[]): Catalog => ({
	version,
	dimensions: DIMENSIONS.map((id) => ({ id, title: id, description: '' })),
	items
});
const level = (value: number) => ({ kind: 'level', value });
const likert = (value: number) => ({ kind: 'likert', value });

// Version A asks strategie.01, strategie.02 and daten.01 (a level). Version B keeps strategie.01, drops
// strategie.02, turns daten.01 into a statement (a changed type is not the same question) and adds
// strategie.03 and fuehrung.01. Only strategie.01 is shared.
const versionA = catalog(
	'A',
	levelItem('strategie.01'),
	likertItem('strategie.02'),
	levelItem('daten.01')
);
const versionB = catalog(
	'B',
	levelItem('strategie.01'),
	likertItem('strategie.03'),
	likertItem('daten.01'),
	levelItem('fuehrung.01')
);
/**
 * Each respondent three times over: the municipality's score rests only on groups of 3 or more (ADR 7),
 * and three equal answers have the one answer as their median, so the figures below stay those of one.
 */
const thrice = (respondents: RespondentAnswers[]): RespondentAnswers[] =>
	respondents.flatMap((r) =>
		[1, 2, 3].map((i) => ({ ...r, respondentId: `${r.respondentId}-${i}` }))
	);

const earlierAnswers: RespondentAnswers[] = thrice([
	{
		respondentId: 'r1',
		perspective: 'H',
		answers: { 'strategie.01': level(1), 'strategie.02': likert(5), 'daten.01': level(4) }
	},
	{ respondentId: 'r2', perspective: 'PR', answers: { 'strategie.01': level(2) } }
]);
const laterAnswers: RespondentAnswers[] = thrice([
	{
		respondentId: 'r3',
		perspective: 'H',
		answers: {
			'strategie.01': level(3),
			'strategie.03': likert(1),
			'daten.01': likert(5),
			'fuehrung.01': level(4)
		}
	},
	{ respondentId: 'r4', perspective: 'PR', answers: { 'strategie.01': level(4) } }
]);

describe('comparing two check rounds', () => {
	it('compares rounds of different catalog versions on the items both share, and counts the rest', () => {
		const comparison = compareRounds(
			{ catalog: versionA, respondents: earlierAnswers },
			{ catalog: versionB, respondents: laterAnswers }
		);
		expect(comparison.sameCatalog).toBe(false);
		expect([comparison.earlierVersion, comparison.laterVersion]).toEqual(['A', 'B']);
		expect(comparison.sharedItems).toBe(1);
		expect(comparison.onlyEarlier).toBe(2);
		expect(comparison.onlyLater).toBe(3);
		// By hand, strategie.01 only: earlier H 1 × 25 = 25, PR 2 × 25 = 50, mean 37.5; later H 75, PR
		// 100, mean 87.5. With strategie.02 counted, earlier H would have been (25 + 100) / 2 = 62.5.
		expect(comparison.dimensions.strategie).toEqual({ earlier: 37.5, later: 87.5, change: 50 });
		// daten.01 changed its type and fuehrung.01 is new: neither is compared.
		expect(comparison.dimensions.daten).toEqual({ earlier: null, later: null, change: null });
		expect(comparison.dimensions.fuehrung).toEqual({ earlier: null, later: null, change: null });
		expect(comparison.overall).toEqual({ earlier: 37.5, later: 87.5, change: 50 });
	});

	it('compares every item when both rounds used the same catalog version', () => {
		const comparison = compareRounds(
			{ catalog: versionA, respondents: earlierAnswers },
			{
				catalog: versionA,
				respondents: thrice([
					{ respondentId: 'r5', perspective: 'H', answers: { 'strategie.02': likert(3) } }
				])
			}
		);
		expect(comparison.sameCatalog).toBe(true);
		expect([comparison.sharedItems, comparison.onlyEarlier, comparison.onlyLater]).toEqual([
			3, 0, 0
		]);
		// Earlier: H (25 + 100) / 2 = 62.5, PR 50 → 56.25. Later: H (3 − 1) × 25 = 50.
		expect(comparison.dimensions.strategie).toEqual({ earlier: 56.25, later: 50, change: -6.25 });
		// Earlier daten: H 4 × 25 = 100; nobody answered it later.
		expect(comparison.dimensions.daten).toEqual({ earlier: 100, later: null, change: null });
	});
});
