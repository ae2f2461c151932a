import { afterEach, describe, expect, it } from 'vitest';
import { readProfile } from '../../crdt/profile-doc';
import { profileDocName } from '../../domain/document-names';
import type { ProfileFormInput } from '../../domain/kommune-profile';
import { readStoredDocument } from '../../../../server/test/stored-file';
import { testDevice, type TestDevice } from '../test-device.svelte';
import { startTestLaptop, type TestLaptop } from '../test-laptop';
import { CentralConnection } from './central-connection.svelte';

// Each test its own municipality: the devices of one test file share fake-indexeddb.
const form = (ars: string): ProfileFormInput => ({
	ars,
	name: 'Hameln',
	type: 'stadt',
	landkreis: 'Landkreis Hameln-Pyrmont',
	population: '57.000',
	coreStaff: '',
	itStaffFte: '',
	itOperatingModel: ''
});
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The facilitator's laptop with one municipality, and its link to a central server. */
async function laptopWithMunicipality(
	ars: string,
	options: { allowed?: string | null; mayUpload?: boolean } = {}
): Promise<{ device: TestDevice; connection: () => CentralConnection }> {
	const device = testDevice();
	cleanups.push(() => device.close());
	expect((await device.services.profiles.createKommune(form(ars))).ok).toBe(true);
	const connection = () => {
		const made = new CentralConnection({
			db: device.db,
			loadDocumentServices: async () => device.services,
			mayUpload: async () => options.mayUpload ?? true,
			allowedCentral: async () => options.allowed
		});
		cleanups.push(() => made.dispose());
		return made;
	};
	return { device, connection };
}

/** A central server: the real server as a child process, and a facilitator's key for it. */
async function centralServer(): Promise<{ central: TestLaptop; token: string }> {
	const central = await startTestLaptop();
	cleanups.push(() => central.close());
	return { central, token: await central.ownerToken() };
}

function storedName(central: TestLaptop, ars: string): string | null {
	const doc = readStoredDocument(central.dataDir, profileDocName(ars));
	return doc === null ? null : (readProfile(doc).profile?.name ?? null);
}

describe('the central server', () => {
	it('gets the municipalities of the laptop once the facilitator enters its address and key, and the laptop keeps both for its next start', async () => {
		const { central, token } = await centralServer();
		const { connection } = await laptopWithMunicipality('032520006001', {
			allowed: `ws://localhost:${central.port}`
		});
		const first = connection();
		await first.init();
		expect(first.settings).toBeNull();

		expect(await first.save(` ${central.origin} `, token)).toBeNull();
		expect(first.settings).toMatchObject({
			address: central.origin,
			url: `ws://localhost:${central.port}/sync`
		});
		await expect.poll(() => first.progress?.phase, { timeout: 20_000 }).toBe('done');
		expect(first.progress).toMatchObject({ total: 1, done: 1, failed: 0 });
		expect(storedName(central, '032520006001')).toBe('Hameln');

		first.dispose();
		const next = connection();
		await next.init();
		expect(next.settings).toEqual(first.settings);
	}, 60_000);

	it('refuses an address other than the one the laptop names, and keeps nothing', async () => {
		const { connection } = await laptopWithMunicipality('032520006002', {
			allowed: 'wss://zentral.example.de'
		});
		const link = connection();
		await link.init();

		expect(await link.save('https://anderer.example.de', 'x.y.z')).toBe('invalid_token');
		const { token } = await centralServer();
		expect(await link.save('https://anderer.example.de', token)).toBe('not_allowed');
		expect(link.settings).toBeNull();
		const next = connection();
		await next.init();
		expect(next.settings).toBeNull();
	}, 60_000);

	it('cannot be set up when the laptop names no central server', async () => {
		const { connection } = await laptopWithMunicipality('032520006003', { allowed: null });
		const { central, token } = await centralServer();
		const link = connection();
		await link.init();

		expect(await link.save(central.origin, token)).toBe('not_configured');
		expect(link.settings).toBeNull();
	}, 60_000);

	it('uploads nothing from a device that is not the laptop’s owner, though it keeps the setting', async () => {
		const { central, token } = await centralServer();
		const { connection } = await laptopWithMunicipality('032520006004', {
			allowed: `ws://localhost:${central.port}`,
			mayUpload: false
		});
		const link = connection();
		await link.init();

		expect(await link.save(central.origin, token)).toBeNull();
		expect(link.progress).toBeNull();
		expect(storedName(central, '032520006004')).toBeNull();
	}, 60_000);

	it('is forgotten on this laptop when removed; what was uploaded stays there', async () => {
		const { central, token } = await centralServer();
		const { connection } = await laptopWithMunicipality('032520006005', {
			allowed: `ws://localhost:${central.port}`
		});
		const link = connection();
		await link.init();
		await link.save(central.origin, token);
		await expect.poll(() => link.progress?.phase, { timeout: 20_000 }).toBe('done');

		expect(await link.remove()).toBe(true);
		expect(link.settings).toBeNull();
		expect(link.progress).toBeNull();
		const next = connection();
		await next.init();
		expect(next.settings).toBeNull();
		expect(storedName(central, '032520006005')).toBe('Hameln');
	}, 60_000);
});
