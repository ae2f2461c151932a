// The note that the page was loaded again after the server refused an update (refused-write.ts), kept
// in sessionStorage across the reload, with the reason: the write rules (ADR 15) or the writer's byte
// budget (H6, ADR 18). Only the contract's codes: the start page's header reads it.

import { ERROR_CODES, type WriteRefusal } from '../contract/protocol';

const NOTICE_KEY = 'kw.writeRefused';

/** Remembers, for the next page of this tab, that a document was reloaded after a refusal. */
export function noteRefused(reason: WriteRefusal): void {
	try {
		globalThis.sessionStorage?.setItem(NOTICE_KEY, reason);
	} catch {
		// Storage refused (private mode): the page reloads without the notice.
	}
}

/** Why this page follows a refused update, or null; once per refusal. */
export function takeRefusedNotice(): WriteRefusal | null {
	try {
		const storage = globalThis.sessionStorage;
		const noted = storage?.getItem(NOTICE_KEY) ?? null;
		if (!storage || noted === null) return null;
		storage.removeItem(NOTICE_KEY);
		// A note from before reasons were kept holds the document's name: the write rules refused it.
		return noted === ERROR_CODES.writeBudgetExceeded ? noted : ERROR_CODES.writeRefused;
	} catch {
		return null;
	}
}
