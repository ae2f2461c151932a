// The access table of ADR 5, cell by cell, against the real server: for every role and every kind of document of two
// municipalities, what a real client on 127.0.0.1 receives and whether its edits reach the server.
// The expected table below is written by hand from the design, never computed from access.ts, so a wrong
// entry in the permission table or a token scope that is too wide makes a cell fail.
import { join } from 'node:path';
import type { Extension } from '@hocuspocus/server';
// eslint-disable-next-line no-restricted-imports -- tests play the browser's sync client
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { checkInParticipant, readRoster } from '../src/lib/crdt/workshop-doc';
import { parseDocName, type Role } from '../src/lib/domain/access';
import { docPatternsFor, type ScopeTarget } from '../src/lib/domain/token-scope';
import { ERROR_CODES } from '../src/lib/contract/protocol';
import type { StoredDocument } from './storage/document-store';
import { openSqliteStore, SQLITE_FILE_NAME } from './storage/sqlite-store';
import { useCleanup } from './test/cleanup';
import { seedText } from './test/seed';
import { createTempDir, removeDir, startTestServer, type TestServer } from './test/test-server';
import { createTokenService, type TokenService } from './tokens';

const A = '032410001001';
const B = '031010000000';

type Cell = 'write' | 'read' | 'none';
const W: Cell = 'write';
const R: Cell = 'read';
const _: Cell = 'none';

/** The holders of the tokens, one column each in MATRIX. */
interface Holder {
	who: string;
	role: Role;
	sub: string;
	target: ScopeTarget;
}

const HOLDERS = {
	moderationA: {
		who: 'moderation of municipality A',
		role: 'moderation',
		sub: 'moderatorin',
		target: { ars: A }
	},
	coModerationW1: {
		who: 'co-moderation of workshop w1 of A',
		role: 'moderation',
		sub: 'co-moderator',
		target: { ars: A, workshop: 'w1' }
	},
	teilnahmeP1: {
		who: 'participant p1 of workshop w1 of A',
		role: 'teilnahme',
		sub: 'p1',
		target: { ars: A, workshop: 'w1' }
	},
	ansichtW1: {
		who: 'the projector (ansicht) of workshop w1 of A',
		role: 'ansicht',
		sub: 'beamer-w1',
		target: { ars: A, workshop: 'w1' }
	},
	ansichtC1: {
		who: 'the projector (ansicht) of check round c1 of A',
		role: 'ansicht',
		sub: 'beamer-c1',
		target: { ars: A, round: 'c1' }
	},
	respondentR1: {
		who: 'respondent r1 of check round c1 of A',
		role: 'respondent',
		sub: 'r1',
		target: { ars: A, round: 'c1', respondent: 'r1' }
	},
	beratung: {
		who: 'beratung of all municipalities',
		role: 'beratung',
		sub: 'beraterin',
		target: {}
	},
	moderationB: {
		who: 'moderation of municipality B',
		role: 'moderation',
		sub: 'moderator-b',
		target: { ars: B }
	}
} satisfies Record<string, Holder>;
type HolderKey = keyof typeof HOLDERS;
const COLUMNS: readonly HolderKey[] = [
	'moderationA',
	'coModerationW1',
	'teilnahmeP1',
	'ansichtW1',
	'ansichtC1',
	'respondentR1',
	'beratung',
	'moderationB'
];

type Row = readonly [name: string, ...cells: [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell]];

// The access table of ADR 5 applied to each holder's scope. A second round (c2) and workshop (w2) of A show that a
// scope of one round or workshop stops there; B repeats A's ids, so only the municipality tells them apart.
// prettier-ignore
const MATRIX: readonly Row[] = [
	//                                              modA coW1 p1   ansW1 ansC1 r1  ber  modB
	[`kommune/${A}/profile`,                         W,   _,   R,   _,    _,    _,  R,   _],
	[`kommune/${A}/check/c1/shared`,                 W,   _,   _,   _,    R,    _,  R,   _],
	[`kommune/${A}/check/c1/respondent/r1`,          W,   _,   _,   _,    _,    W,  R,   _],
	[`kommune/${A}/check/c1/respondent/r2`,          W,   _,   _,   _,    _,    _,  R,   _],
	[`kommune/${A}/check/c2/shared`,                 W,   _,   _,   _,    _,    _,  R,   _],
	[`kommune/${A}/workshop/w1/control`,             W,   W,   R,   R,    _,    _,  R,   _],
	[`kommune/${A}/workshop/w1/board`,               W,   W,   W,   R,    _,    _,  R,   _],
	[`kommune/${A}/workshop/w1/private/p1`,          R,   R,   W,   _,    _,    _,  _,   _],
	[`kommune/${A}/workshop/w1/private/p2`,          R,   R,   _,   _,    _,    _,  _,   _],
	[`kommune/${A}/workshop/w2/board`,               W,   _,   _,   _,    _,    _,  R,   _],
	[`kommune/${B}/profile`,                         _,   _,   _,   _,    _,    _,  R,   W],
	[`kommune/${B}/check/c1/shared`,                 _,   _,   _,   _,    _,    _,  R,   W],
	[`kommune/${B}/check/c1/respondent/r1`,          _,   _,   _,   _,    _,    _,  R,   W],
	[`kommune/${B}/check/c1/respondent/r2`,          _,   _,   _,   _,    _,    _,  R,   W],
	[`kommune/${B}/workshop/w1/control`,             _,   _,   _,   _,    _,    _,  R,   W],
	[`kommune/${B}/workshop/w1/board`,               _,   _,   _,   _,    _,    _,  R,   W],
	[`kommune/${B}/workshop/w1/private/p1`,          _,   _,   _,   _,    _,    _,  _,   R],
	[`kommune/${B}/workshop/w1/private/p2`,          _,   _,   _,   _,    _,    _,  _,   R]
];

const DOC_NAMES = MATRIX.map(([name]) => name);
const DOCS_OF_A = DOC_NAMES.filter((name) => name.startsWith(`kommune/${A}/`));
const seededText = (name: string) => `Inhalt von ${name}`;

interface MatrixCell {
	key: HolderKey;
	who: string;
	name: string;
	access: Cell;
}
const CELLS: MatrixCell[] = MATRIX.flatMap(([name, ...cells]) =>
	COLUMNS.map((key, column) => ({ key, who: HOLDERS[key].who, name, access: cells[column]! }))
);
const cellsWith = (...access: Cell[]) => CELLS.filter((cell) => access.includes(cell.access));

// --- clients: one socket per token holder, one provider per document on it (as the app multiplexes) ---

interface Peer {
	doc: Y.Doc;
	provider: HocuspocusProvider;
	/** Updates that came from the server (local edits are not counted). */
	received: Uint8Array[];
	state: { authenticated: boolean; failedReason: string | null; synced: boolean };
}

class Socket {
	readonly socket: HocuspocusProviderWebsocket;
	readonly peers = new Map<string, Peer>();

	constructor(url: string) {
		this.socket = new HocuspocusProviderWebsocket({
			url,
			WebSocketPolyfill: WebSocket,
			maxAttempts: 1
		});
	}

	open(name: string, token: string): Peer {
		const doc = new Y.Doc();
		const received: Uint8Array[] = [];
		const state = { authenticated: false, failedReason: null as string | null, synced: false };
		const provider = new HocuspocusProvider({
			websocketProvider: this.socket,
			name,
			document: doc,
			token,
			onAuthenticated: () => (state.authenticated = true),
			onAuthenticationFailed: ({ reason }) => (state.failedReason = reason),
			onSynced: () => (state.synced = true)
		});
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === provider) received.push(update);
		});
		provider.attach();
		const peer = { doc, provider, received, state };
		this.peers.set(name, peer);
		return peer;
	}

	peer(name: string): Peer {
		const peer = this.peers.get(name);
		if (!peer) throw new Error(`no client for ${name}`);
		return peer;
	}

	destroy(): void {
		for (const { provider } of this.peers.values()) provider.destroy();
		this.socket.destroy();
	}
}

const settled = ({ state }: Peer) => state.synced || state.failedReason !== null;

/**
 * Waits until the server has answered every client: synced or refused. vi.waitFor, because it also runs
 * in beforeAll (expect.poll works only inside a test); one wait covers up to 150 connections, so it gets
 * more than the default second.
 */
async function waitUntilSettled(sockets: Iterable<Socket>): Promise<void> {
	const peers = [...sockets].flatMap((socket) => [...socket.peers.values()]);
	await vi.waitFor(() => expect(peers.filter((peer) => !settled(peer))).toHaveLength(0), {
		timeout: 5_000
	});
}

// --- server, store and tokens ---

async function seedAll(dataDir: string): Promise<Map<string, StoredDocument>> {
	const store = openSqliteStore(join(dataDir, SQLITE_FILE_NAME));
	try {
		for (const name of DOC_NAMES) await seedText(store, name, seededText(name));
	} finally {
		await store.close();
	}
	return loadAll(dataDir);
}

/** Every document as the SQLite file of `dataDir` holds it (the server must be closed). */
async function loadAll(dataDir: string): Promise<Map<string, StoredDocument>> {
	const store = openSqliteStore(join(dataDir, SQLITE_FILE_NAME));
	try {
		const stored = new Map<string, StoredDocument>();
		for (const name of DOC_NAMES) {
			const document = await store.load(name);
			if (!document) throw new Error(`${name} is not stored`);
			stored.set(name, document);
		}
		return stored;
	} finally {
		await store.close();
	}
}

async function issueFor(tokens: TokenService, holder: Holder): Promise<string> {
	const scope = docPatternsFor(holder.role, holder.target);
	if (!scope.ok) throw new Error(`no scope for ${holder.who}: ${scope.error}`);
	const { token } = await tokens.issue({
		sub: holder.sub,
		role: holder.role,
		docs: scope.docs,
		ttlSeconds: 3600
	});
	return token;
}

interface MatrixServer {
	test: TestServer;
	seeded: Map<string, StoredDocument>;
	sockets: Map<HolderKey, Socket>;
	/** `<document>|<payload>` of every stateless message the server handled. */
	probes: Set<string>;
	peer(key: HolderKey, name: string): Peer;
	serverDoc(name: string): Y.Doc;
	/** Sends a stateless message after whatever the peer sent before, and waits until it was handled. */
	probe(peer: Peer, name: string, payload: string): Promise<void>;
	/** Disconnects every client and closes the server, which stores every loaded document. Once. */
	close(): Promise<void>;
	/** close(), then removes the data directory. */
	dispose(): Promise<void>;
}

/** A seeded server with one socket per holder, opening `names(key)` on it, all answered. */
async function startMatrixServer(
	names: (key: HolderKey) => readonly string[]
): Promise<MatrixServer> {
	const dataDir = createTempDir('kw-matrix-');
	const seeded = await seedAll(dataDir);
	const test = await startTestServer({ dataDir });
	// Messages of one socket are handled in order: once the probe arrives, what was sent before it has been.
	const probes = new Set<string>();
	const probe: Extension = {
		onStateless: async ({ documentName, payload }) => void probes.add(`${documentName}|${payload}`)
	};
	test.server.hocuspocus.configuration.extensions.push(probe);

	const sockets = new Map<HolderKey, Socket>();
	let closing: Promise<void> | null = null;
	const close = () =>
		(closing ??= (async () => {
			for (const socket of sockets.values()) socket.destroy();
			await test.close();
		})());
	try {
		for (const key of COLUMNS) {
			const token = await issueFor(test.server.tokens, HOLDERS[key]);
			const socket = new Socket(test.syncUrl);
			sockets.set(key, socket);
			for (const name of names(key)) socket.open(name, token);
		}
		await waitUntilSettled(sockets.values());
	} catch (error) {
		// afterAll never sees a server that failed to start; nothing may outlive the file.
		await close();
		removeDir(dataDir);
		throw error;
	}

	return {
		test,
		seeded,
		sockets,
		probes,
		peer: (key, name) => sockets.get(key)!.peer(name),
		serverDoc(name) {
			const document = test.server.hocuspocus.documents.get(name);
			if (!document) throw new Error(`${name} is not loaded on the server`);
			return document;
		},
		async probe(peer, name, payload) {
			peer.provider.sendStateless(payload);
			await expect.poll(() => probes.has(`${name}|${payload}`)).toBe(true);
		},
		close,
		async dispose() {
			await close();
			removeDir(dataDir);
		}
	};
}

/** An edit that inserts and deletes, so both kinds of change must be dropped. */
function tamper(doc: Y.Doc, mark: string): void {
	const text = doc.getText('t');
	text.delete(0, Math.min(3, text.length));
	text.insert(0, `ÜBERSCHRIEBEN von ${mark} `);
}

function expectNothingReceived(peer: Peer, reason: string): void {
	expect(peer.state.failedReason).toBe(reason);
	expect(peer.state.authenticated).toBe(false);
	expect(peer.state.synced).toBe(false);
	expect(peer.received).toHaveLength(0);
	expect(peer.doc.getText('t').toString()).toBe('');
}

// --- the tests ---

describe('reading, refusals and read-only connections (ADR 5)', () => {
	let m: MatrixServer;
	const defer = useCleanup();

	beforeAll(async () => {
		m = await startMatrixServer(() => DOC_NAMES);
	});
	afterAll(async () => {
		await m?.dispose();
	});

	// A loop of it() rather than it.each: vitest shortens interpolated values, and p1 and p2 must stay apart.
	for (const { key, who, name, access } of cellsWith(W, R)) {
		it(`${who} may ${access} ${name} and receives exactly its seeded content`, () => {
			const peer = m.peer(key, name);
			expect(peer.state.failedReason).toBeNull();
			expect(peer.state.synced).toBe(true);
			expect(peer.doc.getText('t').toString()).toBe(seededText(name));
			// The client holds the server's state and nothing else.
			expect(Y.encodeStateAsUpdateV2(peer.doc)).toEqual(m.seeded.get(name)!.state);
			expect(peer.provider.authorizedScope).toBe(access === W ? 'read-write' : 'readonly');
		});
	}

	for (const { key, who, name } of cellsWith(_)) {
		it(`${who} is refused ${name} and receives nothing of it`, () => {
			const peer = m.peer(key, name);
			expectNothingReceived(peer, ERROR_CODES.forbidden);
			// Its edit is never applied: the server only queues messages of an unauthenticated document.
			// The stored state is compared after the server closes (last test).
			tamper(peer.doc, key);
		});
	}

	for (const { key, who, name } of cellsWith(R)) {
		it(`${who} cannot change ${name}: the server drops its edit`, async () => {
			const peer = m.peer(key, name);
			tamper(peer.doc, key);
			await m.probe(peer, name, `edited by ${key}`);
			const serverDoc = m.serverDoc(name);
			expect(serverDoc.getText('t').toString()).toBe(seededText(name));
			expect(Y.encodeStateAsUpdateV2(serverDoc)).toEqual(m.seeded.get(name)!.state);
		});
	}

	it("participant p1 can neither read nor write participant p2's private document", async () => {
		const p2 = `kommune/${A}/workshop/w1/private/p2`;
		const p1 = `kommune/${A}/workshop/w1/private/p1`;
		const onP2 = m.peer('teilnahmeP1', p2);
		expect(onP2.state.failedReason).toBe(ERROR_CODES.forbidden);
		expect(onP2.received).toHaveLength(0);
		onP2.doc.getText('t').insert(0, 'von p1 geschrieben ');
		// The probe on p1's own document travels on the same socket after the edit.
		await m.probe(m.peer('teilnahmeP1', p1), p1, 'after writing p2');
		expect(m.serverDoc(p2).getText('t').toString()).toBe(seededText(p2));
		expect(Y.encodeStateAsUpdateV2(m.serverDoc(p2))).toEqual(m.seeded.get(p2)!.state);
		// Its own private document it reads and writes.
		expect(m.peer('teilnahmeP1', p1).provider.authorizedScope).toBe('read-write');
	});

	it("respondent r1 can neither read nor write respondent r2's answers", async () => {
		const r2 = `kommune/${A}/check/c1/respondent/r2`;
		const r1 = `kommune/${A}/check/c1/respondent/r1`;
		const onR2 = m.peer('respondentR1', r2);
		expect(onR2.state.failedReason).toBe(ERROR_CODES.forbidden);
		expect(onR2.received).toHaveLength(0);
		expect(onR2.doc.getText('t').toString()).not.toContain(seededText(r2));
		onR2.doc.getText('t').insert(0, 'von r1 geschrieben ');
		await m.probe(m.peer('respondentR1', r1), r1, 'after writing r2');
		expect(Y.encodeStateAsUpdateV2(m.serverDoc(r2))).toEqual(m.seeded.get(r2)!.state);
	});

	it('no token of municipality B, whatever its role, opens a document of A, although B uses the same workshop, round, respondent and participant ids', async () => {
		const holdersOfB: Holder[] = [
			{ who: 'moderation', role: 'moderation', sub: 'mod-b', target: { ars: B } },
			{ who: 'co-moderation', role: 'moderation', sub: 'co-b', target: { ars: B, workshop: 'w1' } },
			{ who: 'teilnahme', role: 'teilnahme', sub: 'p1', target: { ars: B, workshop: 'w1' } },
			{ who: 'ansicht w1', role: 'ansicht', sub: 'beamer', target: { ars: B, workshop: 'w1' } },
			{ who: 'ansicht c1', role: 'ansicht', sub: 'beamer', target: { ars: B, round: 'c1' } },
			{
				who: 'respondent',
				role: 'respondent',
				sub: 'r1',
				target: { ars: B, round: 'c1', respondent: 'r1' }
			},
			{ who: 'beratung', role: 'beratung', sub: 'berater-b', target: { ars: B } }
		];
		const sockets: Socket[] = [];
		for (const holder of holdersOfB) {
			const token = await issueFor(m.test.server.tokens, holder);
			const socket = new Socket(m.test.syncUrl);
			defer(() => socket.destroy());
			for (const name of DOCS_OF_A) socket.open(name, token);
			sockets.push(socket);
		}
		await waitUntilSettled(sockets);
		for (const socket of sockets) {
			for (const name of DOCS_OF_A) expectNothingReceived(socket.peer(name), ERROR_CODES.forbidden);
		}
	});

	it('an expired token and a token signed with another secret are refused for every document', async () => {
		const everything = { sub: 'eve', role: 'moderation' as const, docs: ['kommune/*/**'] };
		const expired = await m.test.server.tokens.issue(
			{ ...everything, ttlSeconds: 60 },
			new Date(Date.now() - 3_600_000)
		);
		const forger = createTokenService(
			new TextEncoder().encode('another secret, 32+ characters long')
		);
		const forged = await forger.issue({ ...everything, ttlSeconds: 3600 });
		const refusals = [
			{ token: expired.token, reason: ERROR_CODES.tokenExpired },
			{ token: forged.token, reason: ERROR_CODES.unauthorized }
		].map(({ token, reason }) => {
			const socket = new Socket(m.test.syncUrl);
			defer(() => socket.destroy());
			for (const name of DOC_NAMES) socket.open(name, token);
			return { socket, reason };
		});
		await waitUntilSettled(refusals.map(({ socket }) => socket));
		for (const { socket, reason } of refusals) {
			for (const name of DOC_NAMES) expectNothingReceived(socket.peer(name), reason);
		}
	});

	it('after the server closes, every document is stored byte-identical to its seed: no read-only or refused edit was kept', async () => {
		await m.close();
		const stored = await loadAll(m.test.dataDir);
		for (const name of DOC_NAMES) {
			const before = m.seeded.get(name)!;
			expect(stored.get(name)!.state, name).toEqual(before.state);
			expect(stored.get(name)!.stateVector, name).toEqual(before.stateVector);
		}
	});
});

describe('writing (ADR 5)', () => {
	let m: MatrixServer;
	const writable = cellsWith(W);
	const mark = (key: HolderKey) => `[${key}] `;
	// A participant writes the board only where the write rules let them (server/SPEC.md W5): their
	// roster entry; everyone else marks the seeded text.
	const byRules = (key: HolderKey, name: string) =>
		HOLDERS[key].role === 'teilnahme' && parseDocName(name)?.kind === 'workshopBoard';
	const writeMark = (doc: Y.Doc, key: HolderKey, name: string) =>
		byRules(key, name)
			? checkInParticipant(doc, HOLDERS[key].sub, mark(key))
			: doc.getText('t').insert(0, mark(key));
	const markOf = (doc: Y.Doc, key: HolderKey, name: string): string =>
		byRules(key, name)
			? (readRoster(doc).find((entry) => entry.participantId === HOLDERS[key].sub)?.name ?? '')
			: doc.getText('t').toString();

	beforeAll(async () => {
		m = await startMatrixServer((key) =>
			writable.filter((cell) => cell.key === key).map((cell) => cell.name)
		);
	});
	afterAll(async () => {
		await m?.dispose();
	});

	for (const { key, who, name } of writable) {
		it(`${who} writes ${name}: its edit reaches the server document`, async () => {
			const peer = m.peer(key, name);
			expect(peer.provider.authorizedScope).toBe('read-write');
			writeMark(peer.doc, key, name);
			await expect.poll(() => markOf(m.serverDoc(name), key, name)).toContain(mark(key));
			expect(m.serverDoc(name).getText('t').toString()).toContain(seededText(name));
		});
	}

	it('after the server closes, every allowed edit is in the store', async () => {
		await m.close();
		const stored = await loadAll(m.test.dataDir);
		for (const { key, name } of writable) {
			const doc = new Y.Doc();
			Y.applyUpdateV2(doc, stored.get(name)!.state);
			expect(markOf(doc, key, name), name).toContain(mark(key));
			doc.destroy();
		}
	});
});
