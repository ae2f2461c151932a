import type { Extension } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES, ERROR_CODES } from '../src/lib/contract/protocol';
import { useCleanup } from './test/cleanup';
import { independentEntry, openRawSyncSocket } from './test/raw-sync-socket';
import { seedSqlite, storedDocuments, storedTextInSqlite } from './test/seed';
import { connectSyncClient, textOf, type SyncClient } from './test/sync-client';
import { createTempDir, removeDir, startTestServer } from './test/test-server';
import { createTokenService } from './tokens';

const ARS = '032410001001';
const PROFILE = `kommune/${ARS}/profile`;
const SECRET_TEXT = 'Haushaltsansatz IT: 120.000 EUR';

const defer = useCleanup();

async function serverWithSeededProfile(expirySweepMs?: number) {
	const dataDir = createTempDir('kw-data-');
	defer(() => removeDir(dataDir));
	await seedSqlite(dataDir, PROFILE, SECRET_TEXT);
	const test = await startTestServer({
		dataDir,
		configure: (config) =>
			expirySweepMs === undefined ? config : { ...config, sync: { ...config.sync, expirySweepMs } }
	});
	defer(() => test.close());
	return test;
}

function connect(url: string, name: string, token: string | null): SyncClient {
	const client = connectSyncClient({ url, name, token });
	defer(() => client.destroy());
	return client;
}

describe('sync authentication', () => {
	it('a connection without a token, with a forged or with an expired token is refused and receives no document content', async () => {
		const { server, syncUrl } = await serverWithSeededProfile();
		const forger = createTokenService(new TextEncoder().encode('x'.repeat(48)));
		const forged = await forger.issue({
			sub: 'mallory',
			role: 'moderation',
			docs: ['kommune/*/**'],
			ttlSeconds: 3600
		});
		const expired = await server.tokens.issue(
			{ sub: 'late', role: 'moderation', docs: ['kommune/*/**'], ttlSeconds: 60 },
			new Date(Date.now() - 3_600_000)
		);
		const refused = [
			{ client: connect(syncUrl, PROFILE, null), reason: ERROR_CODES.unauthorized },
			{ client: connect(syncUrl, PROFILE, 'not-a-jwt'), reason: ERROR_CODES.unauthorized },
			{ client: connect(syncUrl, PROFILE, forged.token), reason: ERROR_CODES.unauthorized },
			{ client: connect(syncUrl, PROFILE, expired.token), reason: ERROR_CODES.tokenExpired }
		];
		for (const { client, reason } of refused) {
			await expect.poll(() => client.state.failedReason).toBe(reason);
		}

		// The content is there to be served: an authorised client gets it.
		const owner = await server.tokens.issue({
			sub: 'owner',
			role: 'moderation',
			docs: ['kommune/*/**'],
			ttlSeconds: 3600
		});
		const allowed = connect(syncUrl, PROFILE, owner.token);
		await expect.poll(() => textOf(allowed.doc)).toBe(SECRET_TEXT);

		for (const { client } of refused) {
			expect(client.state.authenticated).toBe(false);
			expect(client.receivedUpdates).toHaveLength(0);
			expect(textOf(client.doc)).toBe('');
		}
	});

	it('a valid token for another municipality is refused and receives no document content', async () => {
		const { server, syncUrl } = await serverWithSeededProfile();
		const other = await server.tokens.issue({
			sub: 'someone',
			role: 'moderation',
			docs: ['kommune/031010000000/**'],
			ttlSeconds: 3600
		});
		const client = connect(syncUrl, PROFILE, other.token);
		await expect.poll(() => client.state.failedReason).toBe(ERROR_CODES.forbidden);
		expect(client.receivedUpdates).toHaveLength(0);
	});

	it('a read-only role gets the content, but the server does not apply its writes', async () => {
		const test = await serverWithSeededProfile();
		const { server, syncUrl } = test;
		// Messages of one connection are handled in order: once the probe arrives, the edit before it has been handled.
		const probes: string[] = [];
		const probe: Extension = { onStateless: async ({ payload }) => void probes.push(payload) };
		server.hocuspocus.configuration.extensions.push(probe);

		const beratung = await server.tokens.issue({
			sub: 'beraterin',
			role: 'beratung',
			docs: ['kommune/*/**'],
			ttlSeconds: 3600
		});
		const reader = connect(syncUrl, PROFILE, beratung.token);
		await expect.poll(() => textOf(reader.doc)).toBe(SECRET_TEXT);
		expect(reader.provider.authorizedScope).toBe('readonly');

		reader.doc.getText('t').insert(0, 'ÜBERSCHRIEBEN ');
		reader.provider.sendStateless('after-edit');
		await expect.poll(() => probes).toContain('after-edit');

		const serverDoc = server.hocuspocus.documents.get(PROFILE);
		expect(serverDoc?.getText('t').toString()).toBe(SECRET_TEXT);
		await test.close();
		expect(await storedTextInSqlite(test.dataDir, PROFILE)).toBe(SECRET_TEXT);
	});

	it('a writing role changes the document on the server', async () => {
		const test = await serverWithSeededProfile();
		const moderation = await test.server.tokens.issue({
			sub: 'moderatorin',
			role: 'moderation',
			docs: [`kommune/${ARS}/**`],
			ttlSeconds: 3600
		});
		const writer = connect(test.syncUrl, PROFILE, moderation.token);
		await expect.poll(() => textOf(writer.doc)).toBe(SECRET_TEXT);
		expect(writer.provider.authorizedScope).toBe('read-write');
		writer.doc.getText('t').insert(0, 'Neu: ');
		await expect
			.poll(() => test.server.hocuspocus.documents.get(PROFILE)?.getText('t').toString())
			.toBe(`Neu: ${SECRET_TEXT}`);
	});

	it('a write arriving after the token expired is refused and closes the socket with 4401 at once (H1)', async () => {
		// The sweep that closes idle expired connections runs far too late to be what refuses here.
		const test = await serverWithSeededProfile(3_600_000);
		const { token, claims } = await test.server.tokens.issue({
			sub: 'moderatorin',
			role: 'moderation',
			docs: [`kommune/${ARS}/**`],
			ttlSeconds: 1
		});
		const socket = await openRawSyncSocket(test.syncUrl);
		defer(() => socket.socket.terminate());
		await socket.join(PROFILE, token);
		await new Promise((resolve) => setTimeout(resolve, claims.exp * 1000 - Date.now() + 50));

		socket.sendUpdate(PROFILE, independentEntry('late', 'written after expiry'));
		expect(await socket.closed).toEqual({
			code: CLOSE_CODES.tokenExpired,
			reason: ERROR_CODES.tokenExpired
		});
		await test.close();
		const stored = (await storedDocuments(test.dataDir, [PROFILE])).get(PROFILE);
		const doc = new Y.Doc();
		Y.applyUpdateV2(doc, stored!.state);
		expect(doc.getMap('flood').toJSON()).toEqual({});
		expect(doc.getText('t').toString()).toBe(SECRET_TEXT);
	});
});
