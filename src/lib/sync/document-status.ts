// Whether a document is connected to the page's server and synced with it. This says nothing about
// storage: "gesichert" comes only from durable acknowledgements (durability.ts).
// Deliberately no 'saved': the server's in-memory ack does not mean stored (ADR 10).

export const DOCUMENT_STATUSES = ['local', 'connected'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/**
 * Why a document cannot reach a server and stays on this device only (S20): the server refused it as
 * larger than its limit (`document_too_large`, close code 4413), or it holds one entry larger than a
 * message, which no split can send (`entry_too_large`, S19).
 */
export type TooLarge = 'document_too_large' | 'entry_too_large';

/**
 * Codes of the errors opening or writing a document can raise; the UI maps each to a message.
 * - storage_timeout: IndexedDB did not answer in time (opening or storing), or opening failed.
 * - storage_write_failed: a change could not be written to IndexedDB (e.g. the storage is full); it is
 *   not safe on this device.
 * - code_load_failed: the app's document code could not be loaded (a chunk that did not arrive); the
 *   next attempt loads it again.
 */
export const DOCUMENT_ERROR_CODES = [
	'storage_timeout',
	'storage_write_failed',
	'code_load_failed'
] as const;
export type DocumentErrorCode = (typeof DOCUMENT_ERROR_CODES)[number];

export class DocumentError extends Error {
	constructor(
		readonly code: DocumentErrorCode,
		readonly documentName: string
	) {
		super(`${code}: ${documentName}`);
		this.name = 'DocumentError';
	}
}

export const isDocumentError = (error: unknown): error is DocumentError =>
	error instanceof DocumentError;
