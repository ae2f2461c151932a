// What anyone removed from a workshop's board, for the facilitator to bring back (issue 17, ADR 21):
// cards, groups, Handlungsfelder, measures and photos, each with who removed it (the roster's name)
// and when. A participant's removal is not in the facilitator's undo stack (undo is per person,
// ADR 9), so restoring is its own step here; it is the facilitator's undoable step, so "Rückgängig"
// takes a restore back.

import type * as Y from 'yjs';
import type { RosterEntry } from '../../crdt/workshop-doc';
import {
	restoreRemoved,
	type RemovableKind,
	type RemovedRecord
} from '../../crdt/workshop-removed';
import type { AppErrorCode, WriteChange } from '../app-error';
import type { LiveDocument } from '../live-document.svelte';
import { MODERATION_AUTHOR_ID } from '../workshop-notes.svelte';
import { undoable } from '../workshop-undo.svelte';

// What the components need of the document's shapes, so they never import the crdt layer (ADR 12).
export type { RemovableKind, RemovedRecord } from '../../crdt/workshop-removed';

/** Who removed a record: a participant by the roster's name, the facilitator, or not said. */
export type Remover =
	| { kind: 'participant'; name: string }
	| { kind: 'moderation' }
	/** Removed by an app that did not record it, or by an id the roster does not hold. */
	| { kind: 'unknown' };

export interface RemovedEntry extends RemovedRecord {
	remover: Remover;
}

export class RemovedRecords {
	readonly #board: LiveDocument<RemovedRecord[]>;
	readonly #roster: LiveDocument<RosterEntry[]>;
	readonly #write: WriteChange;
	readonly #now: () => number;
	#error = $state<AppErrorCode | null>(null);
	readonly #entries = $derived.by(() => {
		const roster = this.#roster.value;
		return this.#board.value.map((record): RemovedEntry => {
			const by = record.removedBy;
			const name = roster.find((entry) => entry.participantId === by)?.name;
			const remover: Remover =
				by === MODERATION_AUTHOR_ID
					? { kind: 'moderation' }
					: name !== undefined
						? { kind: 'participant', name }
						: { kind: 'unknown' };
			return { ...record, remover };
		});
	});

	constructor(
		board: LiveDocument<RemovedRecord[]>,
		roster: LiveDocument<RosterEntry[]>,
		write: WriteChange,
		now: () => number = Date.now
	) {
		this.#board = board;
		this.#roster = roster;
		this.#write = write;
		this.#now = now;
	}

	get loading(): boolean {
		return this.#board.loading;
	}

	get loadError(): AppErrorCode | null {
		return this.#board.error;
	}

	/** The last write that could not be stored on this device, until the next one succeeds. */
	get writeError(): AppErrorCode | null {
		return this.#error;
	}

	/** Every removed record, newest removal first. */
	get entries(): RemovedEntry[] {
		return this.#entries;
	}

	/** Brings a removed record back, as one undoable step of the facilitator. */
	async restore(kind: RemovableKind, id: string): Promise<boolean> {
		const entry = this.#board.value.find((e) => e.kind === kind && e.id === id);
		if (entry === undefined) return false;
		const now = this.#now();
		this.#error = await this.#write(
			undoable({ kind: 'restore', label: entry.label, focus: null }, (doc: Y.Doc) =>
				restoreRemoved(doc, kind, id, now)
			)
		);
		return this.#error === null;
	}
}
