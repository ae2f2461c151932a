// What the always-visible indicator may say about a document until durable acknowledgements exist
// (a later issue): it is only on this device, or connected to the server and synced with it.
// Deliberately no 'saved': the server's in-memory ack does not mean stored (RELIABILITY.md §1).

export const DOCUMENT_STATUSES = ['local', 'connected'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Codes of the errors opening or writing a document can raise; the UI maps each to a message. */
export const DOCUMENT_ERROR_CODES = ['storage_timeout'] as const;
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
