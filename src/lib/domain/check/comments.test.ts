import { describe, expect, it } from 'vitest';
import type { Catalog } from './catalog-types';
import { commentsByDimension } from './comments';
import type { PerspectiveGrouping } from './perspective-groups';

const catalog: Catalog = {
	version: 'test',
	dimensions: [],
	items: [
		{
			id: 'strategie.01',
			dimension: 'strategie',
			text: 'Strategie?',
			perspectives: ['H', 'B'],
			type: 'L',
			reverse: false
		},
		{
			id: 'strategie.02',
			dimension: 'strategie',
			text: 'Budget?',
			perspectives: ['H', 'B'],
			type: 'L',
			reverse: false
		},
		{
			id: 'daten.01',
			dimension: 'daten',
			text: 'Daten?',
			perspectives: ['H', 'B'],
			type: 'L',
			reverse: false
		}
	]
};

/** Beschäftigte are shown by themselves; Verwaltungsspitze is not shown. */
const grouping = {
	groups: [
		{ key: 'B', kind: 'perspective', group: 'mitarbeitende', perspectives: ['B'], respondents: 3 }
	],
	unpublished: ['H']
} as unknown as PerspectiveGrouping;

describe('commentsByDimension', () => {
	it('lists comments under their dimension in item order, attributed only to a published group', () => {
		const result = commentsByDimension(
			catalog,
			[
				{
					perspective: 'H',
					comments: { 'strategie.02': 'Kein Geld', 'daten.01': 'Excel überall' }
				},
				{
					perspective: 'B',
					comments: { 'strategie.02': 'Auch kein Personal', 'strategie.01': ' Gibt es nicht ' }
				}
			],
			grouping
		);
		expect(result.strategie).toEqual([
			{ itemId: 'strategie.01', itemText: 'Strategie?', group: 'B', text: 'Gibt es nicht' },
			{ itemId: 'strategie.02', itemText: 'Budget?', group: 'B', text: 'Auch kein Personal' },
			{ itemId: 'strategie.02', itemText: 'Budget?', group: null, text: 'Kein Geld' }
		]);
		expect(result.daten).toEqual([
			{ itemId: 'daten.01', itemText: 'Daten?', group: null, text: 'Excel überall' }
		]);
		expect(result.ozg).toEqual([]);
	});

	it('leaves out blank comments and comments on items the catalog does not have', () => {
		const result = commentsByDimension(
			catalog,
			[{ perspective: 'B', comments: { 'strategie.01': '   ', 'strategie.99': 'verloren' } }],
			grouping
		);
		expect(Object.values(result).flat()).toEqual([]);
	});
});
