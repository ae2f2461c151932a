// The Handlungsfelder of a workshop (ADR 9) as everyone at the board sees them: create one
// or take over a Digital-Check suggestion, tag it with catalog dimensions, order them by priority,
// link cards and groups of the day's Kartenabfragen to them, and remove one. Each change is an
// undoable step of this person (WorkshopUndo). Participants and the facilitator edit together; a
// viewer only looks.

import type * as Y from 'yjs';
import type { DimensionId, DimensionInfo } from '../domain/check/catalog-types';
import { newId } from '../domain/ids';
import {
	fieldFromSuggestion,
	validateActionFieldTitle,
	validateDimensions,
	type ActionField,
	type ActionFieldTitleError
} from '../domain/workshop/action-fields';
import { boardView, type Card, type Cluster } from '../domain/workshop/cards';
import { compareByOrder, orderAtEnd, orderForMove } from '../domain/workshop/ordering';
import { votingItems, type VotingItem } from '../domain/workshop/voting-items';
import {
	addActionField,
	editActionField,
	NO_LINKS,
	readActionFieldLinks,
	readActionFields,
	setActionFieldLink,
	setActionFieldRemoved
} from '../crdt/workshop-action-fields';
import { readCards, readClusters } from '../crdt/workshop-cards';
import type { AppErrorCode, WriteChange } from './app-error';
import type { LiveDocument } from './live-document.svelte';
import type { WorkshopControl } from './workshop-control.svelte';
import { undoable, type UndoStep } from './workshop-undo.svelte';
import { MODERATION_AUTHOR_ID } from './workshop-notes.svelte';

type DimensionsError = 'field_dimensions_missing' | 'field_dimensions_invalid';

export interface ActionFieldsSnapshot {
	fields: ActionField[];
	removedIds: string[];
	links: ReadonlyMap<string, string[]>;
	cards: Card[];
	clusters: Cluster[];
}

export function readActionFieldsBoard(doc: Y.Doc): ActionFieldsSnapshot {
	const { fields, removedIds } = readActionFields(doc);
	return {
		fields: fields.sort(compareByOrder),
		removedIds,
		links: readActionFieldLinks(doc),
		cards: readCards(doc).cards,
		clusters: readClusters(doc)
	};
}

export const EMPTY_ACTION_FIELDS: ActionFieldsSnapshot = {
	fields: [],
	removedIds: [],
	links: NO_LINKS,
	cards: [],
	clusters: []
};

/** An entry that can be linked: a group or a card of one of the day's Kartenabfragen. */
export interface LinkableItem extends VotingItem {
	kind: 'cluster' | 'card';
	blockTitle: string;
}

/** Every group and card of the day's Kartenabfragen, block by block (also what a measure links). */
export function linkableItems(
	schedule: readonly { id: string; title: string; method: string }[],
	cards: readonly Card[],
	clusters: readonly Cluster[]
): LinkableItem[] {
	return schedule
		.filter((block) => block.method === 'kartenabfrage')
		.flatMap((block) => {
			const view = boardView(cards, clusters, block.id);
			return [
				...votingItems(view, 'clusters').map((item) => ({
					...item,
					kind: 'cluster' as const,
					blockTitle: block.title
				})),
				...votingItems(view, 'cards').map((item) => ({
					...item,
					kind: 'card' as const,
					blockTitle: block.title
				}))
			];
		});
}

export interface ActionFieldsBoardOptions {
	control: WorkshopControl;
	board: LiveDocument<ActionFieldsSnapshot>;
	writeBoard: WriteChange;
	canWrite: boolean;
	now?: () => number;
}

export class ActionFieldsBoard {
	readonly control: WorkshopControl;
	readonly canWrite: boolean;
	#options: ActionFieldsBoardOptions;
	#error = $state<AppErrorCode | null>(null);

	constructor(options: ActionFieldsBoardOptions) {
		this.#options = options;
		this.control = options.control;
		this.canWrite = options.canWrite;
	}

	get loading(): boolean {
		// Both read, not `||`: reading a document opens it (see CardBoard.loading).
		const control = this.control.loading;
		const board = this.#options.board.loading;
		return control || board;
	}

	get writeError(): AppErrorCode | null {
		return this.#error;
	}

	/** By priority, the first the highest. */
	get fields(): ActionField[] {
		return this.#options.board.value.fields;
	}

	/** Whether a suggestion's field exists (and is not removed): it cannot be taken over twice. */
	hasField(id: string): boolean {
		return this.fields.some((field) => field.id === id);
	}

	/** Every group and card of the day's Kartenabfragen, block by block. */
	get linkable(): LinkableItem[] {
		const { cards, clusters } = this.#options.board.value;
		return linkableItems(this.control.schedule, cards, clusters);
	}

	/** The entries linked to a field that are still on the board. */
	linksOf(fieldId: string): LinkableItem[] {
		const ids = this.#options.board.value.links.get(fieldId) ?? [];
		return this.linkable.filter((item) => ids.includes(item.id));
	}

	/** Writes a change as one undoable step of this person. */
	async #apply(step: UndoStep, change: (doc: Y.Doc) => void): Promise<boolean> {
		this.#error = await this.#options.writeBoard(undoable(step, change));
		return this.#error === null;
	}

	#title(id: string): string {
		return this.fields.find((field) => field.id === id)?.title ?? '';
	}

	async add(
		rawTitle: string,
		rawDimensions: readonly string[]
	): Promise<ActionFieldTitleError | DimensionsError | AppErrorCode | null> {
		const title = validateActionFieldTitle(rawTitle);
		if (!title.ok) return title.error;
		const dimensions = validateDimensions(rawDimensions);
		if (!dimensions.ok) return dimensions.error;
		const field: ActionField = {
			id: newId<'field'>(),
			title: title.value,
			dimensions: dimensions.value,
			order: orderAtEnd(this.fields).order,
			createdAt: (this.#options.now ?? Date.now)()
		};
		const step: UndoStep = { kind: 'add', label: field.title, focus: field.id };
		return (await this.#apply(step, (doc) => addActionField(doc, field))) ? null : this.#error;
	}

	/** Takes over a Digital-Check suggestion: a field named after the dimension, tagged with it. */
	takeOver(dimension: DimensionInfo): Promise<boolean> {
		const field = fieldFromSuggestion(
			dimension,
			orderAtEnd(this.fields).order,
			(this.#options.now ?? Date.now)()
		);
		return this.#apply({ kind: 'add', label: field.title, focus: field.id }, (doc) =>
			addActionField(doc, field)
		);
	}

	/** Saves what was changed in the form: the title if it differs, dimensions tagged or untagged. */
	async edit(
		id: string,
		shown: { title: string; dimensions: readonly DimensionId[] },
		edited: { title: string; dimensions: readonly string[] }
	): Promise<ActionFieldTitleError | DimensionsError | AppErrorCode | null> {
		const title = validateActionFieldTitle(edited.title);
		if (!title.ok) return title.error;
		const dimensions = validateDimensions(edited.dimensions);
		if (!dimensions.ok) return dimensions.error;
		const tags: Partial<Record<DimensionId, boolean>> = {};
		for (const d of dimensions.value) if (!shown.dimensions.includes(d)) tags[d] = true;
		for (const d of shown.dimensions) if (!dimensions.value.includes(d)) tags[d] = false;
		const change = {
			title: title.value !== shown.title ? title.value : undefined,
			dimensions: tags
		};
		const step: UndoStep = { kind: 'edit', label: shown.title, focus: id };
		return (await this.#apply(step, (doc) => editActionField(doc, id, change)))
			? null
			: this.#error;
	}

	/** Moves a field to a position of the priority list (0: first). */
	move(id: string, toIndex: number): Promise<boolean> {
		const { order, rekey } = orderForMove(this.fields, id, toIndex);
		return this.#apply({ kind: 'move', label: this.#title(id), focus: id }, (doc) =>
			editActionField(doc, id, { order }, rekey)
		);
	}

	async remove(id: string): Promise<boolean> {
		if (!this.hasField(id)) return false;
		return this.#apply({ kind: 'remove', label: this.#title(id), focus: id }, (doc) =>
			// Only the facilitator writes Handlungsfelder (server/SPEC.md W11), so they removed it.
			setActionFieldRemoved(doc, id, true, (this.#options.now ?? Date.now)(), MODERATION_AUTHOR_ID)
		);
	}

	setLink(fieldId: string, itemId: string, linked: boolean): Promise<boolean> {
		const step: UndoStep = {
			kind: linked ? 'link' : 'unlink',
			label: this.#title(fieldId),
			focus: fieldId
		};
		return this.#apply(step, (doc) => setActionFieldLink(doc, { fieldId, itemId }, linked));
	}
}
