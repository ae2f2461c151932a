// A bare WebSocket speaking Hocuspocus' Yjs protocol, for tests that must control every message (a
// flood, an oversized update) and must not reconnect and re-sync the way the real provider does.
// Frames: [document name][message type][...]; integers and lengths are lib0 varUints.
import WebSocket from 'ws';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;
const MESSAGE_SYNC_STATUS = 8;
const MESSAGE_CLOSE = 7;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
const AUTH_TOKEN = 0;
const AUTH_PERMISSION_DENIED = 1;
const AUTH_AUTHENTICATED = 2;

export interface CloseEvent {
	code: number;
	reason: string;
}

export interface RawSyncSocket {
	socket: WebSocket;
	/** Resolves when the socket has closed, with the code and reason the server sent. */
	closed: Promise<CloseEvent>;
	/** Sync statuses received: one per update the server applied (or refused as read-only). */
	readonly acks: number;
	/** Authentications the server refused (permission denied). */
	readonly denials: number;
	/** Documents the server closed while the socket stayed open: name and reason, in order. */
	readonly documentCloses: readonly { name: string; reason: string }[];
	/** Authenticates for `name`, then does sync step 1 and waits for the server's state (step 2). */
	join(name: string, token: string): Promise<void>;
	/** Sends the token for `name` and returns at once (what a flood right after Auth looks like). */
	sendAuth(name: string, token: string): void;
	/** Sends one Yjs update (V1) for `name`. */
	sendUpdate(name: string, update: Uint8Array): void;
	/** Sends any frame as is. */
	send(frame: Uint8Array): void;
}

export function openRawSyncSocket(url: string): Promise<RawSyncSocket> {
	const socket = new WebSocket(url);
	socket.on('error', () => {});
	const closed = new Promise<CloseEvent>((resolve) =>
		socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
	);
	let acks = 0;
	let denials = 0;
	const documentCloses: { name: string; reason: string }[] = [];
	const waiting: {
		match: (frame: Frame) => boolean;
		resolve: () => void;
		reject(e: Error): void;
	}[] = [];
	socket.on('message', (data: Buffer) => {
		const frame = readFrame(new Uint8Array(data));
		if (frame.type === MESSAGE_SYNC_STATUS) acks += 1;
		if (frame.type === MESSAGE_CLOSE) {
			documentCloses.push({ name: frame.name, reason: frame.reason ?? '' });
		}
		if (frame.type === MESSAGE_AUTH && frame.subtype === AUTH_PERMISSION_DENIED) {
			denials += 1;
			for (const w of waiting.splice(0)) w.reject(new Error('permission denied'));
		}
		for (const w of [...waiting]) {
			if (!w.match(frame)) continue;
			waiting.splice(waiting.indexOf(w), 1);
			w.resolve();
		}
	});
	const next = (match: (frame: Frame) => boolean) =>
		new Promise<void>((resolve, reject) => waiting.push({ match, resolve, reject }));
	// A closed socket answers nothing more: whoever waits learns it at once.
	socket.once('close', (code) => {
		for (const w of waiting.splice(0)) w.reject(new Error(`socket closed (${code})`));
	});

	const raw: RawSyncSocket = {
		socket,
		closed,
		get acks() {
			return acks;
		},
		get denials() {
			return denials;
		},
		get documentCloses() {
			return documentCloses;
		},
		async join(name, token) {
			const authenticated = next(
				(f) => f.name === name && f.type === MESSAGE_AUTH && f.subtype === AUTH_AUTHENTICATED
			);
			raw.send(frame(name, [MESSAGE_AUTH, AUTH_TOKEN], [token]));
			await authenticated;
			// The server answers step 1 once the document connection exists, i.e. after `connected`.
			const state = next(
				(f) => f.name === name && f.type === MESSAGE_SYNC && f.subtype === SYNC_STEP_2
			);
			raw.send(frame(name, [MESSAGE_SYNC, SYNC_STEP_1], [], [Y.encodeStateVector(new Y.Doc())]));
			await state;
		},
		sendAuth(name, token) {
			raw.send(frame(name, [MESSAGE_AUTH, AUTH_TOKEN], [token]));
		},
		sendUpdate(name, update) {
			raw.send(frame(name, [MESSAGE_SYNC, SYNC_UPDATE], [], [update]));
		},
		send(data) {
			socket.send(data);
		}
	};
	return new Promise((resolve, reject) => {
		socket.once('open', () => resolve(raw));
		socket.once('error', reject);
	});
}

/** A frame for `name`: varUints, then varStrings, then length-prefixed byte arrays. */
export function frame(
	name: string,
	uints: number[],
	strings: string[] = [],
	arrays: Uint8Array[] = []
): Uint8Array {
	const parts: number[] = [];
	const writeUint = (value: number) => {
		while (value > 0x7f) {
			parts.push((value & 0x7f) | 0x80);
			value = Math.floor(value / 128);
		}
		parts.push(value);
	};
	const writeBytes = (bytes: Uint8Array) => {
		writeUint(bytes.length);
		for (const byte of bytes) parts.push(byte);
	};
	writeBytes(new TextEncoder().encode(name));
	for (const value of uints) writeUint(value);
	for (const value of strings) writeBytes(new TextEncoder().encode(value));
	for (const value of arrays) writeBytes(value);
	return new Uint8Array(parts);
}

interface Frame {
	name: string;
	type: number;
	subtype: number | null;
	/** A close message's reason (its string follows the type, where others have a subtype). */
	reason: string | null;
}

function readFrame(data: Uint8Array): Frame {
	let pos = 0;
	const readUint = () => {
		let value = 0;
		let factor = 1;
		for (;;) {
			const byte = data[pos++] ?? 0;
			value += (byte & 0x7f) * factor;
			factor *= 128;
			if (byte < 0x80) return value;
		}
	};
	const length = readUint();
	const name = new TextDecoder().decode(data.subarray(pos, pos + length));
	pos += length;
	const type = readUint();
	if (type === MESSAGE_CLOSE) {
		const reasonLength = readUint();
		const reason = new TextDecoder().decode(data.subarray(pos, pos + reasonLength));
		return { name, type, subtype: null, reason };
	}
	const subtype = pos < data.length ? readUint() : null;
	return { name, type, subtype, reason: null };
}

/**
 * An update that sets `key` in the map 'flood' from a client of its own, so it depends on no other
 * update: whether it reached the server shows in the document regardless of the others.
 */
export function independentEntry(key: string, value: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getMap('flood').set(key, value);
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}
