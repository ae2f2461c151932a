// The document layer against a real Hocuspocus server on 127.0.0.1 (Node 20 has no WebSocket, so the
// provider gets the `ws` package). The relay is off: what arrives here came through the server.

import { Server } from '@hocuspocus/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createDocumentRegistry, type DocumentRegistry } from './document-registry';
import type { DocumentHandle } from './open-document';
import { uniqueDocName } from './test-support';
import type { TokenSource, TokenState } from './token-source';

const fixedToken = (token: string | null, state: TokenState = 'available'): TokenSource => ({
	state,
	getToken: vi.fn(async () => token),
	invalidate: vi.fn()
});

let server: Server;
let refusedName = '';
const handles: DocumentHandle[] = [];
/** WebSockets the provider opened in this test. */
let socketsOpened = 0;

class CountingWebSocket extends WebSocket {
	constructor(...args: ConstructorParameters<typeof WebSocket>) {
		super(...args);
		socketsOpened += 1;
	}
}

beforeEach(async () => {
	socketsOpened = 0;
	server = new Server({
		address: '127.0.0.1',
		port: 0,
		quiet: true,
		stopOnSignals: false,
		async onAuthenticate({ token, documentName }) {
			if (token !== 'good' || documentName === refusedName) throw new Error('forbidden');
		}
	});
	await server.listen();
});

afterEach(async () => {
	await Promise.all(handles.splice(0).map((h) => h.close()));
	await server.destroy();
});

const registryWith = (tokenSource: TokenSource): DocumentRegistry =>
	createDocumentRegistry({
		relay: false,
		tokenSource,
		socket: { url: server.webSocketURL, WebSocketPolyfill: CountingWebSocket }
	});

const openIn = async (registry: DocumentRegistry, name: string) => {
	const handle = await registry.open(name);
	handles.push(handle);
	return handle;
};

describe('server connection', () => {
	it('connects a document with a token and syncs it with another device (S8, S9)', async () => {
		const name = uniqueDocName('server');
		const laptop = registryWith(fixedToken('good'));
		const other = registryWith(fixedToken('good'));
		const a = await openIn(laptop, name);
		const b = await openIn(other, name);

		await expect.poll(() => a.status).toBe('connected');
		await expect.poll(() => laptop.status).toBe('connected');
		a.doc.getMap('profile').set('name', 'Hameln');
		await expect.poll(() => b.doc.getMap('profile').get('name')).toBe('Hameln');
		// One socket per tab, shared by its documents.
		expect(socketsOpened).toBe(2);
	});

	it('stays local without a token and opens no socket (S8)', async () => {
		const tokens = fixedToken(null, 'denied');
		const handle = await openIn(registryWith(tokens), uniqueDocName('no-token'));
		// The connection decides right after the token source answers: wait for that answer.
		await expect.poll(() => vi.mocked(tokens.getToken).mock.results.length).toBe(1);
		await vi.mocked(tokens.getToken).mock.results[0]!.value;
		expect(handle.status).toBe('local');
		expect(socketsOpened).toBe(0);
	});

	it('stays local, without crashing, when the server refuses the token (S9)', async () => {
		const tokens = fixedToken('forged');
		const handle = await openIn(registryWith(tokens), uniqueDocName('refused'));
		await expect.poll(() => vi.mocked(tokens.invalidate).mock.calls.length).toBeGreaterThan(0);
		expect(handle.status).toBe('local');
		handle.doc.getMap('profile').set('name', 'still editable');
		await handle.whenStored();
	});

	it('says local for the tab while any open document is not connected (S10)', async () => {
		const tokens = fixedToken('good');
		const registry = registryWith(tokens);
		const connected = await openIn(registry, uniqueDocName('agg-ok'));
		await expect.poll(() => connected.status).toBe('connected');
		expect(registry.status).toBe('connected');

		refusedName = uniqueDocName('agg-refused');
		await openIn(registry, refusedName);
		await expect.poll(() => vi.mocked(tokens.invalidate).mock.calls.length).toBeGreaterThan(0);
		expect(connected.status).toBe('connected');
		expect(registry.status).toBe('local');
	});

	it('falls back to local when the server goes away (S9)', async () => {
		const handle = await openIn(registryWith(fixedToken('good')), uniqueDocName('gone'));
		await expect.poll(() => handle.status).toBe('connected');
		await server.destroy();
		await expect.poll(() => handle.status).toBe('local');
	});
});
