// Presence (y-protocols awareness) is whatever a client says about itself, so the server checks it before
// anyone else sees it: nobody can pose as the facilitator, publish for someone else,
// or keep a departed participant on everyone's screen.
//
// The hook: Hocuspocus 4.7 decodes each inbound awareness message into a scratch Awareness and hands its
// states to `beforeHandleAwareness` as a mutable Map<clientId, state>; after the hooks it re-encodes the
// map and applies that to the document's Awareness, from which it is broadcast. So we rewrite in place:
// `set` a cleaned state, `delete` what must not pass, `set(id, null)` to remove a state. (Throwing would
// reject the update, but Hocuspocus then closes the whole document connection.) Two gaps of that path
// are closed here:
// - A state set to null (a client leaving a document, or clearing its presence) never reaches the map:
//   the scratch Awareness forgets removed states, so Hocuspocus would drop every explicit removal. We
//   read those removals from the raw message in `beforeHandleMessage` (which runs just before, for the
//   same message) and put them back as null, for client ids this connection owns.
// - Hocuspocus records which client ids a connection added (Document.getClients) only to remove them when
//   it closes; it does not stop another connection from updating or removing them, and an id that had
//   been removed once is not recorded again. So we keep our own owners: the first connection that
//   publishes a client id owns it until it closes, and only it may change or remove that state. Another
//   connection of the same person (same role and subject: a client that reconnected before the server
//   noticed its old socket died) takes the id over. When an owner closes, every state it owns goes.
//
// The rules for what a client may publish (anything else is dropped):
//   { user: { name, color, role?, participantId? }, editing?: { kind, id } | null }
// - name: a string, 1–40 characters after trimming, without control characters (Unicode Cc), bidi
//   controls or line/paragraph separators; sent trimmed. color: '#rrggbb'.
// - role and participantId are the server's: role is the token's role, participantId the token's subject
//   for a participant (teilnahme) and absent for every other role, whatever the client sent.
// - editing: absent, null, or { kind: 1–32 characters, id: 1–64 characters } without control characters.
// - Unknown keys are removed at every level. A known key with an invalid value (a bad name, a bad color,
//   a malformed `editing`) makes the whole state invalid: it is not published, and if the client had a
//   valid state, that state is removed for everyone, so nobody sees an outdated one. The server invents
//   no neutral name: it sends no UI text.
// - A read-only connection (ansicht, e.g. the projector) publishes nothing: its updates are dropped.
// - One connection may own at most MAX_CLIENTS_PER_CONNECTION client ids (its own and those of other
//   tabs on the same device, which the tab relay forwards); ids beyond that are dropped.
//
// Timeouts are not here: a closed socket removes its states at once (Hocuspocus and `release` below),
// and a silent one is closed after config.sync.connectionTimeoutMs (see CONNECTION_TIMEOUT_MS).
import type { Connection, Document, Extension } from '@hocuspocus/server';
import { removeAwarenessStates } from 'y-protocols/awareness';
import type { TokenClaims } from '../../src/lib/domain/access';
import type { AuthContext } from './auth-extension';
import { FrameReader } from './frame-reader';

export const MAX_NAME_LENGTH = 40;
export const MAX_EDITING_KIND_LENGTH = 32;
export const MAX_EDITING_ID_LENGTH = 64;
export const MAX_CLIENTS_PER_CONNECTION = 16;

/** The presence state other clients receive. */
export interface PresenceState {
	user: { name: string; color: string; role: TokenClaims['role']; participantId?: string };
	editing?: { kind: string; id: string } | null;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;
// C0/C1 controls and DEL; bidi embeddings, overrides, isolates and marks (they can make a name read as
// another one); line and paragraph separators.
const FORBIDDEN = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;
/** Hocuspocus' MessageType.Awareness. */
const MESSAGE_AWARENESS = 1;

export function createAwarenessExtension(): Extension {
	/** Per document: which connection owns each client id. */
	const owners = new WeakMap<Document, Map<number, Connection>>();
	/** Per connection: the client ids it owns (also the mark that its close is watched). */
	const owned = new WeakMap<Connection, Set<number>>();
	/** Per connection: client ids the awareness message being handled sets to null, with their clocks. */
	const removals = new WeakMap<Connection, Map<number, number>>();

	const ownersOf = (document: Document) => {
		let map = owners.get(document);
		if (!map) owners.set(document, (map = new Map()));
		return map;
	};

	function claim(connection: Connection, id: number, previous: Connection | undefined): void {
		if (previous && previous !== connection) {
			owned.get(previous)?.delete(id);
			// Hocuspocus would otherwise remove the state when the previous connection closes.
			connection.document.getClients(previous).delete(id);
		}
		ownersOf(connection.document).set(id, connection);
		let ids = owned.get(connection);
		if (!ids) {
			owned.set(connection, (ids = new Set()));
			connection.onClose(() => release(connection));
		}
		ids.add(id);
	}

	/** A closed connection's states go for everyone, including ones Hocuspocus does not track. */
	function release(connection: Connection): void {
		const { document } = connection;
		const map = ownersOf(document);
		const present = document.awareness.getStates();
		const gone: number[] = [];
		for (const id of owned.get(connection) ?? []) {
			if (map.get(id) !== connection) continue;
			map.delete(id);
			if (present.has(id)) gone.push(id);
		}
		owned.delete(connection);
		if (gone.length > 0) removeAwarenessStates(document.awareness, gone, 'connection closed');
	}

	return {
		extensionName: 'kommunalwerkstatt-awareness',

		async beforeHandleMessage({ connection, update }) {
			const nulls = awarenessRemovalsOf(update);
			if (nulls === null) removals.delete(connection);
			else removals.set(connection, nulls);
		},

		async beforeHandleAwareness({ connection, states }) {
			// Not from a client (a server-side write): nothing to check.
			if (!connection) return;
			const nulls = removals.get(connection);
			removals.delete(connection);
			const claims = (connection.context as Partial<AuthContext> | undefined)?.claims;
			if (connection.readOnly || !claims) return void states.clear();

			const { document } = connection;
			const map = ownersOf(document);
			const present = document.awareness.getStates();
			// Hocuspocus encodes `states.get(id) || null`: null removes the state (clock of the message).
			const out = states as Map<number, PresenceState | null>;
			for (const [id, raw] of [...states]) {
				const holder = map.get(id);
				const mine = holder === connection;
				const free =
					mine ||
					holder === undefined ||
					!document.hasConnection(holder) ||
					samePerson(holder, connection);
				const full = (owned.get(connection)?.size ?? 0) >= MAX_CLIENTS_PER_CONNECTION;
				if (!free || (!mine && full)) {
					states.delete(id);
					continue;
				}
				const clean = sanitizePresence(raw, claims);
				if (clean === null) {
					if (mine && present.has(id)) out.set(id, null);
					else states.delete(id);
					continue;
				}
				if (!mine) claim(connection, id, holder);
				out.set(id, clean);
			}
			// Explicit removals, only of states this connection owns (clock 0 is never a removal).
			for (const [id, clock] of nulls ?? []) {
				if (states.has(id) || clock === 0) continue;
				if (map.get(id) === connection && present.has(id)) out.set(id, null);
			}
		}
	};
}

function samePerson(a: Connection, b: Connection): boolean {
	const x = (a.context as Partial<AuthContext> | undefined)?.claims;
	const y = (b.context as Partial<AuthContext> | undefined)?.claims;
	return x !== undefined && y !== undefined && x.role === y.role && x.sub === y.sub;
}

/** The state as others may see it, with role and participant id from the token; null if invalid. */
export function sanitizePresence(
	raw: unknown,
	claims: Pick<TokenClaims, 'role' | 'sub'>
): PresenceState | null {
	if (!isRecord(raw) || !isRecord(raw.user)) return null;
	const { name, color } = raw.user;
	if (typeof name !== 'string' || typeof color !== 'string' || !COLOR.test(color)) return null;
	const trimmed = name.trim();
	if (!isText(trimmed, MAX_NAME_LENGTH)) return null;

	const user: PresenceState['user'] = { name: trimmed, color, role: claims.role };
	if (claims.role === 'teilnahme') user.participantId = claims.sub;
	const state: PresenceState = { user };
	if (raw.editing === null) state.editing = null;
	else if (raw.editing !== undefined) {
		if (!isRecord(raw.editing)) return null;
		const { kind, id } = raw.editing;
		if (!isText(kind, MAX_EDITING_KIND_LENGTH) || !isText(id, MAX_EDITING_ID_LENGTH)) return null;
		state.editing = { kind, id };
	}
	return state;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string of at most `max` characters (code points) without forbidden characters. */
function isText(value: unknown, max: number): value is string {
	if (typeof value !== 'string' || value.length === 0 || FORBIDDEN.test(value)) return false;
	return [...value].length <= max;
}

/**
 * The client ids an awareness message sets to null, with their clocks; null if the message is not an
 * awareness message or cannot be read (then Hocuspocus cannot read it either and refuses it).
 * Frame: [address][type][update]; update: count, then per client id, clock, JSON state (lib0 varUints
 * and length-prefixed strings).
 */
export function awarenessRemovalsOf(message: Uint8Array): Map<number, number> | null {
	const reader = new FrameReader(message);
	const readVarUint = () => reader.readVarUint();
	const addressLength = readVarUint();
	if (Number.isNaN(addressLength)) return null;
	reader.pos += addressLength;
	if (readVarUint() !== MESSAGE_AWARENESS) return null;
	const updateLength = readVarUint();
	if (Number.isNaN(updateLength) || reader.pos + updateLength > message.length) return null;
	const end = reader.pos + updateLength;
	const count = readVarUint();
	if (Number.isNaN(count)) return null;
	const result = new Map<number, number>();
	const decoder = new TextDecoder();
	for (let i = 0; i < count; i++) {
		const id = readVarUint();
		const clock = readVarUint();
		const length = readVarUint();
		if (Number.isNaN(id) || Number.isNaN(clock) || Number.isNaN(length)) return null;
		if (reader.pos + length > end) return null;
		// A removal is the JSON `null`; anything longer than a padded `null` is a state.
		if (
			length <= 16 &&
			decoder.decode(message.subarray(reader.pos, reader.pos + length)).trim() === 'null'
		) {
			result.set(id, clock);
		}
		reader.pos += length;
	}
	return result;
}
