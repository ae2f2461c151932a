import { describe, expect, it } from 'vitest';
import type { CredentialRow } from '../storage/db';
import { Viewer, workshopRoleOf, type OwnerAnswer } from './viewer.svelte';

const credential = (
	role: CredentialRow['role'],
	sub = 'p-1',
	displayName = 'Anna'
): CredentialRow => ({
	scope: 'workshop/032520006006/w1',
	token: 't',
	docs: [],
	expiresAt: Number.MAX_SAFE_INTEGER,
	kind: 'teilnahme',
	role,
	sub,
	deviceId: 'd-1',
	ars: '032520006006',
	workshop: 'w1',
	round: null,
	respondent: null,
	label: '',
	displayName,
	joinedAt: 0,
	revokedAt: null
});

function viewerWith(answer: OwnerAnswer, remembered?: boolean, held: CredentialRow | null = null) {
	const kept: boolean[] = [];
	let asked = 0;
	const viewer = new Viewer({
		askOwner: async () => {
			asked += 1;
			return answer;
		},
		remembered: {
			get: async () => remembered,
			set: async (isOwner) => void kept.push(isOwner)
		},
		credential: async () => held
	});
	return { viewer, kept, asked: () => asked };
}

describe('what a device may do in a workshop', () => {
	it('a participant code makes the device that participant, under the name they joined with', () => {
		expect(workshopRoleOf(credential('teilnahme', 'p-7', 'Berta'), false)).toEqual({
			kind: 'participant',
			participantId: 'p-7',
			displayName: 'Berta'
		});
	});

	it('a co-facilitator code lets a device in the room run the day', () => {
		expect(workshopRoleOf(credential('moderation'), false)).toEqual({ kind: 'facilitator' });
	});

	it('a viewing code only looks, even on the laptop', () => {
		expect(workshopRoleOf(credential('ansicht'), true)).toEqual({ kind: 'onlooker' });
	});

	it('without a code the laptop owner facilitates and any other device only looks', () => {
		expect(workshopRoleOf(null, true)).toEqual({ kind: 'facilitator' });
		expect(workshopRoleOf(null, false)).toEqual({ kind: 'onlooker' });
	});
});

describe('Viewer', () => {
	it('is the owner when the laptop server hands it the owner token, and remembers that', async () => {
		const { viewer, kept } = viewerWith('owner');
		expect(await viewer.whenKnown()).toBe(true);
		expect(viewer.isOwner).toBe(true);
		expect(kept).toEqual([true]);
		expect(await viewer.workshopRole('032520006006', 'w1')).toEqual({ kind: 'facilitator' });
	});

	it('is not the owner when the server refuses the owner token, whatever the page was opened over', async () => {
		const { viewer, kept } = viewerWith('not_owner', true);
		expect(await viewer.whenKnown()).toBe(false);
		expect(kept).toEqual([false]);
		expect(await viewer.workshopRole('032520006006', 'w1')).toEqual({ kind: 'onlooker' });
	});

	it("keeps the last answer while the laptop's server cannot be asked (offline), and is no owner without one", async () => {
		expect(await viewerWith('unknown', true).viewer.whenKnown()).toBe(true);
		expect(await viewerWith('unknown', undefined).viewer.whenKnown()).toBe(false);
	});

	it('asks the server once per page, and decides a joined device by its credential', async () => {
		const { viewer, asked } = viewerWith('not_owner', undefined, credential('teilnahme'));
		await viewer.workshopRole('032520006006', 'w1');
		const role = await viewer.workshopRole('032520006006', 'w1');
		expect(role).toMatchObject({ kind: 'participant', participantId: 'p-1' });
		expect(asked()).toBe(1);
	});
});
