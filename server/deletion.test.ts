// Deleting for good (ADR 11) against the real server on 127.0.0.1: who may delete which scope, that a
// refused attempt changes no stored byte, and that a deleted document stays deleted when a device that
// still holds it syncs again.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '../src/lib/domain/access';
import type { ScopeTarget } from '../src/lib/domain/token-scope';
import { API_PATHS, ERROR_CODES, type DeletionResponse } from '../src/lib/contract/protocol';
import type { DocumentStore } from './storage/document-store';
import { openSqliteStore, SQLITE_FILE_NAME } from './storage/sqlite-store';
import { useCleanup } from './test/cleanup';
import { jsonBody, rawRequest } from './test/http-request';
import { seedText, storedDocuments, withSqliteStore } from './test/seed';
import { connectSyncClient, textOf } from './test/sync-client';
import {
	createTempDir,
	removeDir,
	startTestServer,
	tokenFor as issueToken,
	type TestServer
} from './test/test-server';
import { createTokenService } from './tokens';

const A = '032410001001';
const B = '031010000000';
const W1 = `kommune/${A}/workshop/w1`;
const DOCS = [
	`kommune/${A}/profile`,
	`${W1}/control`,
	`${W1}/board`,
	`${W1}/private/p1`,
	`kommune/${A}/workshop/w2/board`,
	`kommune/${A}/check/c1/shared`,
	`kommune/${A}/check/c1/respondent/r1`,
	`kommune/${B}/profile`,
	`kommune/${B}/workshop/w1/board`
];
const seeded = (name: string) => `Inhalt von ${name}`;

const defer = useCleanup();

/** Every seeded document as the SQLite file holds it now (WAL: readable beside the running server). */
const storedNow = (dataDir: string) => storedDocuments(dataDir, DOCS);

async function seededServer(): Promise<TestServer> {
	const dataDir = createTempDir('kw-deletion-');
	defer(() => removeDir(dataDir));
	await withSqliteStore(dataDir, async (store) => {
		for (const name of DOCS) await seedText(store, name, seeded(name));
	});
	const test = await startTestServer({ dataDir });
	defer(() => test.close());
	return test;
}

const tokenFor = (test: TestServer, role: Role, target: ScopeTarget, sub = 'someone') =>
	issueToken(test, role, target, sub);

function requestDeletion(test: TestServer, token: string | null, body: unknown) {
	return rawRequest({
		port: test.port,
		method: 'POST',
		path: API_PATHS.deletions,
		headers: {
			Host: `localhost:${test.port}`,
			'Content-Type': 'application/json',
			...(token ? { Authorization: `Bearer ${token}` } : {})
		},
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
}

describe('deleting for good over POST /api/deletions', () => {
	it("the municipality's moderation deletes a workshop: its documents are gone from the database, every other document is untouched", async () => {
		const test = await seededServer();
		const before = await storedNow(test.dataDir);
		const token = await tokenFor(test, 'moderation', { ars: A });
		const response = await requestDeletion(test, token, { scope: W1 });
		expect(response.status).toBe(200);
		expect(jsonBody<DeletionResponse>(response)).toEqual({
			scope: W1,
			deleted: [`${W1}/board`, `${W1}/control`, `${W1}/private/p1`]
		});
		const after = await storedNow(test.dataDir);
		for (const name of DOCS) {
			if (name.startsWith(`${W1}/`)) expect(after.get(name), name).toBeNull();
			else expect(after.get(name), name).toEqual(before.get(name));
		}
	});

	it('a co-facilitator of a workshop deletes that workshop, and a whole municipality goes with the laptop owner', async () => {
		const test = await seededServer();
		const coModeration = await tokenFor(test, 'moderation', { ars: A, workshop: 'w1' });
		expect((await requestDeletion(test, coModeration, { scope: W1 })).status).toBe(200);
		const { token: owner } = await test.server.tokens.issue({
			sub: 'owner',
			role: 'moderation',
			docs: ['kommune/*/**'],
			ttlSeconds: 600
		});
		const response = await requestDeletion(test, owner, { scope: `kommune/${A}` });
		expect(response.status).toBe(200);
		expect(jsonBody<DeletionResponse>(response).deleted).toHaveLength(4);
		const after = await storedNow(test.dataDir);
		expect([...after].filter(([, doc]) => doc !== null).map(([name]) => name)).toEqual([
			`kommune/${B}/profile`,
			`kommune/${B}/workshop/w1/board`
		]);
	});

	it('every refused attempt answers its reason and leaves every stored document byte-identical', async () => {
		const test = await seededServer();
		const before = await storedNow(test.dataDir);
		const expired = await test.server.tokens.issue(
			{ sub: 'eve', role: 'moderation', docs: ['kommune/*/**'], ttlSeconds: 60 },
			new Date(Date.now() - 3_600_000)
		);
		const forged = await createTokenService(
			new TextEncoder().encode('another secret, 32+ characters long')
		).issue({ sub: 'eve', role: 'moderation', docs: ['kommune/*/**'], ttlSeconds: 600 });
		const moderationA = await tokenFor(test, 'moderation', { ars: A });
		const attempts: {
			what: string;
			token: string | null;
			body: unknown;
			status: number;
			error: string;
		}[] = [
			{
				what: 'no token',
				token: null,
				body: { scope: W1 },
				status: 401,
				error: ERROR_CODES.unauthorized
			},
			{
				what: 'forged token',
				token: forged.token,
				body: { scope: W1 },
				status: 401,
				error: ERROR_CODES.unauthorized
			},
			{
				what: 'expired token',
				token: expired.token,
				body: { scope: W1 },
				status: 401,
				error: ERROR_CODES.tokenExpired
			},
			{
				what: 'a participant, who writes the board',
				token: await tokenFor(test, 'teilnahme', { ars: A, workshop: 'w1' }, 'p1'),
				body: { scope: W1 },
				status: 403,
				error: ERROR_CODES.forbidden
			},
			{
				what: 'the projector',
				token: await tokenFor(test, 'ansicht', { ars: A, workshop: 'w1' }),
				body: { scope: W1 },
				status: 403,
				error: ERROR_CODES.forbidden
			},
			{
				what: 'a consultant',
				token: await tokenFor(test, 'beratung', {}),
				body: { scope: `kommune/${A}` },
				status: 403,
				error: ERROR_CODES.forbidden
			},
			{
				what: 'a respondent, their own document',
				token: await tokenFor(test, 'respondent', { ars: A, round: 'c1', respondent: 'r1' }, 'r1'),
				body: { scope: `kommune/${A}/check/c1/respondent/r1` },
				status: 403,
				error: ERROR_CODES.forbidden
			},
			{
				what: 'a co-facilitator of w1, the municipality',
				token: await tokenFor(test, 'moderation', { ars: A, workshop: 'w1' }),
				body: { scope: `kommune/${A}` },
				status: 403,
				error: ERROR_CODES.forbidden
			},
			{
				what: 'a co-facilitator of w1, workshop w2',
				token: await tokenFor(test, 'moderation', { ars: A, workshop: 'w1' }),
				body: { scope: `kommune/${A}/workshop/w2` },
				status: 403,
				error: ERROR_CODES.forbidden
			},
			{
				what: "B's moderation, A's workshop",
				token: await tokenFor(test, 'moderation', { ars: B }),
				body: { scope: W1 },
				status: 403,
				error: ERROR_CODES.forbidden
			},
			{
				what: 'one document, not a scope',
				token: moderationA,
				body: { scope: `${W1}/board` },
				status: 400,
				error: ERROR_CODES.invalidScope
			},
			{
				what: 'a malformed ARS',
				token: moderationA,
				body: { scope: 'kommune/0324/workshop/w1' },
				status: 400,
				error: ERROR_CODES.invalidScope
			},
			{
				what: 'a pattern',
				token: moderationA,
				body: { scope: `kommune/${A}/workshop/*` },
				status: 400,
				error: ERROR_CODES.invalidScope
			},
			{
				what: 'no scope',
				token: moderationA,
				body: {},
				status: 400,
				error: ERROR_CODES.invalidScope
			},
			{
				what: 'not JSON',
				token: moderationA,
				body: '{scope:',
				status: 400,
				error: ERROR_CODES.invalidRequest
			},
			{
				what: 'a body over 16 KiB',
				token: moderationA,
				body: { scope: W1, padding: 'x'.repeat(17_000) },
				status: 413,
				error: ERROR_CODES.bodyTooLarge
			}
		];
		for (const attempt of attempts) {
			const response = await requestDeletion(test, attempt.token, attempt.body);
			expect([response.status, jsonBody(response)], attempt.what).toEqual([
				attempt.status,
				{ error: attempt.error }
			]);
		}
		const wrongMethod = await rawRequest({
			port: test.port,
			path: API_PATHS.deletions,
			headers: { Host: `localhost:${test.port}` }
		});
		expect(wrongMethod.status).toBe(405);
		// Nothing was deleted: a document can still be written, and the stored bytes are the seed's.
		const after = await storedNow(test.dataDir);
		for (const name of DOCS) expect(after.get(name), name).toEqual(before.get(name));
		await withSqliteStore(test.dataDir, async (store) => {
			for (const name of DOCS) expect(await store.deletedScopeOf(name), name).toBeNull();
		});
	});
});

describe('a deleted document stays deleted', () => {
	const waitFor = (check: () => boolean) => expect.poll(check, { timeout: 5_000 }).toBe(true);

	it('a connected device is told, and neither its offline edit nor a new document under the scope comes back', async () => {
		const test = await seededServer();
		const owner = await tokenFor(test, 'moderation', { ars: A });
		const board = connectSyncClient({ url: test.syncUrl, name: `${W1}/board`, token: owner });
		const other = connectSyncClient({
			url: test.syncUrl,
			name: `kommune/${A}/workshop/w2/board`,
			token: owner
		});
		defer(() => board.destroy());
		defer(() => other.destroy());
		const closeReasons: string[] = [];
		board.provider.on('close', ({ event }: { event: { reason: string } }) =>
			closeReasons.push(event.reason)
		);
		await waitFor(() => board.state.synced && other.state.synced);
		// The device keeps its copy, as a device that was offline during the deletion would.
		const kept = new Y.Doc();
		Y.applyUpdate(kept, Y.encodeStateAsUpdate(board.doc));

		expect((await requestDeletion(test, owner, { scope: W1 })).status).toBe(200);
		await waitFor(() => closeReasons.includes(ERROR_CODES.documentDeleted));
		await waitFor(() => !test.server.hocuspocus.documents.has(`${W1}/board`));
		expect(other.provider.isAuthenticated).toBe(true);

		// The device comes back with an edit made while it did not know.
		kept.getText('t').insert(0, 'offline geschrieben ');
		const returning = connectSyncClient({
			url: test.syncUrl,
			name: `${W1}/board`,
			token: owner,
			doc: kept
		});
		const fresh = connectSyncClient({ url: test.syncUrl, name: `${W1}/private/p9`, token: owner });
		defer(() => returning.destroy());
		defer(() => fresh.destroy());
		await waitFor(() => returning.state.failedReason !== null && fresh.state.failedReason !== null);
		expect(returning.state.failedReason).toBe(ERROR_CODES.documentDeleted);
		expect(fresh.state.failedReason).toBe(ERROR_CODES.documentDeleted);
		// A document beside the scope still syncs, edits included.
		other.doc.getText('t').insert(0, 'weiter ');
		await waitFor(() =>
			textOf(test.server.hocuspocus.documents.get(`kommune/${A}/workshop/w2/board`)!).startsWith(
				'weiter '
			)
		);

		await test.close();
		await withSqliteStore(test.dataDir, async (store) => {
			expect(await store.load(`${W1}/board`)).toBeNull();
			expect(await store.load(`${W1}/private/p9`)).toBeNull();
			expect(await store.deletedScopeOf(`${W1}/board`)).toBe(W1);
		});
	});

	it('a write the server had pending when the deletion came is dropped, not stored after it', async () => {
		const dataDir = createTempDir('kw-deletion-');
		defer(() => removeDir(dataDir));
		// A long debounce: the edit below is still waiting to be written when the deletion arrives.
		const test = await startTestServer({
			dataDir,
			configure: (config) => ({
				...config,
				sync: { ...config.sync, debounceMs: 2_000, maxDebounceMs: 4_000 }
			})
		});
		defer(() => test.close());
		const owner = await tokenFor(test, 'moderation', { ars: A });
		const board = connectSyncClient({ url: test.syncUrl, name: `${W1}/board`, token: owner });
		defer(() => board.destroy());
		await waitFor(() => board.state.synced);
		board.doc.getText('t').insert(0, 'kurz vor dem Löschen');
		await waitFor(
			() => textOf(test.server.hocuspocus.documents.get(`${W1}/board`)!) === 'kurz vor dem Löschen'
		);
		expect((await requestDeletion(test, owner, { scope: W1 })).status).toBe(200);
		await waitFor(() => !test.server.hocuspocus.documents.has(`${W1}/board`));
		await test.close();
		await withSqliteStore(dataDir, async (store) =>
			expect(await store.load(`${W1}/board`)).toBeNull()
		);
	});
});

/**
 * The seeded SQLite store of a test server whose `held` answer for one document is read at once (so
 * before a deletion that follows) and handed back only on `release()`: a slow load.
 */
function heldStore(dataDir: string, held: { method: 'load' | 'deletedScopeOf'; call: number }) {
	const inner = openSqliteStore(join(dataDir, SQLITE_FILE_NAME));
	defer(() => inner.close());
	let calls = 0;
	let reached = false;
	let release = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	async function hold<T>(name: string, method: typeof held.method, read: Promise<T>): Promise<T> {
		const value = await read;
		if (name === `${W1}/board` && method === held.method && ++calls === held.call) {
			reached = true;
			await released;
		}
		return value;
	}
	const store: DocumentStore = {
		kind: 'sqlite',
		load: (name) => hold(name, 'load', inner.load(name)),
		deletedScopeOf: (name) => hold(name, 'deletedScopeOf', inner.deletedScopeOf(name)),
		store: (name, state, stateVector) => inner.store(name, state, stateVector),
		append: (name, update) => inner.append(name, update),
		deleteScope: (scope) => inner.deleteScope(scope),
		close: async () => {}
	};
	return { store, inner, release, reached: () => reached };
}

describe('a document that was loading when the deletion came', () => {
	const waitFor = (check: () => boolean) => expect.poll(check, { timeout: 5_000 }).toBe(true);

	async function deleteWhileLoading(held: { method: 'load' | 'deletedScopeOf'; call: number }) {
		const dataDir = createTempDir('kw-deletion-');
		defer(() => removeDir(dataDir));
		await withSqliteStore(dataDir, (store) =>
			seedText(store, `${W1}/board`, seeded(`${W1}/board`))
		);
		const slow = heldStore(dataDir, held);
		const test = await startTestServer({ dataDir, store: slow.store });
		defer(() => test.close());
		const owner = await tokenFor(test, 'moderation', { ars: A });
		// A read-only device: it never writes, so a failed write cannot be what tells it.
		const reader = await tokenFor(test, 'ansicht', { ars: A, workshop: 'w1' });
		const board = connectSyncClient({ url: test.syncUrl, name: `${W1}/board`, token: reader });
		defer(() => board.destroy());
		const closeReasons: string[] = [];
		board.provider.on('close', ({ event }: { event: { reason: string } }) =>
			closeReasons.push(event.reason)
		);
		await waitFor(slow.reached);

		const deletion = requestDeletion(test, owner, { scope: W1 });
		await expect.poll(() => slow.inner.deletedScopeOf(`${W1}/board`)).toBe(W1);
		slow.release();
		expect((await deletion).status).toBe(200);

		await waitFor(
			() =>
				board.state.failedReason === ERROR_CODES.documentDeleted ||
				closeReasons.includes(ERROR_CODES.documentDeleted)
		);
		await waitFor(
			() =>
				!test.server.hocuspocus.documents.has(`${W1}/board`) &&
				!test.server.hocuspocus.loadingDocuments.has(`${W1}/board`)
		);
		// The deleted text never reached the device.
		expect(board.doc.getText('t').toString()).toBe('');
		await test.close();
		expect(await slow.inner.load(`${W1}/board`)).toBeNull();
	}

	it('a load that read the store before the deletion does not make the document live, and its read-only device is told', async () => {
		await deleteWhileLoading({ method: 'load', call: 1 });
	});

	it('a device whose tombstone check on connecting came just before the deletion does not load the deleted document, and is told', async () => {
		// The deletion finds nothing loaded or loading; the load's own check sees the tombstone.
		await deleteWhileLoading({ method: 'deletedScopeOf', call: 1 });
	});

	it('a load whose tombstone check came just before the deletion is discarded, and its read-only device is told', async () => {
		// The first check is the one on authentication; the second is the load's own.
		await deleteWhileLoading({ method: 'deletedScopeOf', call: 2 });
	});
});
