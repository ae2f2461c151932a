import { describe, expect, it } from 'vitest';
import { validateAnswer } from './answer-validation';
import type { ChecklistItem, FactItem, LevelItem, LikertItem } from './catalog-types';

const base = { dimension: 'strategie', text: 'Frage', perspectives: ['H'] } as const;

const levelItem: LevelItem = {
	...base,
	id: 'strategie.01',
	type: 'R',
	levels: ['nicht vorhanden', 'initial', 'geplant', 'etabliert', 'gesteuert']
};
const likertItem: LikertItem = { ...base, id: 'strategie.02', type: 'L', reverse: false };
const checklistItem: ChecklistItem = {
	...base,
	id: 'strategie.03',
	type: 'C',
	options: [
		{ id: 'a', text: 'A' },
		{ id: 'b', text: 'B' },
		{ id: 'c', text: 'C' }
	]
};
const numberFact: FactItem = {
	...base,
	id: 'strategie.04',
	type: 'F',
	fact: { kind: 'number', unit: 'Personen', min: 0, max: 500 }
};
const bandFact: FactItem = {
	...base,
	id: 'strategie.05',
	type: 'F',
	fact: { kind: 'band', bands: ['keine', '1–5', 'mehr als 5'] }
};
const allItems = [levelItem, likertItem, checklistItem, numberFact, bandFact];

describe('validateAnswer', () => {
	it('accepts "weiß nicht" for every item type', () => {
		for (const item of allItems) {
			expect(validateAnswer(item, { kind: 'unknown' })).toEqual({
				ok: true,
				answer: { kind: 'unknown' }
			});
		}
	});

	it.each([0, 1, 2, 3, 4])('accepts level %d', (value) => {
		expect(validateAnswer(levelItem, { kind: 'level', value })).toEqual({
			ok: true,
			answer: { kind: 'level', value }
		});
	});

	it.each([
		[-1, 'out_of_range'],
		[5, 'out_of_range'],
		[7, 'out_of_range'],
		[2.5, 'out_of_range'],
		[Infinity, 'out_of_range'],
		[NaN, 'not_a_number'],
		['3', 'not_a_number'],
		['drei', 'not_a_number'],
		[null, 'not_a_number'],
		[undefined, 'not_a_number']
	])('rejects level %s as %s', (value, reason) => {
		expect(validateAnswer(levelItem, { kind: 'level', value })).toEqual({ ok: false, reason });
	});

	it.each([1, 2, 3, 4, 5])('accepts Likert value %d', (value) => {
		expect(validateAnswer(likertItem, { kind: 'likert', value })).toEqual({
			ok: true,
			answer: { kind: 'likert', value }
		});
	});

	it.each([
		[0, 'out_of_range'],
		[6, 'out_of_range'],
		[3.5, 'out_of_range'],
		['5', 'not_a_number']
	])('rejects Likert value %s as %s', (value, reason) => {
		expect(validateAnswer(likertItem, { kind: 'likert', value })).toEqual({ ok: false, reason });
	});

	it('accepts ticked options, each once and in option order, and an empty checklist', () => {
		expect(validateAnswer(checklistItem, { kind: 'checklist', ticked: ['c', 'a', 'c'] })).toEqual({
			ok: true,
			answer: { kind: 'checklist', ticked: ['a', 'c'] }
		});
		expect(validateAnswer(checklistItem, { kind: 'checklist', ticked: [] })).toEqual({
			ok: true,
			answer: { kind: 'checklist', ticked: [] }
		});
	});

	it('rejects the whole checklist answer when one ticked id is not an option', () => {
		expect(validateAnswer(checklistItem, { kind: 'checklist', ticked: ['a', 'z'] })).toEqual({
			ok: false,
			reason: 'unknown_option'
		});
	});

	it('rejects ticked ids that are not a list of strings as malformed', () => {
		for (const ticked of ['a', ['a', 1], { 0: 'a' }, null, undefined]) {
			expect(validateAnswer(checklistItem, { kind: 'checklist', ticked })).toEqual({
				ok: false,
				reason: 'malformed'
			});
		}
	});

	it('accepts a fact number within min and max, borders included, and not only whole numbers', () => {
		for (const value of [0, 12, 37.5, 500]) {
			expect(validateAnswer(numberFact, { kind: 'fact', value })).toEqual({
				ok: true,
				answer: { kind: 'fact', value }
			});
		}
	});

	it.each([
		[-1, 'out_of_range'],
		[501, 'out_of_range'],
		[-Infinity, 'out_of_range'],
		['viele', 'not_a_number'],
		['12', 'not_a_number'],
		[NaN, 'not_a_number']
	])('rejects the fact number %s as %s', (value, reason) => {
		expect(validateAnswer(numberFact, { kind: 'fact', value })).toEqual({ ok: false, reason });
	});

	it('accepts a band the fact offers and rejects any other', () => {
		expect(validateAnswer(bandFact, { kind: 'fact', value: '1–5' })).toEqual({
			ok: true,
			answer: { kind: 'fact', value: '1–5' }
		});
		expect(validateAnswer(bandFact, { kind: 'fact', value: '6–10' })).toEqual({
			ok: false,
			reason: 'unknown_option'
		});
		expect(validateAnswer(bandFact, { kind: 'fact', value: 3 })).toEqual({
			ok: false,
			reason: 'malformed'
		});
	});

	it('rejects an answer of another item type as wrong_kind', () => {
		expect(validateAnswer(levelItem, { kind: 'likert', value: 3 })).toEqual({
			ok: false,
			reason: 'wrong_kind'
		});
		expect(validateAnswer(likertItem, { kind: 'level', value: 3 })).toEqual({
			ok: false,
			reason: 'wrong_kind'
		});
		expect(validateAnswer(checklistItem, { kind: 'fact', value: 3 })).toEqual({
			ok: false,
			reason: 'wrong_kind'
		});
		expect(validateAnswer(numberFact, { kind: 'checklist', ticked: [] })).toEqual({
			ok: false,
			reason: 'wrong_kind'
		});
	});

	it.each([
		['a string where an object belongs', '4'],
		['a bare number', 4],
		['null', null],
		['a list', [{ kind: 'level', value: 4 }]],
		['an object without kind', { value: 4 }],
		['an unheard-of kind', { kind: 'stufe', value: 4 }],
		['a kind that is not a string', { kind: 4, value: 4 }]
	])('rejects %s as malformed', (_label, raw) => {
		expect(validateAnswer(levelItem, raw)).toEqual({ ok: false, reason: 'malformed' });
	});

	it('drops keys an answer does not have', () => {
		expect(validateAnswer(levelItem, { kind: 'level', value: 2, note: 'x' })).toEqual({
			ok: true,
			answer: { kind: 'level', value: 2 }
		});
		expect(validateAnswer(levelItem, { kind: 'unknown', value: 2 })).toEqual({
			ok: true,
			answer: { kind: 'unknown' }
		});
	});
});
