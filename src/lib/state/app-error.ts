// The one error type of the state layer (ADR 12): a code from a closed union, a German message per code,
// and a Result for every write. A failed chunk load (the app's document code did not arrive) is its own
// code, never reported as the storage timeout: reloading helps the one, closing other tabs the other.

import type * as Y from 'yjs';
import { m } from '../paraglide/messages.js';
import { isDocumentError, type DocumentErrorCode } from '../sync/document-status';

/**
 * - storage_timeout: IndexedDB did not answer in time, or opening the document failed.
 * - storage_write_failed: a change could not be written to IndexedDB; it is not safe on this device.
 * - code_load_failed: a part of the app (a lazily loaded chunk) could not be loaded.
 */
export type AppErrorCode = DocumentErrorCode;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorCode };

/**
 * How a feature class writes into a document its workspace holds: applies `change` and resolves with
 * null once it is stored on this device, or the code of why it is not.
 */
export type WriteChange = (change: (doc: Y.Doc) => void) => Promise<AppErrorCode | null>;

const MESSAGES: Record<AppErrorCode, () => string> = {
	storage_timeout: m.err_storage_timeout,
	storage_write_failed: m.err_storage_write_failed,
	code_load_failed: m.err_code_load_failed
};

export const isAppErrorCode = (code: string): code is AppErrorCode => Object.hasOwn(MESSAGES, code);

/** The German sentence the page shows for `code`. */
export const appErrorMessage = (code: AppErrorCode): string => MESSAGES[code]();

/**
 * The code of a failure while opening or writing a document. The document engine raises DocumentError
 * with its code; anything else on that path is the dynamic `import()` of the engine failing (a chunk
 * that did not arrive), which reloading fixes.
 */
export const appErrorOf = (error: unknown): AppErrorCode =>
	isDocumentError(error) ? error.code : 'code_load_failed';
