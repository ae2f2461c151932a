import { describe, expect, it } from 'vitest';
import type { Catalog } from './catalog-types';
import {
	answeredRespondents,
	hasAnswered,
	isItemAnswered,
	respondentProgress
} from './respondent-progress';

// A hand-made catalog: four items for the staff council (PR), two of them also for the leadership (H).
const CATALOG: Catalog = {
	version: 'test',
	dimensions: [],
	items: [
		{
			id: 'strategie.01',
			dimension: 'strategie',
			type: 'R',
			text: 'Stufe',
			perspectives: ['H', 'PR'],
			levels: ['0', '1', '2', '3', '4']
		},
		{
			id: 'strategie.02',
			dimension: 'strategie',
			type: 'L',
			text: 'Aussage',
			perspectives: ['PR'],
			reverse: false
		},
		{
			id: 'personal.01',
			dimension: 'personal',
			type: 'C',
			text: 'Liste',
			perspectives: ['PR'],
			options: [{ id: 'a', text: 'A' }]
		},
		{
			id: 'personal.02',
			dimension: 'personal',
			type: 'F',
			text: 'Fakt',
			perspectives: ['H', 'PR'],
			fact: { kind: 'number', unit: 'Stellen', min: 0, max: 100 }
		}
	]
};

const respondent = (id: string, perspective: 'H' | 'PR', answers: Record<string, unknown>) => ({
	respondentId: id,
	perspective,
	answers
});

describe('progress of a respondent', () => {
	it('counts the answered items of their perspective out of all items of it', () => {
		const progress = respondentProgress(
			CATALOG,
			respondent('r1', 'PR', {
				'strategie.01': { kind: 'level', value: 2 },
				'personal.02': { kind: 'fact', value: 3 }
			})
		);
		expect(progress).toEqual({ answered: 2, total: 4 });
	});

	it('counts "weiß nicht" as an answer given', () => {
		expect(isItemAnswered(CATALOG.items[1]!, { kind: 'unknown' })).toBe(true);
		expect(
			respondentProgress(CATALOG, respondent('r1', 'H', { 'strategie.01': { kind: 'unknown' } }))
		).toEqual({ answered: 1, total: 2 });
	});

	it('does not count invalid values nor answers to items their perspective is not asked', () => {
		const progress = respondentProgress(
			CATALOG,
			respondent('r1', 'H', {
				// A Likert value to a level item, a level out of range, an item H is not asked.
				'strategie.01': { kind: 'likert', value: 3 },
				'personal.02': { kind: 'fact', value: 1000 },
				'strategie.02': { kind: 'likert', value: 3 }
			})
		);
		expect(progress).toEqual({ answered: 0, total: 2 });
	});
});

describe('who has answered', () => {
	it('is everyone with at least one answered item: 2 of 3 here', () => {
		const all = [
			respondent('r1', 'PR', { 'personal.01': { kind: 'checklist', ticked: [] } }),
			respondent('r2', 'H', {}),
			respondent('r3', 'H', { 'strategie.01': { kind: 'unknown' } })
		];
		expect(answeredRespondents(CATALOG, all).map((r) => r.respondentId)).toEqual(['r1', 'r3']);
		expect(hasAnswered(CATALOG, all[1]!)).toBe(false);
	});

	it('does not count a respondent whose document holds only values that are not answers', () => {
		const garbage = respondent('r1', 'PR', { 'strategie.01': 'viel', 'x.99': { kind: 'level' } });
		expect(answeredRespondents(CATALOG, [garbage])).toEqual([]);
	});
});
