import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JoinResponse } from '../contract/protocol';
import { workshopPrefix } from '../domain/document-names';
import type { CredentialRow } from '../storage/db';
import { callApi, invite } from '../../../server/test/join-api';
import { JoinFlow } from './join-flow.svelte';
import { createJoinApi } from './joining/join-api';
import { rendered } from './test-device.svelte';
import { startTestLaptop, type TestLaptop } from './test-laptop';

const ARS = '032520006006';
let laptop: TestLaptop;
const stops: (() => void)[] = [];

beforeAll(async () => {
	laptop = await startTestLaptop();
}, 60_000);
afterAll(() => laptop.close());
afterEach(() => {
	for (const stop of stops.splice(0)) stop();
});

/** A code the facilitator made on the laptop for a workshop. */
async function codeFor(workshop: string, kind: 'teilnahme' | 'ansicht' = 'teilnahme') {
	const token = await laptop.ownerToken();
	return (await invite(laptop.port, token, { kind, ars: ARS, workshop, label: 'Strategietag' }))
		.code;
}

/** The page /join/<code> on a phone in the room, shown until the test ends. */
function openJoinPage(
	code: string,
	options: {
		keep?: (joined: JoinResponse) => Promise<void>;
		/** This device's credential from an earlier join. */
		existing?: CredentialRow;
	} = {}
) {
	const kept: JoinResponse[] = [];
	const flow = new JoinFlow({
		api: createJoinApi(),
		code,
		keep: options.keep ?? (async (joined) => void kept.push(joined)),
		findExisting: async (scope) => (options.existing?.scope === scope ? options.existing : null)
	});
	stops.push(rendered(() => flow.preview));
	return { flow, kept };
}

/** The devices that joined the workshop, as the laptop lists them. */
async function devicesOf(workshop: string): Promise<string[]> {
	const token = await laptop.ownerToken();
	const scope = encodeURIComponent(workshopPrefix(ARS, workshop));
	const answer = await callApi<{ displayName: string }[]>(
		laptop.port,
		'GET',
		`/api/devices?scope=${scope}`,
		{ token }
	);
	return answer.body.map((device) => device.displayName);
}

describe('joining with a code', () => {
	it('shows what the code is for, asks a participant for a name and keeps the credential under that name', async () => {
		const { flow, kept } = openJoinPage(await codeFor('w1'));
		await expect.poll(() => flow.loading).toBe(false);
		expect(flow.preview).toMatchObject({ kind: 'teilnahme', ars: ARS, workshop: 'w1' });
		expect(flow.needsName).toBe(true);

		expect(await flow.join('  Anna  ')).toBe(true);
		expect(flow.joined).toMatchObject({ role: 'teilnahme', displayName: 'Anna', workshop: 'w1' });
		expect(kept.map((joined) => joined.displayName)).toEqual(['Anna']);
		expect(await devicesOf('w1')).toEqual(['Anna']);
	});

	it('refuses an empty name with its own message and asks the laptop nothing', async () => {
		const { flow, kept } = openJoinPage(await codeFor('w2'));
		await expect.poll(() => flow.loading).toBe(false);

		expect(await flow.join('   ')).toBe(false);
		expect(flow.error).toBe('name_required');
		expect(kept).toEqual([]);
		expect(await devicesOf('w2')).toEqual([]);
	});

	it('says a code the laptop does not know is unknown, before asking for a name', async () => {
		const { flow } = openJoinPage('ZZZZZZZZ');
		await expect.poll(() => flow.loading).toBe(false);

		expect(flow.preview).toBeNull();
		expect(flow.previewError).toBe('invalid_code');
	});

	it('offers a device that already takes part to go on, so it does not join a second time', async () => {
		const earlier = { scope: workshopPrefix(ARS, 'w3'), displayName: 'Anna' } as CredentialRow;
		const { flow } = openJoinPage(await codeFor('w3'), { existing: earlier });
		await expect.poll(() => flow.loading).toBe(false);

		expect(flow.existing).toEqual(earlier);
	});

	it('reports a credential this device could not store, and does not count as joined', async () => {
		const { flow } = openJoinPage(await codeFor('w4'), {
			keep: () => Promise.reject(new Error('QuotaExceededError'))
		});
		await expect.poll(() => flow.loading).toBe(false);

		expect(await flow.join('Ben')).toBe(false);
		expect(flow.error).toBe('storage_write_failed');
		expect(flow.joined).toBeNull();
	});

	it('lets someone who only looks join without a name', async () => {
		const { flow, kept } = openJoinPage(await codeFor('w5', 'ansicht'));
		await expect.poll(() => flow.loading).toBe(false);
		expect(flow.needsName).toBe(false);

		expect(await flow.join('')).toBe(true);
		expect(kept.map((joined) => joined.role)).toEqual(['ansicht']);
	});
});
