import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type CredentialRow } from '../storage/db';
import { saveCredential } from '../storage/credentials';
import { createDeviceTokenSource, credentialFor } from './device-token-source';
import type { TokenSource, TokenState } from './token-source';

const NOW = 1_800_000_000_000;
const credential = (over: Partial<CredentialRow>): CredentialRow => ({
	scope: 'kommune/032410001001/workshop/w1',
	token: 'participant-token',
	docs: ['kommune/032410001001/workshop/w1/**', 'kommune/032410001001/profile'],
	expiresAt: NOW + 60_000,
	kind: 'teilnahme',
	role: 'teilnahme',
	sub: 'p1',
	deviceId: 'd1',
	ars: '032410001001',
	workshop: 'w1',
	round: null,
	respondent: null,
	label: 'Workshop',
	displayName: 'Anna',
	joinedAt: NOW,
	revokedAt: null,
	...over
});

/** An owner source that answers as the laptop would for a LAN page (not the owner) or the owner. */
function owner(answer: string | null): TokenSource & { invalidated: string[] } {
	let state: TokenState = 'unknown';
	const invalidated: string[] = [];
	return {
		get state() {
			return state;
		},
		async getToken() {
			state = answer === null ? 'denied' : 'available';
			return answer;
		},
		invalidate: (name) => void invalidated.push(name ?? ''),
		invalidated
	};
}

const dbs: ReturnType<typeof openDatabase>[] = [];
afterEach(async () => {
	for (const db of dbs.splice(0)) {
		db.close();
		await db.delete();
	}
});
function database() {
	const db = openDatabase(`device-token-${Math.random()}`);
	dbs.push(db);
	return db;
}

describe('choosing a token on a device', () => {
	it('picks the credential whose patterns cover the document, never a revoked or expired one', () => {
		const list = [
			credential({ scope: 'a', token: 'revoked', revokedAt: NOW - 1 }),
			credential({ scope: 'b', token: 'expired', expiresAt: NOW }),
			credential({ scope: 'c', token: 'good' })
		];
		expect(credentialFor(list, 'kommune/032410001001/workshop/w1/board', NOW)?.token).toBe('good');
		expect(credentialFor(list, 'kommune/032410001001/profile', NOW)?.token).toBe('good');
		expect(credentialFor(list, 'kommune/032410001001/workshop/w2/board', NOW)).toBeNull();
	});

	it('the laptop owner uses the owner token; a LAN page falls back to what it got by joining', async () => {
		const db = database();
		await saveCredential(db, credential({}));
		const asOwner = createDeviceTokenSource({ owner: owner('owner-token'), db, now: () => NOW });
		expect(await asOwner.getToken('kommune/032410001001/workshop/w1/board')).toBe('owner-token');

		const onLan = createDeviceTokenSource({ owner: owner(null), db, now: () => NOW });
		expect(await onLan.getToken('kommune/032410001001/workshop/w1/board')).toBe(
			'participant-token'
		);
		expect(onLan.state).toBe('available');
		expect(await onLan.getToken('kommune/031010000000/profile')).toBeNull();
	});

	it('a token the server refused as revoked is marked and never offered again', async () => {
		const db = database();
		await saveCredential(db, credential({}));
		const source = createDeviceTokenSource({ owner: owner(null), db, now: () => NOW });
		const board = 'kommune/032410001001/workshop/w1/board';
		expect(await source.getToken(board)).toBe('participant-token');
		source.invalidate(board, 'device_revoked');
		await expect
			.poll(async () => (await db.credentials.get(credential({}).scope))?.revokedAt)
			.toBe(NOW);
		expect(await source.getToken(board)).toBeNull();
	});
});
