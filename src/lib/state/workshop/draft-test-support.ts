// A draft store in memory, for tests of what keeps drafts (field-drafts.ts) without Dexie.
import type { DraftStore } from './field-drafts';

export function memoryDraftStore(): DraftStore & { entries: Map<string, string> } {
	const entries = new Map<string, string>();
	return {
		entries,
		get: async (key) => entries.get(key),
		set: async (key, text) => void entries.set(key, text),
		delete: async (key) => void entries.delete(key)
	};
}
