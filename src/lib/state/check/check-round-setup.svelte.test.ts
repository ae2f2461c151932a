import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBarriers, readProcesses, readTargets } from '../../crdt/check-shared-doc';
import { BARRIERS } from '../../domain/check/barriers';
import { catalogByVersion } from '../../domain/check/catalog';
import { checkSharedDocName } from '../../domain/document-names';
import type { ProfileFormInput } from '../../domain/kommune-profile';
import { CheckRound } from './check-round.svelte';
import type { CheckRoundSetup } from './check-round-setup.svelte';
import { roundWithRespondents } from './test-support.svelte';
import { rendered, testDevice, type TestDevice } from '../test-device.svelte';

const ARS = '032520006006';
const hameln = (population: string): ProfileFormInput => ({
	ars: ARS,
	name: 'Hameln',
	type: 'stadt',
	landkreis: 'Landkreis Hameln-Pyrmont',
	population,
	coreStaff: '',
	itStaffFte: '',
	itOperatingModel: ''
});
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

/** A new round's setup, shown as the "Angaben" page shows it, once its documents are read. */
async function shownSetup(): Promise<{ setup: CheckRoundSetup; shared: string }> {
	const { round } = await roundWithRespondents(device, ARS, 'Digital-Check 2027', []);
	const { db, services } = device;
	const setup = new CheckRound({ db, services: async () => services }, ARS, round, catalogByVersion)
		.setup;
	stop = rendered(() => [setup.processes, setup.population]);
	await expect.poll(() => setup.loading || setup.populationLoading).toBe(false);
	return { setup, shared: checkSharedDocName(ARS, round) };
}

const stored = <T>(name: string, read: Parameters<TestDevice['write']>[1]) =>
	device.write(name, read) as Promise<T>;

describe('CheckRoundSetup', () => {
	it('stores a chosen target level in the round’s shared document and shows it', async () => {
		const { setup, shared } = await shownSetup();
		expect(await setup.setTarget('strategie', 3)).toBeNull();
		expect(await stored(shared, readTargets)).toEqual({ strategie: 3 });
		await expect.poll(() => setup.targets).toEqual({ strategie: 3 });
	});

	it('estimates the preset case numbers from the profile’s population, and after the population changed recomputes them and undoes that', async () => {
		expect((await device.services.profiles.createKommune(hameln('40.000'))).ok).toBe(true);
		const { setup, shared } = await shownSetup();
		await expect.poll(() => setup.population).toBe(40_000);

		expect(await setup.seedPresetProcesses()).toBeNull();
		const cases = async () =>
			(await stored<ReturnType<typeof readProcesses>>(shared, readProcesses)).processes.find(
				(process) => process.id === 'gewerbeanmeldung'
			)?.casesPerYear;
		// 350 a year in the reference town of 20,000: twice that for 40,000.
		expect(await cases()).toBe(700);

		const saved = await device.services.profiles.saveProfile(ARS, hameln('60.000'), ['population']);
		expect(saved.ok).toBe(true);
		await expect.poll(() => setup.staleBasis).toBe(40_000);
		const recompute = await setup.recomputeEstimates(60_000);
		expect(recompute?.changes.length).toBeGreaterThan(0);
		expect(await cases()).toBe(1_100);

		expect(await setup.undoRecompute(recompute!)).toBe(recompute!.changes.length);
		expect(await cases()).toBe(700);
	});

	it('refuses a barrier of the round’s own that it has already, and writes nothing', async () => {
		const { setup, shared } = await shownSetup();
		expect(await setup.addCustomBarrier('Fehlende Schnittstellen')).toBeNull();
		await expect.poll(() => setup.barriers.custom.length).toBe(1);

		expect(await setup.addCustomBarrier('  fehlende schnittstellen ')).toBe('barrier_duplicate');
		const barriers = await stored<ReturnType<typeof readBarriers>>(shared, readBarriers);
		expect(barriers.custom?.map((barrier) => barrier.label)).toEqual(['Fehlende Schnittstellen']);
	});

	it('ranking a barrier on a taken rank swaps the two and says so', async () => {
		const { setup, shared } = await shownSetup();
		const [first, second] = BARRIERS as [(typeof BARRIERS)[0], (typeof BARRIERS)[0]];
		await setup.rankBarrier(1, first.id);
		await setup.rankBarrier(2, second.id);
		await expect.poll(() => setup.barriers.top3).toEqual([first.id, second.id, null]);

		const change = await setup.rankBarrier(1, second.id);
		expect(change).toEqual({ kind: 'swapped', from: 2, other: first.id });
		const barriers = await stored<ReturnType<typeof readBarriers>>(shared, readBarriers);
		expect(barriers.top3).toEqual([second.id, first.id, null]);
	});
});
