import { describe, expect, it } from 'vitest';
import { filterMeasures } from '$lib/domain/measures/roadmap';
import type { Measure } from '$lib/domain/measures/measure';
import { NO_OWNER, ownerFilter, ownerOptions } from './owner-options';

describe('ownerOptions', () => {
	it('names each owner once however it was typed, in the spelling first seen', () => {
		const measures = [{ owner: 'Kämmerei' }, { owner: ' kämmerei ' }, { owner: 'KÄMMEREI  ' }];
		expect(ownerOptions(measures)).toEqual(['Kämmerei']);
	});

	it('leaves out measures without an owner and sorts the rest as a German reader expects', () => {
		const measures = [
			{ owner: 'Zentrale Dienste' },
			{ owner: '' },
			{ owner: '   ' },
			{ owner: 'Ämter' },
			{ owner: 'Bauamt' }
		];
		expect(ownerOptions(measures)).toEqual(['Ämter', 'Bauamt', 'Zentrale Dienste']);
	});
});

describe('ownerFilter', () => {
	const measures = [
		{ id: 'a', owner: 'Bauamt' },
		{ id: 'b', owner: '' },
		{ id: 'c', owner: ' bauamt' }
	] as Measure[];
	const ids = (value: string) =>
		filterMeasures(measures, { owner: ownerFilter(value) }).map((m) => m.id);

	it('keeps every measure for "alle", those of one owner for an offered owner', () => {
		expect(ids('')).toEqual(['a', 'b', 'c']);
		expect(ids(ownerOptions(measures)[0]!)).toEqual(['a', 'c']);
	});

	it('keeps only the measures nobody owns yet for "ohne Verantwortliche"', () => {
		expect(ids(NO_OWNER)).toEqual(['b']);
	});
});
