import type { ErrorCode } from '../../src/lib/contract/protocol';

/**
 * Thrown from a hook to refuse a document: Hocuspocus sends `reason` to the client as the
 * permission-denied reason. The message stays empty on purpose, so Hocuspocus does not print it to the
 * console; we log the refusal ourselves, structured.
 */
export class SyncRejection extends Error {
	constructor(readonly reason: ErrorCode) {
		super('');
		this.name = 'SyncRejection';
	}
}
