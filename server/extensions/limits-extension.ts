// Server-enforced limits (ADR 5) that need Hocuspocus' view of a connection:
//
// size   a document whose encoded state would grow beyond maxDocumentBytes is not changed. A cheap
//        estimate per document (the exact V1 size measured on load plus the length of every update let
//        through) decides; only when it would cross the limit is the exact size computed again. An
//        update that does not fit is thrown out before Hocuspocus applies it, and that document's
//        connection closes with reason `document_too_large` (4413), as a refused write does (ADR 15):
//        the socket and the tab's other documents stay, and the client knows which document stops
//        (S20). Neither the error nor the log line carries document content.
import type { Document, Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { CLOSE_CODES, ERROR_CODES } from '../../src/lib/contract/protocol';
import type { Logger } from '../logger';
import type { AuthContext } from './auth-extension';
import { FrameReader } from './frame-reader';

export interface LimitsOptions {
	maxDocumentBytes: number;
	logger: Logger;
}

export type LimitsExtension = Extension;

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
	const estimates = new WeakMap<Document, number>();
	const exactSize = (document: Document) => Y.encodeStateAsUpdate(document).byteLength;

	return {
		extensionName: 'kommunalwerkstatt-limits',

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
	// Hocuspocus hands every extension the same message: one read, and one update object, so what is
	// derived from the update (decodeUpdateOnce) is derived once.
	let update = appliedUpdates.get(message);
	if (update === undefined) {
		update = readAppliedUpdate(message);
		appliedUpdates.set(message, update);
	}
	return update;
}

const appliedUpdates = new WeakMap<Uint8Array, Uint8Array | null>();

function readAppliedUpdate(message: Uint8Array): Uint8Array | null {
	const reader = new FrameReader(message);
	const readVarUint = () => reader.readVarUint();
	const addressLength = readVarUint();
	if (Number.isNaN(addressLength)) return null;
	reader.pos += addressLength;
	const type = readVarUint();
	if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
	const step = readVarUint();
	if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
	const length = readVarUint();
	if (Number.isNaN(length)) return null;
	return message.subarray(reader.pos, reader.pos + length);
}
