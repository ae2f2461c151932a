// Splits a Yjs update (V1) into updates of at most `maxBytes` each (S19): the server accepts no
// WebSocket message above WS_MAX_PAYLOAD_BYTES, so what a device sends it at once (its sync step 2:
// everything the server lacks) must fit. Pieces follow each client's clock ranges, in causal order: a
// piece refers only to entries the server holds already or that an earlier piece carries, so the
// server integrates every piece as it arrives and the write rules (W2, W3) find every entry's place.
// The delete set comes last, in pieces of its own, once every entry it may delete has been sent.
// Applied in any order, the pieces still give the same document: Yjs holds what depends on a missing
// piece as pending and integrates it once that piece arrives.

import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** A struct as `Y.decodeUpdate` returns it (never a Skip: those are gaps, not content). */
type Struct = Y.Item | Y.GC;

/** Bytes a piece needs besides its structs: the client count (≤ 5) and an empty delete set (1). */
const PIECE_OVERHEAD = 6;
/** Bytes a client's run needs besides its structs: struct count, client id and first clock (≤ 5 each). */
const RUN_OVERHEAD = 15;
/** A Skip struct over a gap within a run: info byte and length. */
const SKIP_BYTES = 6;

interface Run {
	client: number;
	/** Clock of the first struct written. */
	clock: number;
	/** Clock after the last struct written. */
	end: number;
	/** The structs as encoded (V1 writes their fields one after another); a number is a gap, a Skip. */
	parts: (Uint8Array | number)[];
}

export function splitUpdate(update: Uint8Array, maxBytes: number): Uint8Array[] {
	const { structs, ds } = Y.decodeUpdate(update);
	const queues = new Map<number, Struct[]>();
	for (const struct of structs) {
		if (struct instanceof Y.Skip) continue;
		const queue = queues.get(struct.id.client) ?? [];
		queue.push(struct as Struct);
		queues.set(struct.id.client, queue);
	}
	for (const queue of queues.values()) queue.sort((a, b) => a.id.clock - b.id.clock);

	/** Per client: the clock below which every struct is at the server or in a piece so far. */
	const sent = new Map<number, number>();
	for (const [client, queue] of queues) sent.set(client, queue[0]!.id.clock);
	const placed = (id: Y.ID | null): boolean => {
		if (id === null) return true;
		const clock = sent.get(id.client);
		// A client the update does not hold, or a clock below its first struct: the server has it.
		return clock === undefined || id.clock < clock;
	};
	const ready = (struct: Struct): boolean =>
		struct instanceof Y.GC ||
		(placed(struct.origin) &&
			placed(struct.rightOrigin) &&
			(!(struct.parent instanceof Y.ID) || placed(struct.parent)));

	const pieces: Uint8Array[] = [];
	let runs = new Map<number, Run>();
	let size = PIECE_OVERHEAD;
	const finish = () => {
		if (runs.size === 0) return;
		pieces.push(encodeRuns([...runs.values()]));
		runs = new Map();
		size = PIECE_OVERHEAD;
	};
	/** Adds [from, to) of `struct` to the piece being built, if it fits (or the piece is empty). */
	const tryAdd = (struct: Struct, from: number, to: number, force: boolean): boolean => {
		const client = struct.id.client;
		const run = runs.get(client);
		const start = struct.id.clock + from;
		const gap = run !== undefined && run.end < start ? SKIP_BYTES : 0;
		const encoded = sliceBytes(struct, from, to);
		const bytes = encoded.byteLength + (run ? gap : RUN_OVERHEAD);
		if (size + bytes > maxBytes && !force) return false;
		if (run) {
			if (gap > 0) run.parts.push(start - run.end);
			run.parts.push(encoded);
			run.end = struct.id.clock + to;
		} else {
			runs.set(client, {
				client,
				clock: start,
				end: struct.id.clock + to,
				parts: [encoded]
			});
		}
		size += bytes;
		sent.set(client, struct.id.clock + to);
		return true;
	};
	/** Places all of `struct` from `from` on, across as many pieces as it takes. */
	const place = (struct: Struct, from: number) => {
		while (from < struct.length) {
			if (tryAdd(struct, from, struct.length, false)) return;
			if (runs.size > 0 && struct.length - from === 1) {
				finish();
				continue;
			}
			// Too large for the room left: the part that fits, the rest in the next piece.
			const room = maxBytes - size - (runs.has(struct.id.client) ? SKIP_BYTES : RUN_OVERHEAD);
			const to = fittingEnd(struct, from, room);
			if (to > from) {
				tryAdd(struct, from, to, true);
				from = to;
			} else if (runs.size === 0) {
				// One unit larger than a piece (a huge binary or embed): it goes alone, and the sender
				// finds it above the limit.
				tryAdd(struct, from, struct.length, true);
				from = struct.length;
			}
			finish();
		}
	};

	const cursor = new Map<number, number>();
	for (const client of queues.keys()) cursor.set(client, 0);
	let left = structs.filter((s) => !(s instanceof Y.Skip)).length;
	while (left > 0) {
		let progress = false;
		for (const [client, queue] of queues) {
			let index = cursor.get(client)!;
			while (index < queue.length && ready(queue[index]!)) {
				place(queue[index]!, 0);
				index += 1;
				left -= 1;
				progress = true;
			}
			cursor.set(client, index);
		}
		if (!progress) {
			// Refers to something neither the server nor this update holds (a gap the device itself is
			// waiting for): send it anyway; the server keeps it pending, as the device does.
			const [client, queue] = [...queues].find(([c, q]) => cursor.get(c)! < q.length)!;
			place(queue[cursor.get(client)!]!, 0);
			cursor.set(client, cursor.get(client)! + 1);
			left -= 1;
		}
	}
	finish();
	pieces.push(...deleteSetPieces(ds, maxBytes));
	return pieces;
}

/** The struct's units [from, to) as an update writes them. */
function writeSlice(encoder: Y.UpdateEncoderV1, struct: Struct, from: number, to: number): void {
	if (struct instanceof Y.GC) return new Y.GC(struct.id, to).write(encoder, from);
	if (to === struct.length) return struct.write(encoder, from);
	// The left part of a split keeps the item's origins, as Yjs' own split does (Item.splitItem); the
	// right part is written from an offset, with the left part's last unit as its origin.
	const content = struct.content.copy();
	content.splice(to);
	const left = new Y.Item(
		struct.id,
		null,
		struct.origin,
		null,
		struct.rightOrigin,
		struct.parent,
		struct.parentSub,
		content
	);
	left.write(encoder, from);
}

function sliceBytes(struct: Struct, from: number, to: number): Uint8Array {
	const encoder = new Y.UpdateEncoderV1();
	writeSlice(encoder, struct, from, to);
	return encoder.toUint8Array();
}

/** The largest `to` such that [from, to) takes at most `room` bytes; `from` if not even one unit fits. */
function fittingEnd(struct: Struct, from: number, room: number): number {
	const total = sliceBytes(struct, from, struct.length).byteLength;
	let to = from + Math.floor(((struct.length - from) * room) / total);
	while (to > from) {
		to = safeEnd(struct, from, to);
		if (to > from && sliceBytes(struct, from, to).byteLength <= room) return to;
		to = from + Math.floor((to - from) * 0.9);
	}
	return from;
}

/** Never splits a UTF-16 surrogate pair: Yjs would replace both halves with U+FFFD. */
function safeEnd(struct: Struct, from: number, to: number): number {
	if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) return to;
	const code = struct.content.str.charCodeAt(to - 1);
	return code >= 0xd800 && code <= 0xdbff ? to - 1 : to;
}

function encodeRuns(runs: Run[]): Uint8Array {
	const encoder = new Y.UpdateEncoderV1();
	encoding.writeVarUint(encoder.restEncoder, runs.length);
	// Yjs writes clients in descending order; any order reads the same.
	for (const run of runs.sort((a, b) => b.client - a.client)) {
		encoding.writeVarUint(encoder.restEncoder, run.parts.length);
		encoder.writeClient(run.client);
		encoding.writeVarUint(encoder.restEncoder, run.clock);
		for (const part of run.parts) {
			if (typeof part === 'number') new Y.Skip(Y.createID(run.client, 0), part).write(encoder, 0);
			else encoding.writeUint8Array(encoder.restEncoder, part);
		}
	}
	encoding.writeVarUint(encoder.restEncoder, 0);
	return encoder.toUint8Array();
}

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

/** The delete set as updates without structs, each at most `maxBytes` (a varuint takes ≤ 5 bytes). */
function deleteSetPieces(ds: DeleteSet, maxBytes: number): Uint8Array[] {
	const pieces: Uint8Array[] = [];
	let clients: [number, { clock: number; len: number }[]][] = [];
	let size = PIECE_OVERHEAD;
	const finish = () => {
		if (clients.length === 0) return;
		const encoder = new Y.UpdateEncoderV1();
		encoding.writeVarUint(encoder.restEncoder, 0);
		encoding.writeVarUint(encoder.restEncoder, clients.length);
		for (const [client, ranges] of clients) {
			encoder.resetDsCurVal();
			encoding.writeVarUint(encoder.restEncoder, client);
			encoding.writeVarUint(encoder.restEncoder, ranges.length);
			for (const range of ranges) {
				encoder.writeDsClock(range.clock);
				encoder.writeDsLen(range.len);
			}
		}
		pieces.push(encoder.toUint8Array());
		clients = [];
		size = PIECE_OVERHEAD;
	};
	for (const [client, items] of ds.clients) {
		let ranges: { clock: number; len: number }[] | null = null;
		for (const item of items) {
			// A range takes two varuints, a client's list of ranges two more.
			if (size + (ranges === null ? 20 : 10) > maxBytes) {
				finish();
				ranges = null;
			}
			if (ranges === null) {
				ranges = [];
				clients.push([client, ranges]);
				size += 10;
			}
			ranges.push({ clock: item.clock, len: item.len });
			size += 10;
		}
	}
	finish();
	return pieces;
}
