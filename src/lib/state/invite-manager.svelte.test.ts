import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JoinResponse } from '../contract/protocol';
import { openDatabase, type KommunalwerkstattDb } from '../storage/db';
import { InviteManager, type InviteTarget } from './invite-manager.svelte';
import { JoinFlow } from './join-flow.svelte';
import { createJoinApi } from './joining/join-api';
import { rendered } from './test-device.svelte';
import { startTestLaptop, type TestLaptop } from './test-laptop';

const ARS = '032520006006';
let laptop: TestLaptop;
let db: KommunalwerkstattDb;
const stops: (() => void)[] = [];

beforeAll(async () => {
	laptop = await startTestLaptop();
}, 60_000);
afterAll(() => laptop.close());
afterEach(async () => {
	for (const stop of stops.splice(0)) stop();
	db.close();
	await db.delete();
});

/** The facilitator's page on the laptop, with the token the laptop gives its owner. */
function facilitatorManager(target: InviteTarget): InviteManager {
	db = openDatabase(`invite-${Math.random()}`);
	return new InviteManager({ api: createJoinApi(), token: () => laptop.ownerToken(), db, target });
}

/** A phone in the room opening the link: it joins with the code and keeps what it got. */
async function joinOnAnotherDevice(code: string, name: string): Promise<JoinResponse> {
	let kept: JoinResponse | null = null;
	const flow = new JoinFlow({
		api: createJoinApi(),
		code,
		keep: async (joined) => void (kept = joined),
		findExisting: async () => null
	});
	stops.push(rendered(() => flow.preview));
	await expect.poll(() => flow.loading).toBe(false);
	expect(await flow.join(name)).toBe(true);
	return kept!;
}

describe('inviting to a workshop', () => {
	it('gives the facilitator a code whose link opens the workshop, and the device that joins with it appears in the list under its name', async () => {
		const manager = facilitatorManager({ ars: ARS, workshop: 'w1', title: () => 'Strategietag' });
		stops.push(rendered(() => manager.devices));
		await expect.poll(() => manager.devices).toEqual([]);

		expect(await manager.invite('teilnahme')).toBe(true);
		const invitation = manager.invitationFor('teilnahme')!;
		expect(invitation.code).toMatch(/\S/);
		expect(manager.linkFor(invitation.code)).toMatch(
			new RegExp(`^http://[^/]+/join/${invitation.code}$`)
		);

		const joined = await joinOnAnotherDevice(invitation.code, 'Anna');
		expect(joined).toMatchObject({ role: 'teilnahme', ars: ARS, workshop: 'w1' });
		await manager.refresh();
		expect(manager.devices?.map((device) => [device.displayName, device.role])).toEqual([
			['Anna', 'teilnahme']
		]);
		expect(manager.error).toBeNull();
	});

	it('removes a device the facilitator takes out of the room from the list, and it stays out', async () => {
		const manager = facilitatorManager({ ars: ARS, workshop: 'w2', title: () => 'Zweiter Tag' });
		await manager.invite('teilnahme');
		const code = manager.invitationFor('teilnahme')!.code;
		await joinOnAnotherDevice(code, 'Ben');
		await joinOnAnotherDevice(code, 'Cem');
		await manager.refresh();
		const ben = manager.devices!.find((device) => device.displayName === 'Ben')!;

		expect(await manager.removeDevice(ben.id)).toBe(true);
		expect(manager.devices?.map((device) => device.displayName)).toEqual(['Cem']);
		// The laptop forgot it too: asking again does not bring it back.
		await manager.refresh();
		expect(manager.devices?.map((device) => device.displayName)).toEqual(['Cem']);
	});

	it('makes a new code replace the earlier one of its kind, so the page shows one link per kind', async () => {
		const manager = facilitatorManager({ ars: ARS, workshop: 'w3', title: () => 'Dritter Tag' });
		await manager.invite('teilnahme');
		const first = manager.invitationFor('teilnahme')!.code;
		await manager.invite('ansicht');
		await manager.invite('teilnahme');

		expect(manager.invitations.map((i) => i.kind).toSorted()).toEqual(['ansicht', 'teilnahme']);
		expect(manager.invitationFor('teilnahme')!.code).not.toBe(first);
	});

	it('gives a device that is not the laptop no code, and says why', async () => {
		db = openDatabase(`invite-${Math.random()}`);
		const manager = new InviteManager({
			api: createJoinApi(),
			token: async () => null,
			db,
			target: { ars: ARS, workshop: 'w4', title: () => 'Ohne Laptop' }
		});

		expect(await manager.invite('teilnahme')).toBe(false);
		expect(manager.error).toBe('no_token');
		expect(manager.invitations).toEqual([]);
	});
});
