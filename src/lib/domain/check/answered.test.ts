import { describe, expect, it } from 'vitest';
import { hasAnswered } from './answered';
import type { Catalog } from './catalog-types';

const catalog: Catalog = {
	version: 'test',
	dimensions: [],
	items: [
		{
			id: 'strategie.01',
			dimension: 'strategie',
			text: 'Frage',
			perspectives: ['H'],
			type: 'R',
			levels: ['0', '1', '2', '3', '4']
		}
	]
};

describe('hasAnswered', () => {
	it('counts a respondent who gave a level', () => {
		expect(hasAnswered(catalog, { 'strategie.01': { kind: 'level', value: 2 } })).toBe(true);
	});

	it('counts "weiß nicht" as an answer', () => {
		expect(hasAnswered(catalog, { 'strategie.01': { kind: 'unknown' } })).toBe(true);
	});

	it('does not count a respondent who never answered', () => {
		expect(hasAnswered(catalog, {})).toBe(false);
	});

	it('does not count values that are not answers or ids the catalog does not have', () => {
		expect(hasAnswered(catalog, { 'strategie.01': { kind: 'level', value: 9 } })).toBe(false);
		expect(hasAnswered(catalog, { 'strategie.99': { kind: 'level', value: 2 } })).toBe(false);
		expect(hasAnswered(catalog, { 'strategie.01': undefined })).toBe(false);
	});
});
