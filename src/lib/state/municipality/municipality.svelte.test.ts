import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRoundTitle } from '../../crdt/check-round-doc';
import { readWorkshopInfo } from '../../crdt/workshop-doc';
import { checkSharedDocName, workshopControlDocName } from '../../domain/document-names';
import type { ProfileFormInput } from '../../domain/kommune-profile';
import { listSessions } from '../../storage/sessions';
import { rendered, testDevice, type TestDevice } from '../test-device.svelte';
import { Municipality } from './municipality.svelte';

const ARS = '032520006006';
const hameln: ProfileFormInput = {
	ars: ARS,
	name: 'Hameln',
	type: 'stadt',
	landkreis: 'Landkreis Hameln-Pyrmont',
	population: '57.000',
	coreStaff: '',
	itStaffFte: '',
	itOperatingModel: ''
};

let device: TestDevice;
let stop = () => {};

beforeEach(() => {
	device = testDevice();
});

afterEach(async () => {
	stop();
	stop = () => {};
	await device.close();
});

const municipality = () =>
	new Municipality({ db: device.db, services: async () => device.services }, ARS);

describe('Municipality', () => {
	it('shows the profile and lists a new workshop and round, each with its own document', async () => {
		expect((await device.services.profiles.createKommune(hameln)).ok).toBe(true);
		const shown = municipality();
		stop = rendered(() => [shown.profile.profile, shown.workshops, shown.checkRounds]);
		await expect.poll(() => shown.profile.profile?.name).toBe('Hameln');

		const workshop = await shown.createWorkshop('Auftaktworkshop', '2027-03-15');
		const round = await shown.createCheckRound('Digital-Check 2027');
		if (!workshop.ok || !round.ok) throw new Error('could not prepare');
		await expect.poll(() => shown.workshops.map((row) => row.title)).toEqual(['Auftaktworkshop']);
		await expect
			.poll(() => shown.checkRounds.map((row) => row.title))
			.toEqual(['Digital-Check 2027']);
		expect(
			await device.write(workshopControlDocName(ARS, workshop.value.id), readWorkshopInfo)
		).toMatchObject({ title: 'Auftaktworkshop', date: '2027-03-15' });
		expect(await device.write(checkSharedDocName(ARS, round.value.id), readRoundTitle)).toBe(
			'Digital-Check 2027'
		);
		shown.close();
	});

	it('refuses a workshop without a title on the title field and one with an impossible date on the date field, preparing none', async () => {
		const shown = municipality();
		expect(await shown.createWorkshop('   ', '2027-03-15')).toEqual({
			ok: false,
			field: 'title',
			error: 'title_required'
		});
		expect(await shown.createWorkshop('Auftaktworkshop', '2027-02-30')).toEqual({
			ok: false,
			field: 'date',
			error: 'date_invalid'
		});
		expect(await listSessions(device.db, ARS)).toEqual([]);
	});

	it('answers code_load_failed when the document code does not load, and prepares nothing', async () => {
		const offline = new Municipality(
			{ db: device.db, services: () => Promise.reject(new TypeError('Failed to fetch')) },
			ARS
		);
		expect(await offline.createCheckRound('Digital-Check 2027')).toEqual({
			ok: false,
			field: 'form',
			error: 'code_load_failed'
		});
		expect(await listSessions(device.db, ARS)).toEqual([]);
	});
});
