// The background upload to a central server, against real servers on 127.0.0.1 (SQLite here; the
// browser test runs the central server on PostgreSQL).

import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SQLITE_FILE_NAME } from '../../../../server/storage/sqlite-store';
import { findBlob, keepBlob } from '../../storage/blobs';
import { createBlobApi } from '../photos/photo-blobs';
import type { DocumentStore } from '../../../../server/storage/document-store';
import { openSqliteStore } from '../../../../server/storage/sqlite-store';
import { freePort } from '../../../../server/test/free-port';
import { readStoredDocument } from '../../../../server/test/stored-file';
import { connectSyncClient } from '../../../../server/test/sync-client';
import {
	createTempDir,
	removeDir,
	startTestServer,
	type TestServer
} from '../../../../server/test/test-server';
import { openDatabase, type KommunalwerkstattDb } from '../../storage/db';
import {
	centralSyncUrl,
	readCentralToken,
	startCentralSync,
	type CentralAccess,
	type CentralSync
} from './central-sync';
import { localDatabaseName } from '../../sync/local-persistence';
import { createDocumentRegistry, type DocumentRegistry } from '../../sync/document-registry';
import { uniqueDocName } from '../../sync/test-support';

const ARS = '032410001001';
const OTHER_ARS = '031010000000';
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function central(env: Record<string, string> = {}): Promise<TestServer> {
	const test = await startTestServer({ env });
	cleanups.push(() => test.close());
	return test;
}

async function tokenOf(test: TestServer, role: 'moderation' | 'beratung', docs: string[]) {
	const { token } = await test.server.tokens.issue({ sub: 'berater', role, docs, ttlSeconds: 600 });
	return token;
}

function deviceWith(): { db: KommunalwerkstattDb; registry: DocumentRegistry } {
	const db = openDatabase(uniqueDocName('central-db'));
	const registry = createDocumentRegistry({ relay: false, db, bookkeepingIntervalMs: 1 });
	cleanups.push(async () => {
		await registry.close();
		db.close();
		await db.delete();
	});
	return { db, registry };
}

const deleteLocalCopy = (name: string) =>
	new Promise<void>((resolve) => {
		const request = indexedDB.deleteDatabase(localDatabaseName(name));
		request.onsuccess = request.onerror = request.onblocked = () => resolve();
	});

/** Writes a document on the device only (no server), as the facilitator did offline. */
async function writeLocally(
	{ db, registry }: { db: KommunalwerkstattDb; registry: DocumentRegistry },
	name: string,
	text: string
) {
	// Document databases are per name and the test process shares one IndexedDB: start each test empty.
	cleanups.push(() => deleteLocalCopy(name));
	const handle = await registry.open(name);
	handle.doc.getText('t').insert(0, text);
	await handle.whenStored();
	await handle.close();
	await expect.poll(async () => (await db.documents.get(name))?.lastLocalChangeAt).toBeTruthy();
}

/** The document as the central server holds it, read with a consultant's token. */
async function centralText(test: TestServer, name: string): Promise<string> {
	const client = connectSyncClient({
		url: test.syncUrl,
		name,
		token: await tokenOf(test, 'beratung', ['kommune/*/**'])
	});
	try {
		await expect.poll(() => client.state.synced).toBe(true);
		return client.doc.getText('t').toString();
	} finally {
		client.destroy();
	}
}

function syncTo(
	test: TestServer,
	device: { db: KommunalwerkstattDb; registry: DocumentRegistry },
	token: string,
	access: CentralAccess,
	extra: Partial<Parameters<typeof startCentralSync>[0]> = {}
): CentralSync {
	const sync = startCentralSync({
		...extra,
		...device,
		url: centralSyncUrl(`http://127.0.0.1:${test.port}`)!,
		token,
		access,
		WebSocketPolyfill: extra.WebSocketPolyfill ?? WebSocket,
		retryBaseMs: 100,
		retryMaxMs: 400,
		documentTimeoutMs: extra.documentTimeoutMs ?? 2_000,
		passIntervalMs: 60_000
	});
	cleanups.push(() => sync.stop());
	return sync;
}

const fixture = (file: string) =>
	new Uint8Array(readFileSync(new URL(`../../domain/photos/fixtures/${file}`, import.meta.url)));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('syncing a municipality to the central server', () => {
	it('uploads the photos of the boards the key covers after their documents, and none of another municipality', async () => {
		const server = await central();
		const device = deviceWith();
		const board = `kommune/${ARS}/workshop/w1/board`;
		const foreign = `kommune/${OTHER_ARS}/workshop/w9/board`;
		await writeLocally(device, board, 'Fotos');
		const [jpeg, png] = [fixture('flipchart.jpg'), fixture('pinboard.png')];
		const row = { createdAt: 1, laptopAt: 1, centralAt: null, laptopRefusal: null };
		await keepBlob(device.db, {
			...row,
			sha256: sha256(jpeg),
			board,
			mediaType: 'image/jpeg',
			bytes: jpeg
		});
		await keepBlob(device.db, {
			...row,
			sha256: sha256(png),
			board: foreign,
			mediaType: 'image/png',
			bytes: png
		});
		const token = await tokenOf(server, 'moderation', [`kommune/${ARS}/**`]);

		// The API beside the socket, by the name the loopback server answers without a redirect.
		const sync = syncTo(server, device, token, readCentralToken(token) as CentralAccess, {
			blobApi: createBlobApi(server.server.url)
		});
		await expect.poll(() => sync.progress.phase, { timeout: 10_000 }).toBe('done');
		const db = new Database(join(server.dataDir, SQLITE_FILE_NAME), { readonly: true });
		try {
			const rows = db
				.prepare<[], { scope: string; sha256: string }>('SELECT scope, sha256 FROM blobs')
				.all();
			expect(rows).toEqual([{ scope: `kommune/${ARS}/workshop/w1`, sha256: sha256(jpeg) }]);
		} finally {
			db.close();
		}
		expect((await findBlob(device.db, sha256(jpeg)))?.centralAt).toEqual(expect.any(Number));
		expect((await findBlob(device.db, sha256(png)))?.centralAt).toBeNull();
	});

	it('uploads every document of the municipality the token covers, and none of another', async () => {
		const server = await central();
		const device = deviceWith();
		const profile = `kommune/${ARS}/profile`;
		const board = `kommune/${ARS}/workshop/w1/board`;
		const foreign = `kommune/${OTHER_ARS}/profile`;
		await writeLocally(device, profile, 'Profil Hannover');
		await writeLocally(device, board, 'Karten');
		await writeLocally(device, foreign, 'Profil Braunschweig');
		// A participant's private cards: the facilitator reads them but may not write them, centrally too.
		await writeLocally(device, `kommune/${ARS}/workshop/w1/private/p1`, 'private Karte');
		const token = await tokenOf(server, 'moderation', [`kommune/${ARS}/**`]);
		const access = readCentralToken(token) as CentralAccess;

		const sync = syncTo(server, device, token, access);
		await expect.poll(() => sync.progress.phase, { timeout: 10_000 }).toBe('done');
		expect(sync.progress).toMatchObject({ total: 2, done: 2, failed: 0 });
		expect(await centralText(server, profile)).toBe('Profil Hannover');
		expect(await centralText(server, board)).toBe('Karten');
		expect(await centralText(server, foreign)).toBe('');

		// Nothing changed since: the next pass has nothing to upload.
		sync.syncNow();
		await expect.poll(() => sync.progress.total).toBe(0);
		expect(sync.progress.phase).toBe('done');
	});

	it('uploads a board larger than one message in pieces, so the central server stores all of it', async () => {
		const server = await central();
		const device = deviceWith();
		const board = `kommune/${ARS}/workshop/w1/board`;
		cleanups.push(() => deleteLocalCopy(board));
		const handle = await device.registry.open(board);
		// 4,700 cards of 2,048 random characters: 9,625,600 bytes, above the 8 MiB (8,388,608) a
		// message may hold.
		handle.doc.transact(() => {
			for (let i = 0; i < 4_700; i += 1) {
				handle.doc.getMap('cards').set(`card-${i}/text`, randomBytes(1_536).toString('base64'));
			}
		});
		await handle.whenStored();
		const cards = handle.doc.getMap('cards').toJSON();
		await handle.close();
		await expect
			.poll(async () => (await device.db.documents.get(board))?.lastLocalChangeAt)
			.toBeTruthy();
		const closeCodes: number[] = [];
		class ClosingWebSocket extends WebSocket {
			constructor(...args: ConstructorParameters<typeof WebSocket>) {
				super(...args);
				this.on('close', (code: number) => closeCodes.push(code));
			}
		}
		const token = await tokenOf(server, 'moderation', [`kommune/${ARS}/**`]);

		const sync = syncTo(server, device, token, readCentralToken(token) as CentralAccess, {
			documentTimeoutMs: 20_000,
			WebSocketPolyfill: ClosingWebSocket
		});
		await expect.poll(() => sync.progress.phase, { timeout: 25_000 }).toBe('done');
		expect(sync.progress).toMatchObject({ total: 1, done: 1, failed: 0 });
		expect(readStoredDocument(server.dataDir, board)?.getMap('cards').toJSON()).toEqual(cards);
		// The socket is closed only once the upload is done, never with 1009 (a message too large).
		expect(closeCodes).not.toContain(1009);
	}, 40_000);

	it('keeps trying while the central server is down and finishes on its own once it is back', async () => {
		const port = await freePort();
		const device = deviceWith();
		const name = `kommune/${ARS}/profile`;
		await writeLocally(device, name, 'offline geschrieben');
		const dataDir = createTempDir('kw-central-');
		cleanups.push(() => removeDir(dataDir));
		const first = await startTestServer({ dataDir, env: { PORT: String(port) } });
		const token = await tokenOf(first, 'moderation', [`kommune/${ARS}/**`]);
		await first.close();

		const sync = syncTo(first, device, token, readCentralToken(token) as CentralAccess);
		await expect.poll(() => sync.progress.phase, { timeout: 10_000 }).toBe('waiting');
		expect(sync.progress.retryAt).toEqual(expect.any(Number));

		const again = await startTestServer({ dataDir, env: { PORT: String(port) } });
		cleanups.push(() => again.close());
		await expect
			.poll(() => [sync.progress.phase, sync.progress.refusal], { timeout: 15_000 })
			.toEqual(['done', null]);
		expect(await centralText(again, name)).toBe('offline geschrieben');
	}, 30_000);

	it('retries a document the central server could not load, instead of taking it for a refused key', async () => {
		const dir = createTempDir('kw-central-store-');
		const inner = openSqliteStore(`${dir}/docs.sqlite`);
		cleanups.push(
			() => removeDir(dir),
			() => inner.close()
		);
		const control = { failLoad: true };
		const store: DocumentStore = {
			kind: 'sqlite',
			deleteScope: (scope) => inner.deleteScope(scope),
			deletedScopeOf: (name) => inner.deletedScopeOf(name),
			async load(name) {
				if (control.failLoad) throw new Error('database unreachable');
				return inner.load(name);
			},
			store: (name, state, stateVector) => inner.store(name, state, stateVector),
			append: (name, update) => inner.append(name, update),
			close: async () => {}
		};
		const server = await startTestServer({ store });
		cleanups.push(() => server.close());
		const device = deviceWith();
		await writeLocally(device, `kommune/${ARS}/profile`, 'Profil');
		const token = await tokenOf(server, 'moderation', [`kommune/${ARS}/**`]);

		const sync = syncTo(server, device, token, readCentralToken(token) as CentralAccess);
		await expect.poll(() => sync.progress.phase, { timeout: 10_000 }).toBe('waiting');
		expect(sync.progress.refusal).toBeNull();

		control.failLoad = false;
		await expect.poll(() => sync.progress.phase, { timeout: 15_000 }).toBe('done');
		expect(await centralText(server, `kommune/${ARS}/profile`)).toBe('Profil');
	}, 30_000);

	it('stops when the central server refuses the token, and never writes with it', async () => {
		const server = await central();
		const stranger = await central();
		const device = deviceWith();
		await writeLocally(device, `kommune/${ARS}/profile`, 'Profil');
		// Signed by another server's secret: it looks fine here, the central server refuses it.
		const token = await tokenOf(stranger, 'moderation', [`kommune/${ARS}/**`]);

		const sync = syncTo(server, device, token, readCentralToken(token) as CentralAccess);
		await expect.poll(() => sync.progress.phase, { timeout: 10_000 }).toBe('refused');
		expect(sync.progress.refusal).toBe('unauthorized');
		expect(await centralText(server, `kommune/${ARS}/profile`)).toBe('');
	});
});

describe('the access data a facilitator enters', () => {
	it('turns an address into the sync socket URL, and refuses what is no server address', () => {
		expect(centralSyncUrl('https://zentral.example.de')).toBe('wss://zentral.example.de/sync');
		expect(centralSyncUrl('zentral.example.de')).toBe('wss://zentral.example.de/sync');
		expect(centralSyncUrl('http://127.0.0.1:8500/')).toBe('ws://127.0.0.1:8500/sync');
		expect(centralSyncUrl('ftp://zentral.example.de')).toBeNull();
		expect(centralSyncUrl('https://nutzer:geheim@zentral.example.de')).toBeNull();
		expect(centralSyncUrl('  ')).toBeNull();
	});

	it('accepts a moderation token and says why another is not enough', async () => {
		const server = await central();
		const moderation = await tokenOf(server, 'moderation', [`kommune/${ARS}/**`]);
		expect(readCentralToken(moderation)).toEqual({
			sub: 'berater',
			docs: [`kommune/${ARS}/**`],
			expiresAt: expect.any(Number)
		});
		expect(readCentralToken(await tokenOf(server, 'beratung', ['kommune/*/**']))).toBe('read_only');
		expect(readCentralToken('kein.token')).toBe('invalid_token');
		expect(readCentralToken(moderation, Date.now() + 3_600_000)).toBe('expired');
	});
});
