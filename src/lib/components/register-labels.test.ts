import { describe, expect, it } from 'vitest';
import type { RegisterChoice } from '$lib/domain/register/register-choices';
import { choiceContext, choiceFacts, choiceFormValues } from './register-labels';

// Rows of the shipped niedersachsen.json, copied by hand.
const OSLOSS: RegisterChoice = {
	ars: '031515401020',
	officialName: 'Osloß',
	name: 'Osloß',
	type: 'einheitsgemeinde',
	role: 'mitgliedsgemeinde',
	landkreis: 'Landkreis Gifhorn',
	samtgemeinde: 'Boldecker Land',
	population: 1909,
	areaHectares: 765
} as RegisterChoice;
const HANNOVER: RegisterChoice = {
	ars: '032410001001',
	officialName: 'Hannover, Landeshauptstadt',
	name: 'Hannover',
	type: 'stadt',
	role: 'verbandsfreie_gemeinde',
	landkreis: 'Region Hannover',
	samtgemeinde: null,
	population: 536925,
	areaHectares: 20414
} as RegisterChoice;
const REGION: RegisterChoice = {
	...HANNOVER,
	ars: '032410000000',
	officialName: 'Region Hannover',
	name: 'Region Hannover',
	type: 'region',
	role: 'landkreis',
	landkreis: null,
	population: 1157115
} as RegisterChoice;
const BOLDECKER_LAND: RegisterChoice = {
	...OSLOSS,
	ars: '031515401000',
	officialName: 'Boldecker Land',
	name: 'Boldecker Land',
	type: 'samtgemeinde',
	role: 'samtgemeinde',
	samtgemeinde: null,
	population: 10082
} as RegisterChoice;

describe('a register match in the type-ahead list', () => {
	it('names the Samtgemeinde and Landkreis of a member municipality', () => {
		expect(choiceContext(OSLOSS)).toBe(
			'Mitgliedsgemeinde der Samtgemeinde Boldecker Land, Landkreis Gifhorn'
		);
		expect(choiceContext(BOLDECKER_LAND)).toBe('Samtgemeinde, Landkreis Gifhorn');
	});

	it('names the type and Landkreis of other places, and only the type of a Kreis or kreisfreie Stadt', () => {
		expect(choiceContext(HANNOVER)).toBe('Stadt, Region Hannover');
		expect(choiceContext(REGION)).toBe('Region');
		expect(choiceContext({ ...REGION, role: 'kreisfreie_stadt', type: 'kreisfreie_stadt' })).toBe(
			'Kreisfreie Stadt'
		);
	});

	it('shows the ARS and the population in German notation', () => {
		expect(choiceFacts(HANNOVER)).toBe('ARS 032410001001 · 536.925 Einwohner');
	});
});

describe('what a pick fills into the form', () => {
	it('takes ARS, name, type, Landkreis and the population in German notation', () => {
		expect(choiceFormValues(OSLOSS)).toEqual({
			ars: '031515401020',
			name: 'Osloß',
			type: 'einheitsgemeinde',
			landkreis: 'Landkreis Gifhorn',
			population: '1.909'
		});
	});

	it('leaves the Landkreis empty for a Kreis itself', () => {
		expect(choiceFormValues(REGION)).toEqual({
			ars: '032410000000',
			name: 'Region Hannover',
			type: 'region',
			landkreis: '',
			population: '1.157.115'
		});
	});
});
