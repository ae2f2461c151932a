import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ERROR_CODES } from '../src/lib/sync/protocol';
import type { PersistedEvent } from './extensions/persistence-extension';
import type { DocumentStore } from './storage/document-store';
import { openSqliteStore } from './storage/sqlite-store';
import { useCleanup } from './test/cleanup';
import { expectDataSurvivesRestart } from './test/restart-scenario';
import { seedText, storedText } from './test/seed';
import { connectSyncClient, textOf } from './test/sync-client';
import { createTempDir, removeDir, startTestServer } from './test/test-server';
import type { TokenService } from './tokens';

const PROFILE = 'kommune/032410001001/profile';
const defer = useCleanup();

function tempDir(): string {
	const dir = createTempDir('kw-data-');
	defer(() => removeDir(dir));
	return dir;
}

/** A SQLite store whose load or store can be made to fail, counting the calls. */
function controllableStore(dir: string) {
	const inner = openSqliteStore(`${dir}/test.sqlite`);
	defer(() => inner.close());
	const control = { failLoad: false, failStore: false, storeCalls: 0, storeFailures: 0 };
	const store: DocumentStore = {
		kind: 'sqlite',
		async load(name) {
			if (control.failLoad) throw new Error('disk unreadable');
			return inner.load(name);
		},
		async store(name, state, stateVector) {
			control.storeCalls += 1;
			if (control.failStore) {
				control.storeFailures += 1;
				throw new Error('disk full');
			}
			return inner.store(name, state, stateVector);
		},
		close: async () => {}
	};
	return { store, inner, control };
}

async function moderationToken(server: { tokens: TokenService }): Promise<string> {
	const { token } = await server.tokens.issue({
		sub: 'owner',
		role: 'moderation',
		docs: ['kommune/*/**'],
		ttlSeconds: 600
	});
	return token;
}

describe('persistence', () => {
	it('data survives a server restart on SQLite', async () => {
		const dataDir = tempDir();
		await expectDataSurvivesRestart(() => ({ dataDir }), defer);
	});

	it('stopping the server stores the documents of clients that are still connected', async () => {
		const { store, inner } = controllableStore(tempDir());
		const test = await startTestServer({
			store,
			// Without the shutdown flush nothing would be stored for a minute.
			configure: (config) => ({
				...config,
				sync: { ...config.sync, debounceMs: 60_000, maxDebounceMs: 120_000 }
			})
		});
		defer(() => test.close());
		const client = connectSyncClient({
			url: test.syncUrl,
			name: PROFILE,
			token: await moderationToken(test.server)
		});
		defer(() => client.destroy());
		await expect.poll(() => client.state.synced).toBe(true);
		client.doc.getText('t').insert(0, 'kurz vor Strg+C');
		await expect.poll(() => client.provider.hasUnsyncedChanges).toBe(false);
		expect(await storedText(inner, PROFILE)).toBeNull();

		await test.close();
		expect(await storedText(inner, PROFILE)).toBe('kurz vor Strg+C');
	});

	it('a load error refuses the document and never overwrites the stored state', async () => {
		const { store, inner, control } = controllableStore(tempDir());
		await seedText(inner, PROFILE, 'gespeicherter Stand');
		control.failLoad = true;
		const test = await startTestServer({ store });
		defer(() => test.close());

		const local = new Y.Doc();
		local.getText('t').insert(0, 'lokaler Stand, der nicht zählen darf');
		const client = connectSyncClient({
			url: test.syncUrl,
			name: PROFILE,
			token: await moderationToken(test.server),
			doc: local
		});
		defer(() => client.destroy());
		await expect.poll(() => client.state.failedReason).toBe(ERROR_CODES.internal);
		expect(test.server.hocuspocus.documents.has(PROFILE)).toBe(false);

		client.destroy();
		await test.close();
		expect(control.storeCalls).toBe(0);
		expect(await storedText(inner, PROFILE)).toBe('gespeicherter Stand');
	});

	it('a failed store is retried while the document stays loaded, and the document unloads once stored', async () => {
		const { store, inner, control } = controllableStore(tempDir());
		const test = await startTestServer({ store });
		defer(() => test.close());
		control.failStore = true;

		const client = connectSyncClient({
			url: test.syncUrl,
			name: PROFILE,
			token: await moderationToken(test.server)
		});
		defer(() => client.destroy());
		await expect.poll(() => client.state.synced).toBe(true);
		client.doc.getText('t').insert(0, 'nur im Speicher des Servers');
		await expect.poll(() => client.provider.hasUnsyncedChanges).toBe(false);
		// The last client leaves: Hocuspocus would unload the document after one failed store.
		client.destroy();

		await expect.poll(() => control.storeFailures).toBeGreaterThanOrEqual(3);
		expect(test.server.hocuspocus.documents.has(PROFILE)).toBe(true);

		control.failStore = false;
		await expect.poll(() => storedText(inner, PROFILE)).toBe('nur im Speicher des Servers');
		await expect.poll(() => test.server.hocuspocus.documents.has(PROFILE)).toBe(false);
	});

	it('reports the state vector it stored, so durable acknowledgements can build on it', async () => {
		const { store, inner } = controllableStore(tempDir());
		const persisted: PersistedEvent[] = [];
		const test = await startTestServer({ store, onPersisted: (event) => persisted.push(event) });
		defer(() => test.close());
		const client = connectSyncClient({
			url: test.syncUrl,
			name: PROFILE,
			token: await moderationToken(test.server)
		});
		defer(() => client.destroy());
		await expect.poll(() => client.state.synced).toBe(true);
		client.doc.getText('t').insert(0, 'Stand A');

		await expect.poll(() => persisted.length).toBeGreaterThan(0);
		const last = persisted.at(-1)!;
		expect(last.documentName).toBe(PROFILE);
		expect((await inner.load(PROFILE))?.stateVector).toEqual(last.stateVector);
		expect(last.stateVector).toEqual(Y.encodeStateVector(client.doc));
		expect(textOf(client.doc)).toBe('Stand A');
	});
});
