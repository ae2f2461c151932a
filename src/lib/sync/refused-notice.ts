// The note that the page was loaded again after the server refused an update (refused-write.ts), kept
// in sessionStorage across the reload. No imports: the start page's header reads it.

const NOTICE_KEY = 'kw.writeRefused';

/** Remembers, for the next page of this tab, that `name` was reloaded after a refusal. */
export function noteRefused(name: string): void {
	try {
		globalThis.sessionStorage?.setItem(NOTICE_KEY, name);
	} catch {
		// Storage refused (private mode): the page reloads without the notice.
	}
}

/** Whether this page follows a refused update; true once per refusal. */
export function takeRefusedNotice(): boolean {
	try {
		const storage = globalThis.sessionStorage;
		if (!storage || storage.getItem(NOTICE_KEY) === null) return false;
		storage.removeItem(NOTICE_KEY);
		return true;
	} catch {
		return false;
	}
}
