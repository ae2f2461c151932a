import { describe, expect, it } from 'vitest';
import type { Catalog } from './catalog-types';
import { commentsByDimension } from './comments';

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

describe('commentsByDimension', () => {
	// The mayor (alone in their perspective) and a staff member: nothing in a comment says whose it is.
	const mayor = { comments: { 'strategie.02': 'Kein Geld', 'daten.01': 'Excel überall' } };
	const staff = {
		comments: { 'strategie.02': 'Auch kein Personal', 'strategie.01': ' Gibt es nicht ' }
	};

	it('lists comments under their dimension in item order, then by text, with no attribution', () => {
		const result = commentsByDimension(catalog, [mayor, staff]);
		expect(result.strategie).toEqual([
			{ itemId: 'strategie.01', itemText: 'Strategie?', text: 'Gibt es nicht' },
			{ itemId: 'strategie.02', itemText: 'Budget?', text: 'Auch kein Personal' },
			{ itemId: 'strategie.02', itemText: 'Budget?', text: 'Kein Geld' }
		]);
		expect(result.daten).toEqual([
			{ itemId: 'daten.01', itemText: 'Daten?', text: 'Excel überall' }
		]);
		expect(result.ozg).toEqual([]);
	});

	it('lists the same comments in the same order whatever the order of the respondents', () => {
		expect(commentsByDimension(catalog, [staff, mayor])).toEqual(
			commentsByDimension(catalog, [mayor, staff])
		);
	});

	it('leaves out blank comments and comments on items the catalog does not have', () => {
		const result = commentsByDimension(catalog, [
			{ comments: { 'strategie.01': '   ', 'strategie.99': 'verloren' } }
		]);
		expect(Object.values(result).flat()).toEqual([]);
	});
});
