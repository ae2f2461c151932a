// A Hocuspocus provider that sends a large sync step 2 in pieces (S19, ADR 18). After authentication
// the server sends its state vector (its sync step 1) and the provider answers with everything the
// server lacks, in one message. The server closes the socket (1009) on a message above
// WS_MAX_PAYLOAD_BYTES, and the provider would send the same answer again on every reconnect, forever.
// So an answer above PIECE_BYTES is cut into Yjs updates of at most PIECE_BYTES (update-pieces.ts),
// sent one after another as ordinary update messages, paced below the server's per-user rate limit
// (ADR 5). The provider's own updates made meanwhile wait until the last piece is out: they may refer
// to entries of a piece not sent yet. A lost socket ends the upload; the next handshake starts from
// what the server holds by then, so nothing sent before is sent again.

import {
	HocuspocusProvider,
	type ConstructableOutgoingMessage,
	type HocuspocusProviderConfiguration
} from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep2, writeUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import { USER_BYTE_BURST, USER_BYTES_PER_SECOND, WS_MAX_PAYLOAD_BYTES } from '../contract/protocol';
import { splitUpdate } from './update-pieces';

/** A sync step 2 above this goes in pieces of at most this size: 1/8 of the largest message. */
export const PIECE_BYTES = 1024 * 1024;

/**
 * The pace of the pieces, per server address in this tab (shared by its documents): 3/4 of the
 * server's per-user rate after half its burst, leaving the rest to the tab's other messages.
 */
const PACE = { bytesPerSecond: (USER_BYTES_PER_SECOND * 3) / 4, burstBytes: USER_BYTE_BURST / 2 };

/** Hocuspocus' message type of Yjs sync messages (the provider's MessageType.Sync). */
const MESSAGE_SYNC = 0;

interface Upload {
	pieces: Uint8Array[];
	/** The provider's own updates since the upload began, sent after its last piece. */
	held: Uint8Array[];
	timer: ReturnType<typeof setTimeout> | undefined;
}

export class ChunkedSyncProvider extends HocuspocusProvider {
	private upload: Upload | null = null;

	constructor(configuration: HocuspocusProviderConfiguration) {
		super(configuration);
		this.on('disconnect', () => this.endUpload());
		this.on('close', () => this.endUpload());
	}

	override send(message: ConstructableOutgoingMessage, args: Record<string, unknown>): void {
		const step2 = args.encoder ? syncStep2Of(args.encoder as encoding.Encoder) : null;
		if (step2 !== null && step2.byteLength > PIECE_BYTES) {
			this.startUpload(splitUpdate(step2, PIECE_BYTES));
			return;
		}
		if (this.upload !== null && args.update instanceof Uint8Array) {
			this.upload.held.push(args.update);
			return;
		}
		super.send(message, args);
	}

	override detach(): void {
		this.endUpload();
		super.detach();
	}

	private startUpload(pieces: Uint8Array[]): void {
		this.endUpload();
		if (pieces.some((piece) => piece.byteLength > WS_MAX_PAYLOAD_BYTES - 4096)) {
			// A single entry larger than a message (a binary the splitter cannot cut): the server would
			// close the socket on every attempt. The document stays on this device.
			this.emit('unsendable', {});
			return;
		}
		const upload: Upload = { pieces, held: [], timer: undefined };
		this.upload = upload;
		const pacer = pacerOf(this.configuration.websocketProvider.configuration.url);
		const next = () => {
			if (this.upload !== upload) return;
			const socket = this.configuration.websocketProvider;
			// Sent only over the socket that did the handshake; a reconnect starts a new upload.
			if (!this.isAttached || !this.isAuthenticated || socket.status !== 'connected') {
				return this.endUpload();
			}
			const piece = upload.pieces[0];
			if (piece === undefined) {
				this.upload = null;
				if (upload.held.length > 0) {
					const update = Y.mergeUpdates(upload.held);
					if (update.byteLength > PIECE_BYTES) this.startUpload(splitUpdate(update, PIECE_BYTES));
					else this.sendUpdate(update);
				}
				return;
			}
			const wait = pacer.wait(piece.byteLength);
			if (wait === 0) {
				upload.pieces.shift();
				this.sendUpdate(piece);
			}
			// A zero delay still lets the page and incoming messages run between pieces.
			upload.timer = setTimeout(next, wait);
		};
		next();
	}

	private endUpload(): void {
		if (this.upload === null) return;
		clearTimeout(this.upload.timer);
		// Held updates are in the document: the next handshake's answer carries them.
		this.upload = null;
	}

	private sendUpdate(update: Uint8Array): void {
		const encoder = encoding.createEncoder();
		encoding.writeVarString(encoder, this.effectiveName);
		encoding.writeVarUint(encoder, MESSAGE_SYNC);
		writeUpdate(encoder, update);
		this.configuration.websocketProvider.send(encoding.toUint8Array(encoder));
	}
}

/** The update of a sync step 2 reply (address, Sync, step 2, update), or null for any other message. */
function syncStep2Of(encoder: encoding.Encoder): Uint8Array | null {
	const decoder = decoding.createDecoder(encoding.toUint8Array(encoder));
	decoding.readVarString(decoder);
	if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null;
	if (decoding.readVarUint(decoder) !== messageYjsSyncStep2) return null;
	return decoding.readVarUint8Array(decoder);
}

interface Pacer {
	/** Takes `bytes` and answers 0 if the budget holds them; otherwise the milliseconds until it does. */
	wait(bytes: number): number;
}

/**
 * One pace per server address in this tab, not per socket: the server limits the user, and a socket
 * closed and opened again (the central upload opens one document after another) buys no new burst.
 */
const pacers = new Map<string, Pacer>();

function pacerOf(url: string): Pacer {
	let pacer = pacers.get(url);
	if (pacer === undefined) {
		pacer = createUploadPacer();
		pacers.set(url, pacer);
	}
	return pacer;
}

/** The budget pieces are sent against (`now` in milliseconds; a monotonic clock by default). */
export function createUploadPacer(now: () => number = () => performance.now()): Pacer {
	let budget = PACE.burstBytes;
	let at = now();
	return {
		wait(bytes) {
			const time = now();
			budget = Math.min(PACE.burstBytes, budget + ((time - at) / 1000) * PACE.bytesPerSecond);
			at = time;
			if (budget >= bytes) {
				budget -= bytes;
				return 0;
			}
			return Math.ceil(((bytes - budget) / PACE.bytesPerSecond) * 1000);
		}
	};
}
