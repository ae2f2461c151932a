// A participant's device whose board update the server refuses by its write rules (server/SPEC.md,
// ADR 15), against the real sync server on 127.0.0.1: the connection stops, the local copy with the
// refused change goes, and the page is asked to load again.

import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { readStoredDocument } from '../../../server/test/stored-file';
import { ERROR_CODES } from '../contract/protocol';
import { startTestServer } from '../../../server/test/test-server';
import { addCard, readCards } from '../crdt/workshop-cards';
import { workshopBoardDocName } from '../domain/document-names';
import { createDocumentRegistry, type DocumentRegistry } from './document-registry';
import { readLocalCopy } from './local-copies';
import { takeRefusedNotice } from './refused-notice';
import { reloadRefusedDocument } from './refused-write';
import { uniqueDocName } from './test-support';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const card = (id: string, authorId: string, text: string) => ({
	id,
	blockId: 'block-1',
	authorId,
	text,
	order: 'a0',
	clusterId: null,
	mergedInto: null,
	createdAt: 1
});

describe('an update the server refuses', () => {
	it('stops the connection, removes the local copy holding it and reloads the page; what the server had stays there', async () => {
		const test = await startTestServer();
		cleanups.push(() => test.close());
		const workshop = uniqueDocName('w').replace(/\W/g, '');
		const board = workshopBoardDocName('032410001001', workshop);
		const { token } = await test.server.tokens.issue({
			sub: 'p-anna',
			role: 'teilnahme',
			docs: [`kommune/032410001001/workshop/${workshop}/**`],
			ttlSeconds: 600
		});
		const reload = vi.fn();
		const registry: DocumentRegistry = createDocumentRegistry({
			relay: false,
			tokenSource: { state: 'available', getToken: async () => token, invalidate: () => {} },
			socket: { url: test.syncUrl, WebSocketPolyfill: WebSocket },
			onRefused: (name, reason) => void reloadRefusedDocument(registry, name, reason, reload)
		});
		cleanups.push(() => registry.close());
		const handle = await registry.open(board);
		await expect.poll(() => handle.status).toBe('connected');

		addCard(handle.doc, card('own', 'p-anna', 'Meine Karte'));
		const server = () => test.server.hocuspocus.documents.get(board)!;
		await expect.poll(() => readCards(server()).cards.map((c) => c.text)).toEqual(['Meine Karte']);
		expect(reload).not.toHaveBeenCalled();

		addCard(handle.doc, card('forged', 'p-bernd', 'Angeblich von Bernd'));
		await expect.poll(() => reload.mock.calls.length).toBe(1);
		expect(await readLocalCopy(board)).toBeNull();
		expect(registry.openNames).toEqual([]);
		// The server lets its copy go with the last connection and stores it then (on a busy machine a
		// moment after the reload): what it stored holds the own card only.
		const storedCards = () => {
			const stored = readStoredDocument(test.dataDir, board);
			return stored ? readCards(stored).cards.map((c) => c.text) : null;
		};
		await expect.poll(storedCards).toEqual(['Meine Karte']);
	});

	it('over the writer’s byte budget (H6) goes the same way, and the next page says it was the budget', async () => {
		const notes = new Map<string, string>();
		vi.stubGlobal('sessionStorage', {
			getItem: (key: string) => notes.get(key) ?? null,
			setItem: (key: string, value: string) => void notes.set(key, value),
			removeItem: (key: string) => void notes.delete(key)
		});
		cleanups.push(() => vi.unstubAllGlobals());
		const test = await startTestServer({
			configure: (config) => ({
				...config,
				limits: {
					...config.limits,
					boardBudget: { windowBytes: 1_000, windowMs: 60 * 60 * 1000, totalBytes: 1_000 }
				}
			})
		});
		cleanups.push(() => test.close());
		const workshop = uniqueDocName('w').replace(/\W/g, '');
		const board = workshopBoardDocName('032410001001', workshop);
		const { token } = await test.server.tokens.issue({
			sub: 'p-anna',
			role: 'teilnahme',
			docs: [`kommune/032410001001/workshop/${workshop}/**`],
			ttlSeconds: 600
		});
		const reload = vi.fn();
		const reasons: string[] = [];
		const registry: DocumentRegistry = createDocumentRegistry({
			relay: false,
			tokenSource: { state: 'available', getToken: async () => token, invalidate: () => {} },
			socket: { url: test.syncUrl, WebSocketPolyfill: WebSocket },
			onRefused: (name, reason) => {
				reasons.push(reason);
				void reloadRefusedDocument(registry, name, reason, reload);
			}
		});
		cleanups.push(() => registry.close());
		const handle = await registry.open(board);
		await expect.poll(() => handle.status).toBe('connected');

		// Four cards of 280 characters are about 2,300 bytes: over the 1,000 of the budget.
		handle.doc.transact(() => {
			for (const id of ['c1', 'c2', 'c3', 'c4']) {
				addCard(handle.doc, card(id, 'p-anna', `Karte ${id} `.padEnd(280, 'x')));
			}
		});
		await expect.poll(() => reload.mock.calls.length).toBe(1);
		expect(reasons).toEqual([ERROR_CODES.writeBudgetExceeded]);
		expect(await readLocalCopy(board)).toBeNull();
		expect(readCards(test.server.hocuspocus.documents.get(board) ?? new Y.Doc()).cards).toEqual([]);
		expect(takeRefusedNotice()).toBe(ERROR_CODES.writeBudgetExceeded);
		expect(takeRefusedNotice()).toBeNull();
	});
});
