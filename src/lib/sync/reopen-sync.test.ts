// Closing a document and opening it again at once, against the real sync server on 127.0.0.1: the
// round page follows a respondent's document while adding or renaming that respondent opens, writes
// and closes it (writeDocument), so one tab's socket often closes a document's connection and opens a
// new one for the same name before the server has finished setting up the first.

import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { DocumentStore } from '../../../server/storage/document-store';
import { openSqliteStore } from '../../../server/storage/sqlite-store';
import { createTempDir, removeDir, startTestServer } from '../../../server/test/test-server';
import { checkRespondentDocName, checkSharedDocName } from '../domain/document-names';
import { createDocumentRegistry, type DocumentRegistry } from './document-registry';
import { uniqueDocName } from './test-support';
import { writeDocument } from './write-document';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ARS = '032410001001';

/** A round trip to the server and its debounced write, on a busy machine. */
const POLL = { timeout: 10_000 };

/**
 * The app server on a SQLite store that loads slowly, as a laptop server busy with a round page's
 * many documents does: the server sets a document connection up only after the load, so the window
 * in which a client's later messages for that document wait in the server's queue is wide.
 */
async function slowLoadingServer(loadDelayMs: number) {
	const dir = createTempDir('kw-reopen-');
	const inner = openSqliteStore(`${dir}/docs.sqlite`);
	cleanups.push(
		() => removeDir(dir),
		() => inner.close()
	);
	const store: DocumentStore = {
		kind: 'sqlite',
		deleteScope: (scope) => inner.deleteScope(scope),
		deletedScopeOf: (name) => inner.deletedScopeOf(name),
		async load(name) {
			await new Promise((resolve) => setTimeout(resolve, loadDelayMs));
			return inner.load(name);
		},
		store: (name, state, stateVector) => inner.store(name, state, stateVector),
		append: (name, update) => inner.append(name, update),
		close: async () => {}
	};
	const test = await startTestServer({ store });
	cleanups.push(() => test.close());
	const { token } = await test.server.tokens.issue({
		sub: 'owner',
		role: 'moderation',
		docs: ['kommune/*/**'],
		ttlSeconds: 600
	});
	const registry = createDocumentRegistry({
		relay: false,
		tokenSource: { state: 'available', getToken: async () => token, invalidate: () => {} },
		socket: { url: test.syncUrl, WebSocketPolyfill: WebSocket }
	});
	cleanups.push(() => registry.close());
	/** The respondent's name as the server stores it, or null while it has stored nothing. */
	const storedName = async (name: string): Promise<string | null> => {
		const stored = await inner.load(name);
		if (stored === null) return null;
		const doc = new Y.Doc();
		Y.applyUpdateV2(doc, stored.state);
		const value = doc.getMap('respondent').get('name');
		doc.destroy();
		return typeof value === 'string' ? value : null;
	};
	return { registry, storedName };
}

/** A round of its own per test, so tests share nothing on the server or in IndexedDB. */
const newRound = () => uniqueDocName('round').replace(/\W/g, '');

const rename = (registry: DocumentRegistry, name: string, label: string) =>
	writeDocument(registry, name, (doc) => {
		doc.getMap('respondent').set('name', label);
	});

describe('a document closed and opened again at once', () => {
	it('reaches the server with what is written after it was opened again (S18)', async () => {
		const { registry, storedName } = await slowLoadingServer(300);
		// The page keeps another document open, so the tab's socket is open and shared throughout.
		const round = newRound();
		const shared = await registry.open(checkSharedDocName(ARS, round));
		await expect.poll(() => shared.status, POLL).toBe('connected');

		const name = checkRespondentDocName(ARS, round, 'personalrat');
		// Adding the respondent: open, write, close, while the server is still loading the document.
		expect(await rename(registry, name, 'Personalrat')).toEqual({ ok: true, value: undefined });
		// The page starts following the respondent's document a moment later.
		const followed = await registry.open(name);
		// Renaming it writes into the session the page holds.
		expect(await rename(registry, name, 'Personalrat (neu)')).toEqual({
			ok: true,
			value: undefined
		});

		await expect.poll(() => followed.status, POLL).toBe('connected');
		await expect.poll(() => storedName(name), POLL).toBe('Personalrat (neu)');
		await expect
			.poll(() => followed.durability.places.find((p) => p.place === 'laptop')?.covered, POLL)
			.toBe(true);
	}, 30_000);
});
