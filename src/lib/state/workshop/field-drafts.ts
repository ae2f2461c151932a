// What someone typed into an add-field of a workshop (a new card, …) and has not added yet, kept on this
// device per workshop, field and block, so a reload, a closed tab or a lost tap loses nothing. Saved on
// every keystroke and discarded once the record is saved; kept in Dexie settings, which forget it with the
// workshop (ADR 11). Writes to one key are stored in the order they were asked for (IndexedDB runs
// read-write transactions on one store in the order they were created), so the discard after an add is
// never overtaken by the keystroke before it.

/** Where drafts live: by key, a missing or empty draft read as ''. */
export interface DraftStore {
	get(key: string): Promise<string | undefined>;
	set(key: string, text: string): Promise<void>;
	delete(key: string): Promise<void>;
}

/** The add-fields of a workshop that keep drafts. */
export type DraftField = 'card';

export class FieldDrafts {
	#store: DraftStore;
	#key: (field: DraftField, blockId: string) => string;

	constructor(store: DraftStore, key: (field: DraftField, blockId: string) => string) {
		this.#store = store;
		this.#key = key;
	}

	/** The draft of the field for the block; '' when there is none or it cannot be read. */
	async load(field: DraftField, blockId: string): Promise<string> {
		const text = await this.#store.get(this.#key(field, blockId)).catch(() => undefined);
		return typeof text === 'string' ? text : '';
	}

	/**
	 * Keeps the text as the field's draft; an empty text (the card was added, or the person cleared the
	 * box) removes it. A failure (full storage) only costs the draft, never the typing: it is not reported.
	 */
	async save(field: DraftField, blockId: string, text: string): Promise<void> {
		const key = this.#key(field, blockId);
		const written = text === '' ? this.#store.delete(key) : this.#store.set(key, text);
		await written.catch(() => undefined);
	}
}
