import { describe, expect, it } from 'vitest';
import type { Catalog } from './catalog-types';
import { itemAverages } from './item-averages';

const catalog: Catalog = {
	version: 'test',
	dimensions: [],
	items: [
		{
			id: 'strategie.01',
			dimension: 'strategie',
			text: 'Stufe?',
			perspectives: ['H', 'B'],
			type: 'R',
			levels: ['0', '1', '2', '3', '4']
		},
		{
			id: 'strategie.02',
			dimension: 'strategie',
			text: 'Aussage?',
			perspectives: ['B'],
			type: 'L',
			reverse: false
		},
		{
			id: 'daten.01',
			dimension: 'daten',
			text: 'Zahl?',
			perspectives: ['H', 'B'],
			type: 'F',
			fact: { kind: 'number', unit: 'Stück', min: 0, max: 9 }
		}
	]
};

const level = (value: number) => ({ kind: 'level', value });

describe('itemAverages', () => {
	it('averages each scored question over the answers that count, computed by hand', () => {
		const rows = itemAverages(catalog, [
			{
				respondentId: 'a',
				perspective: 'H',
				answers: { 'strategie.01': level(1), 'strategie.02': { kind: 'likert', value: 5 } }
			},
			{
				respondentId: 'b',
				perspective: 'B',
				answers: { 'strategie.01': level(2), 'strategie.02': { kind: 'likert', value: 4 } }
			},
			{
				respondentId: 'c',
				perspective: 'B',
				answers: { 'strategie.01': level(4), 'strategie.02': { kind: 'unknown' } }
			},
			{ respondentId: 'd', perspective: 'B', answers: { 'strategie.01': { kind: 'unknown' } } },
			{ respondentId: 'e', perspective: 'B', answers: { 'strategie.01': level(7) } }
		]);
		// strategie.01: 25, 50, 100 → 175 / 3; one "weiß nicht"; level 7 is invalid and left out.
		// strategie.02: H is not asked it; B gave (4 − 1) × 25 = 75 once: below 3, no mean. Facts: no row.
		expect(rows).toEqual([
			{
				itemId: 'strategie.01',
				dimension: 'strategie',
				text: 'Stufe?',
				answered: 3,
				unknown: 1,
				mean: 175 / 3
			},
			{
				itemId: 'strategie.02',
				dimension: 'strategie',
				text: 'Aussage?',
				answered: 1,
				unknown: 1,
				mean: null
			}
		]);
	});
});
