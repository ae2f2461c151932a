import { describe, expect, it } from 'vitest';
import { PERSPECTIVES, type Perspective } from '../perspectives';
import type { RespondentAnswers } from './answers';
import {
	DIMENSIONS,
	type Catalog,
	type CatalogItem,
	type ChecklistItem,
	type DimensionId,
	type FactItem,
	type LevelItem,
	type LikertItem
} from './catalog-types';
import { bandOf, scoreItem, scoreRound } from './check-scoring';

// ---------------------------------------------------------------------------------------------------
// Hand-made fixtures: item ids carry their dimension (`strategie.01`).

const dimensionOf = (id: string) => id.split('.')[0] as DimensionId;

const levelItem = (id: string, perspectives: readonly Perspective[] = PERSPECTIVES): LevelItem => ({
	id,
	dimension: dimensionOf(id),
	text: `Frage ${id}`,
	perspectives,
	type: 'R',
	levels: ['0', '1', '2', '3', '4']
});

const likertItem = (
	id: string,
	reverse: boolean,
	perspectives: readonly Perspective[] = PERSPECTIVES
): LikertItem => ({
	id,
	dimension: dimensionOf(id),
	text: `Aussage ${id}`,
	perspectives,
	type: 'L',
	reverse
});

const checklistItem = (
	id: string,
	optionIds: readonly string[],
	perspectives: readonly Perspective[] = PERSPECTIVES
): ChecklistItem => ({
	id,
	dimension: dimensionOf(id),
	text: `Liste ${id}`,
	perspectives,
	type: 'C',
	options: optionIds.map((optionId) => ({ id: optionId, text: optionId }))
});

const numberFact = (id: string): FactItem => ({
	id,
	dimension: dimensionOf(id),
	text: `Fakt ${id}`,
	perspectives: PERSPECTIVES,
	type: 'F',
	fact: { kind: 'number', unit: 'Personen', min: 0, max: 1000 }
});

const catalogOf = (...items: CatalogItem[]): Catalog => ({
	version: 'test.1',
	dimensions: DIMENSIONS.map((id) => ({ id, title: id, description: '' })),
	items
});

const respondent = (
	respondentId: string,
	perspective: Perspective,
	answers: Record<string, unknown>
): RespondentAnswers => ({ respondentId, perspective, answers });

const level = (value: number) => ({ kind: 'level', value });
const likert = (value: number) => ({ kind: 'likert', value });
const ticked = (...ids: string[]) => ({ kind: 'checklist', ticked: ids });
const unknown = { kind: 'unknown' };

/** Three respondents of one perspective with the same answers: the fewest the municipality's score rests on. */
const thrice = (perspective: Perspective, answers: Record<string, unknown>) =>
	[1, 2, 3].map((i) => respondent(`r${i}`, perspective, answers));

/** n respondents of one perspective who all answer `itemId` with the given levels. */
const group = (perspective: Perspective, itemId: string, levels: number[]) =>
	levels.map((value, i) =>
		respondent(`${perspective}-${i + 1}`, perspective, { [itemId]: level(value) })
	);

// ---------------------------------------------------------------------------------------------------

describe('item scores', () => {
	it('scores a maturity level as level × 25', () => {
		const item = levelItem('strategie.01');
		expect([0, 1, 2, 3, 4].map((value) => scoreItem(item, { kind: 'level', value }))).toEqual([
			0, 25, 50, 75, 100
		]);
	});

	it('scores a Likert value x as (x − 1) × 25', () => {
		const item = likertItem('strategie.01', false);
		expect([1, 2, 3, 4, 5].map((value) => scoreItem(item, { kind: 'likert', value }))).toEqual([
			0, 25, 50, 75, 100
		]);
	});

	it('scores a reverse Likert value x as (5 − x) × 25', () => {
		const item = likertItem('strategie.01', true);
		expect([1, 2, 3, 4, 5].map((value) => scoreItem(item, { kind: 'likert', value }))).toEqual([
			100, 75, 50, 25, 0
		]);
	});

	it('scores a checklist as the share of options ticked × 100', () => {
		const item = checklistItem('strategie.01', ['a', 'b', 'c', 'd']);
		expect(scoreItem(item, { kind: 'checklist', ticked: [] })).toBe(0);
		expect(scoreItem(item, { kind: 'checklist', ticked: ['b', 'd'] })).toBe(50);
		expect(scoreItem(item, { kind: 'checklist', ticked: ['a', 'b', 'd'] })).toBe(75);
		expect(scoreItem(item, { kind: 'checklist', ticked: ['a', 'b', 'c', 'd'] })).toBe(100);
		const three = checklistItem('strategie.02', ['a', 'b', 'c']);
		expect(scoreItem(three, { kind: 'checklist', ticked: ['a'] })).toBeCloseTo(33.333, 3);
	});

	it('gives facts and "weiß nicht" no score', () => {
		expect(scoreItem(numberFact('strategie.01'), { kind: 'fact', value: 12 })).toBeNull();
		expect(scoreItem(levelItem('strategie.02'), { kind: 'unknown' })).toBeNull();
		expect(scoreItem(likertItem('strategie.03', true), { kind: 'unknown' })).toBeNull();
	});
});

describe('bands', () => {
	it.each([
		[0, 'einstieg'],
		[24.999, 'einstieg'],
		[25, 'grundlagen'],
		[49.999, 'grundlagen'],
		[50, 'fortgeschritten'],
		[74.999, 'fortgeschritten'],
		[75, 'vorreiter'],
		[100, 'vorreiter']
	])('puts a score of %d into %s', (score, band) => {
		expect(bandOf(score)).toBe(band);
	});
});

describe('scoring a round', () => {
	it('records the catalog version the round was scored with', () => {
		expect(scoreRound(catalogOf(levelItem('strategie.01')), []).catalogVersion).toBe('test.1');
	});

	it('inverts reverse Likert items in the respondent’s dimension score', () => {
		const catalog = catalogOf(
			levelItem('strategie.01'),
			likertItem('strategie.02', true),
			likertItem('strategie.03', false)
		);
		// level 2 → 50; reverse 4 → (5 − 4) × 25 = 25; plain 4 → (4 − 1) × 25 = 75; mean 50
		const result = scoreRound(
			catalog,
			thrice('H', {
				'strategie.01': level(2),
				'strategie.02': likert(4),
				'strategie.03': likert(4)
			})
		);
		expect(result.respondents[0]?.dimensions.strategie.score).toBe(50);
		expect(result.dimensions.strategie.score).toBe(50);
	});

	it('leaves unanswered items and "weiß nicht" out of both the score and the coverage', () => {
		const catalog = catalogOf(
			levelItem('strategie.01'),
			levelItem('strategie.02'),
			likertItem('strategie.03', false),
			checklistItem('strategie.04', ['a', 'b']),
			numberFact('strategie.05')
		);
		// answered: 01 → 100 and 04 → 50 (score 75); 02 unknown, 03 missing; the fact 05 is not scored
		// and not asked for coverage: 2 of 4 each, 6 of 12 over the three
		const result = scoreRound(
			catalog,
			thrice('H', {
				'strategie.01': level(4),
				'strategie.02': unknown,
				'strategie.04': ticked('a'),
				'strategie.05': { kind: 'fact', value: 12 }
			})
		);
		expect(result.respondents[0]?.dimensions.strategie).toEqual({
			score: 75,
			answered: 2,
			asked: 4,
			coverage: 0.5
		});
		expect(result.dimensions.strategie).toMatchObject({
			score: 75,
			band: 'vorreiter',
			answered: 6,
			asked: 12,
			coverage: 0.5
		});
		expect(result.flags).toEqual([]);
	});

	it('gives a dimension nobody answered no score and leaves it out of the overall score', () => {
		const catalog = catalogOf(
			levelItem('strategie.01'),
			levelItem('fuehrung.01'),
			levelItem('kooperation.01')
		);
		// strategie: 100, 50 and 75 → H median 75; fuehrung: only "weiß nicht"; kooperation: 25 × 3;
		// prozesse has no items at all. Overall = (75 + 25) / 2 = 50.
		const result = scoreRound(catalog, [
			respondent('r1', 'H', {
				'strategie.01': level(4),
				'fuehrung.01': unknown,
				'kooperation.01': level(1)
			}),
			respondent('r2', 'H', { 'strategie.01': level(2), 'kooperation.01': level(1) }),
			respondent('r3', 'H', { 'strategie.01': level(3), 'kooperation.01': level(1) })
		]);
		expect(result.dimensions.fuehrung).toEqual({
			score: null,
			band: null,
			answered: 0,
			asked: 3,
			coverage: 0,
			targetLevel: null,
			targetScore: null,
			gap: null
		});
		expect(result.dimensions.prozesse).toMatchObject({
			score: null,
			band: null,
			answered: 0,
			asked: 0,
			coverage: null
		});
		expect(result.respondents[0]?.dimensions.prozesse).toEqual({
			score: null,
			answered: 0,
			asked: 0,
			coverage: null
		});
		expect(result.dimensions.strategie.score).toBe(75);
		expect(result.dimensions.kooperation.score).toBe(25);
		expect(result.overall).toEqual({ score: 50, band: 'fortgeschritten' });
	});

	it('has no overall score when nobody answered anything', () => {
		const result = scoreRound(catalogOf(levelItem('strategie.01')), [
			respondent('r1', 'H', { 'strategie.01': unknown })
		]);
		expect(result.overall).toEqual({ score: null, band: null });
		expect(result.perspectiveGaps.strategie).toBeNull();
	});

	it('scores a round of one respondent, but gives the municipality no score: it would be theirs', () => {
		const catalog = catalogOf(
			levelItem('strategie.01'),
			checklistItem('strategie.02', ['a', 'b', 'c', 'd'])
		);
		// 25 and 75 → 50
		const result = scoreRound(catalog, [
			respondent('solo', 'D', { 'strategie.01': level(1), 'strategie.02': ticked('a', 'b', 'c') })
		]);
		expect(result.respondents).toHaveLength(1);
		expect(result.respondents[0]).toMatchObject({ respondentId: 'solo', perspective: 'D' });
		expect(result.perspectives).toHaveLength(1);
		expect(result.perspectives[0]?.perspective).toBe('D');
		expect(result.perspectives[0]?.respondents).toBe(1);
		expect(result.perspectives[0]?.dimensions.strategie).toEqual({
			respondents: 1,
			median: 50,
			iqr: 0,
			min: 50,
			max: 50,
			shownSeparately: false
		});
		expect(result.respondents[0]?.dimensions.strategie.score).toBe(50);
		expect(result.dimensions.strategie).toMatchObject({ score: null, band: null });
		expect(result.overall).toEqual({ score: null, band: null });
		expect(result.perspectiveGaps.strategie).toBeNull();
	});

	it('neither shows a perspective of two respondents nor counts it, as the score would give it away', () => {
		const catalog = catalogOf(levelItem('strategie.01'));
		// H: 100, 50, 75 → median 75, IQR 87.5 − 62.5 = 25; B: 25, 75 → median 50, not published and
		// alone among the unpublished. Counting it, (75 + 50) / 2 = 62.5 would give B's 50 away as
		// 2 × 62.5 − 75; the municipality's score is H's 75.
		const result = scoreRound(catalog, [
			...group('H', 'strategie.01', [4, 2, 3]),
			...group('B', 'strategie.01', [1, 3])
		]);
		expect(result.perspectives.map((p) => p.perspective)).toEqual(['H', 'B']);
		expect(result.perspectives[0]?.dimensions.strategie).toEqual({
			respondents: 3,
			median: 75,
			iqr: 25,
			min: 50,
			max: 100,
			shownSeparately: true
		});
		expect(result.perspectives[1]?.dimensions.strategie).toEqual({
			respondents: 2,
			median: 50,
			iqr: 25,
			min: 25,
			max: 75,
			shownSeparately: false
		});
		expect(result.dimensions.strategie).toMatchObject({ score: 75, band: 'vorreiter' });
		// Only one perspective is shown separately: there is no gap between two.
		expect(result.perspectiveGaps.strategie).toBeNull();
	});

	it('weighs every perspective the same, however many respondents it has', () => {
		const catalog = catalogOf(levelItem('strategie.01'));
		// H: three respondents at 100; B: five at 0. Mean of the medians (100 + 0) / 2 = 50, not
		// 300 / 8 = 37.5.
		const result = scoreRound(catalog, [
			...group('H', 'strategie.01', [4, 4, 4]),
			...group('B', 'strategie.01', [0, 0, 0, 0, 0])
		]);
		expect(result.dimensions.strategie.score).toBe(50);
		expect(result.dimensions.strategie.band).toBe('fortgeschritten');
	});

	it('ignores invalid values and answers to unknown items, and flags each of them', () => {
		const catalog = catalogOf(
			levelItem('strategie.01'),
			numberFact('strategie.02'),
			checklistItem('strategie.03', ['a', 'b']),
			levelItem('strategie.04'),
			likertItem('strategie.05', false)
		);
		const result = scoreRound(catalog, [
			respondent('r1', 'H', {
				'strategie.05': likert(5), // the one valid answer: 100
				'strategie.04': '4', // a string where an object belongs
				'strategie.03': ticked('a', 'z'), // an option the checklist does not have
				'strategie.02': { kind: 'fact', value: 'viele' }, // text in a number field
				'strategie.01': level(7), // no level 7
				'alt.01': level(2) // not in the catalog
			}),
			respondent('a2', 'B', { 'strategie.01': likert(3) }) // a Likert answer to a level item
		]);
		expect(result.flags).toEqual([
			{ respondentId: 'a2', itemId: 'strategie.01', reason: 'wrong_kind' },
			{ respondentId: 'r1', itemId: 'alt.01', reason: 'unknown_item' },
			{ respondentId: 'r1', itemId: 'strategie.01', reason: 'out_of_range' },
			{ respondentId: 'r1', itemId: 'strategie.02', reason: 'not_a_number' },
			{ respondentId: 'r1', itemId: 'strategie.03', reason: 'unknown_option' },
			{ respondentId: 'r1', itemId: 'strategie.04', reason: 'malformed' }
		]);
		// r1: only strategie.05 counts, of the four scored items asked.
		expect(result.respondents.find((r) => r.respondentId === 'r1')?.dimensions.strategie).toEqual({
			score: 100,
			answered: 1,
			asked: 4,
			coverage: 0.25
		});
		// a2 (B) has no valid answer: B has no median and does not pull the score down.
		expect(result.perspectives.find((p) => p.perspective === 'B')?.dimensions.strategie).toEqual({
			respondents: 0,
			median: null,
			iqr: null,
			min: null,
			max: null,
			shownSeparately: false
		});
		// One score is too few for the municipality's score.
		expect(result.dimensions.strategie).toMatchObject({ score: null, answered: 1, asked: 8 });
	});

	it('ignores and flags an answer to an item the respondent’s perspective is not asked', () => {
		const catalog = catalogOf(
			levelItem('strategie.01', ['H']),
			levelItem('strategie.02', ['H', 'B'])
		);
		const result = scoreRound(catalog, [
			respondent('b1', 'B', { 'strategie.01': level(4), 'strategie.02': level(1) })
		]);
		expect(result.flags).toEqual([
			{ respondentId: 'b1', itemId: 'strategie.01', reason: 'not_asked' }
		]);
		expect(result.respondents[0]?.dimensions.strategie).toEqual({
			score: 25,
			answered: 1,
			asked: 1,
			coverage: 1
		});
	});

	it('computes the coverage of a dimension over all answers asked of all respondents', () => {
		const catalog = catalogOf(
			levelItem('strategie.01', ['H', 'B']),
			levelItem('strategie.02', ['H']),
			likertItem('strategie.03', false, ['H', 'B'])
		);
		// H is asked 3 and answers 2; B is asked 2 and answers 1: 3 of 5.
		const result = scoreRound(catalog, [
			respondent('h1', 'H', { 'strategie.01': level(2), 'strategie.02': level(3) }),
			respondent('b1', 'B', { 'strategie.03': likert(3), 'strategie.01': unknown })
		]);
		expect(result.dimensions.strategie).toMatchObject({ answered: 3, asked: 5, coverage: 0.6 });
		expect(result.respondents.map((r) => r.dimensions.strategie.coverage)).toEqual([0.5, 2 / 3]);
	});

	it('sets the target at Soll level × 25 and the gap at target − score', () => {
		const catalog = catalogOf(
			levelItem('strategie.01'),
			levelItem('fuehrung.01'),
			levelItem('prozesse.01')
		);
		const result = scoreRound(
			catalog,
			thrice('H', {
				'strategie.01': level(2),
				'fuehrung.01': level(2),
				'prozesse.01': unknown
			}),
			{ strategie: 3, fuehrung: 1, prozesse: 4, ozg: 2.5 }
		);
		expect(result.dimensions.strategie).toMatchObject({
			score: 50,
			targetLevel: 3,
			targetScore: 75,
			gap: 25
		});
		// a target below the score: a negative gap
		expect(result.dimensions.fuehrung).toMatchObject({
			score: 50,
			targetLevel: 1,
			targetScore: 25,
			gap: -25
		});
		// a target but no score: no gap
		expect(result.dimensions.prozesse).toMatchObject({
			score: null,
			targetLevel: 4,
			targetScore: 100,
			gap: null
		});
		// a Soll level that is not a whole number 0–4 is ignored, as is a missing one
		expect(result.dimensions.ozg).toMatchObject({
			targetLevel: null,
			targetScore: null,
			gap: null
		});
		expect(result.dimensions.daten).toMatchObject({
			targetLevel: null,
			targetScore: null,
			gap: null
		});
	});

	it('scores a checklist by the share ticked, counting a twice-ticked option once', () => {
		const catalog = catalogOf(checklistItem('strategie.01', ['a', 'b', 'c', 'd']));
		// 3 of 4 → 75; none → 0; b twice → 1 of 4 → 25. Median of 0, 25, 75 = 25.
		const result = scoreRound(catalog, [
			respondent('r1', 'H', { 'strategie.01': ticked('a', 'c', 'd') }),
			respondent('r2', 'H', { 'strategie.01': ticked() }),
			respondent('r3', 'H', { 'strategie.01': ticked('b', 'b') })
		]);
		expect(result.respondents.map((r) => r.dimensions.strategie.score)).toEqual([75, 0, 25]);
		expect(result.dimensions.strategie.score).toBe(25);
	});

	it('names the largest gap between two perspectives shown separately', () => {
		const catalog = catalogOf(levelItem('strategie.01'));
		// H: 100, 100, 75 → 100; B: 0, 25, 25 → 25; D: 50 × 3 → 50; PR: 0, 0 → 0 (only two, not shown).
		const result = scoreRound(catalog, [
			...group('H', 'strategie.01', [4, 4, 3]),
			...group('B', 'strategie.01', [0, 1, 1]),
			...group('D', 'strategie.01', [2, 2, 2]),
			...group('PR', 'strategie.01', [0, 0])
		]);
		expect(result.perspectiveGaps.strategie).toEqual({ high: 'H', low: 'B', size: 75 });
		// PR's two are in no published group and too few to count by themselves:
		// (100 + 50 + 25) / 3 = 58.33….
		expect(result.dimensions.strategie.score).toBeCloseTo(175 / 3, 10);
		expect(result.dimensions.strategie.band).toBe('fortgeschritten');
		expect(result.perspectives.map((p) => p.perspective)).toEqual(['H', 'D', 'B', 'PR']);
	});

	it('names two different perspectives, the first in order, when their medians are equal', () => {
		const catalog = catalogOf(levelItem('strategie.01'));
		const result = scoreRound(catalog, [
			...group('B', 'strategie.01', [2, 2, 2]),
			...group('A', 'strategie.01', [2, 2, 2]),
			...group('P', 'strategie.01', [2, 2, 2])
		]);
		expect(result.perspectiveGaps.strategie).toEqual({ high: 'A', low: 'B', size: 0 });
	});

	it('lists respondents by id and perspectives in their fixed order, whatever the input order', () => {
		const catalog = catalogOf(levelItem('strategie.01'));
		const result = scoreRound(catalog, [
			respondent('z', 'E', { 'strategie.01': level(1) }),
			respondent('a', 'B', { 'strategie.01': level(2) }),
			respondent('m', 'H', { 'strategie.01': level(3) })
		]);
		expect(result.respondents.map((r) => r.respondentId)).toEqual(['a', 'm', 'z']);
		expect(result.perspectives.map((p) => p.perspective)).toEqual(['H', 'B', 'E']);
	});
});

describe('the municipality’s score gives no one away (ADR 7)', () => {
	const catalog = catalogOf(levelItem('strategie.01'), levelItem('daten.01'));

	it('leaves out a lone mayor beside three staff, whose score it would otherwise give away', () => {
		// B: 25, 50, 75 → median 50, published. H: 100, alone and unpublished. Counting H would give
		// (50 + 100) / 2 = 75, and 2 × 75 − 50 = 100 is the mayor's answer; so the score is B's 50.
		const round = (mayor: number) => [
			...group('B', 'strategie.01', [1, 2, 3]),
			...group('H', 'strategie.01', [mayor])
		];
		expect(scoreRound(catalog, round(4)).dimensions.strategie.score).toBe(50);
		expect(scoreRound(catalog, round(0)).dimensions.strategie.score).toBe(50);
	});

	it('counts the unpublished perspectives together as one more group once they are three', () => {
		// B: 0, 25, 50 → 25, published. H 100, P 0, E 50: each alone, in two groups (Leitung 1,
		// Politik und Öffentlichkeit 2), so none is shown; pooled they are 3 with median 50.
		// (25 + 50) / 2 = 37.5.
		const result = scoreRound(catalog, [
			...group('B', 'strategie.01', [0, 1, 2]),
			...group('H', 'strategie.01', [4]),
			...group('P', 'strategie.01', [0]),
			...group('E', 'strategie.01', [2])
		]);
		expect(result.dimensions.strategie.score).toBe(37.5);
	});

	it('leaves a published group out of a dimension in which fewer than 3 of it have a score', () => {
		// H: strategie 100 × 3, daten 0 once and "weiß nicht" twice. B: strategie 0 × 3, daten 50 × 3.
		// Strategie (100 + 0) / 2 = 50; daten is B's 50 alone, not (0 + 50) / 2 = 25, which would give
		// away the one H answer.
		const result = scoreRound(catalog, [
			respondent('h1', 'H', { 'strategie.01': level(4), 'daten.01': level(0) }),
			respondent('h2', 'H', { 'strategie.01': level(4), 'daten.01': unknown }),
			respondent('h3', 'H', { 'strategie.01': level(4), 'daten.01': unknown }),
			...thrice('B', { 'strategie.01': level(0), 'daten.01': level(2) }).map((r) => ({
				...r,
				respondentId: `b-${r.respondentId}`
			}))
		]);
		expect(result.dimensions.strategie.score).toBe(50);
		expect(result.dimensions.daten.score).toBe(50);
		expect(result.overall.score).toBe(50);
	});
});
