// Server-enforced limits (DESIGN.md §6) that need Hocuspocus' view of a connection:
//
// users  which user each socket authenticated as (learned in `connected`), so the socket layer
//        (sync-endpoint.ts) can charge every later message to that user's rate budget.
// size   a document whose encoded state would grow beyond maxDocumentBytes is not changed. A cheap
//        estimate per document (the exact V1 size measured on load plus the length of every update let
//        through) decides; only when it would cross the limit is the exact size computed again. An
//        update that does not fit closes the socket with 4413 and is thrown out before Hocuspocus
//        applies it. Neither the error nor the log line carries document content.
import type { Document, Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { Role } from '../../src/lib/domain/access';
import { CLOSE_CODES, ERROR_CODES } from '../../src/lib/sync/protocol';
import type { Logger } from '../logger';
import type { AuthContext } from './auth-extension';

/** The user a socket's messages are charged to. */
export interface SocketUser {
	/** `${role}:${sub}`: the rate-limit key, shared by every socket and tab of that user. */
	key: string;
	role: Role;
}

export interface LimitsOptions {
	maxDocumentBytes: number;
	logger: Logger;
}

export interface LimitsExtension extends Extension {
	/**
	 * The user `socket` first authenticated as, or null before any document on it is connected. A tab
	 * multiplexes its documents over one socket with one token source, so one user per socket.
	 */
	userOf(socket: object): SocketUser | null;
}

/**
 * Thrown from beforeHandleMessage so Hocuspocus drops the message and closes that document connection
 * with our code. Hocuspocus prints what it catches to stderr, so it carries no message and a one-line
 * stack.
 */
export class DocumentTooLarge extends Error {
	readonly code = CLOSE_CODES.documentTooLarge;
	readonly reason = ERROR_CODES.documentTooLarge;
	constructor() {
		super('');
		this.name = 'DocumentTooLarge';
		this.stack = this.name;
	}
}

export function createLimitsExtension({
	maxDocumentBytes,
	logger
}: LimitsOptions): LimitsExtension {
	const users = new WeakMap<object, SocketUser>();
	const estimates = new WeakMap<Document, number>();
	const exactSize = (document: Document) => Y.encodeStateAsUpdate(document).byteLength;

	return {
		extensionName: 'kommunalwerkstatt-limits',

		userOf(socket) {
			return users.get(socket) ?? null;
		},

		async connected({ connection, context }) {
			const { claims } = context as AuthContext;
			if (!users.has(connection.webSocket)) {
				users.set(connection.webSocket, { key: `${claims.role}:${claims.sub}`, role: claims.role });
			}
		},

		async afterLoadDocument({ document }) {
			estimates.set(document, exactSize(document));
		},

		async beforeHandleMessage({ connection, document, documentName, context, update: message }) {
			// A read-only connection's updates are never applied (Hocuspocus drops them).
			if (connection.readOnly) return;
			const update = appliedUpdateOf(message);
			if (update === null) return;
			const estimate = (estimates.get(document) ?? exactSize(document)) + update.byteLength;
			if (estimate <= maxDocumentBytes) return void estimates.set(document, estimate);

			const exact = exactSize(document);
			// Nothing new (a client re-sending what the server has) adds nothing; near the limit that is
			// what a reconnecting client's sync step 2 often is.
			const fits =
				exact + update.byteLength <= maxDocumentBytes ||
				Y.snapshotContainsUpdate(Y.snapshot(document), update);
			if (fits) return void estimates.set(document, exact + update.byteLength);

			estimates.set(document, exact);
			logger.warn(
				{
					event: 'document_too_large',
					documentName,
					role: (context as AuthContext).claims.role,
					documentBytes: exact,
					updateBytes: update.byteLength,
					maxDocumentBytes
				},
				'update refused: document too large'
			);
			connection.webSocket.close(CLOSE_CODES.documentTooLarge, ERROR_CODES.documentTooLarge);
			throw new DocumentTooLarge();
		}
	};
}

/** Hocuspocus message types (its MessageType) and y-protocols sync steps that change a document. */
const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * The Yjs update a Hocuspocus message would apply (sync step 2 or update), or null for any other
 * message. Reads exactly as lib0 does (address, type, step, length-prefixed update, cut at the end of
 * the message), so the bytes measured are the bytes Yjs would apply. A message this cannot read,
 * Hocuspocus cannot read either and refuses.
 */
export function appliedUpdateOf(message: Uint8Array): Uint8Array | null {
	let pos = 0;
	const readVarUint = (): number => {
		let value = 0;
		let factor = 1;
		while (pos < message.length) {
			const byte = message[pos++]!;
			value += (byte & 0x7f) * factor;
			factor *= 128;
			if (byte < 0x80) return value;
			if (value > Number.MAX_SAFE_INTEGER) return Number.NaN;
		}
		return Number.NaN;
	};
	const addressLength = readVarUint();
	if (Number.isNaN(addressLength)) return null;
	pos += addressLength;
	const type = readVarUint();
	if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
	const step = readVarUint();
	if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
	const length = readVarUint();
	if (Number.isNaN(length)) return null;
	return message.subarray(pos, pos + length);
}
