// A workshop as one device works on it (ADR 12): the one state object a workshop page asks for. It
// holds the control document, the board and this device's own private document once each (one
// SharedDocument, one lease), resolves the device's role once (Viewer), and composes the feature state
// classes over them: the day's run, cards, dot votes, the matrix, Handlungsfelder, Maßnahmen, notes,
// presence, the roster and undo. Every write goes from the feature class straight into the document
// the workspace already holds, and resolves once IndexedDB has it (SPEC S1).

import type * as Y from 'yjs';
import { m } from '../../paraglide/messages.js';
import { readRoster, type RosterEntry } from '../../crdt/workshop-doc';
import { setCardPhase } from '../../crdt/workshop-run';
import { writeVoting } from '../../crdt/workshop-votes';
import { readNotes } from '../../crdt/workshop-notes';
import {
	workshopBoardDocName,
	workshopControlDocName,
	workshopPrefix,
	workshopPrivateDocName
} from '../../domain/document-names';
import { draftSettingKey } from '../../storage/settings';
import type { DocumentHandle } from '../../sync/open-document';
import type { AppErrorCode } from '../app-error';
import {
	ActionFieldsBoard,
	EMPTY_ACTION_FIELDS,
	readActionFieldsBoard
} from '../action-fields-board.svelte';
import { CardBoard, EMPTY_BOARD, readBoard, readPrivateCards } from '../card-board.svelte';
import type { Clock } from '../clock.svelte';
import {
	DotVoting,
	EMPTY_VOTING_BOARD,
	readPrivateVotes,
	readVotingBoard
} from '../dot-voting.svelte';
import { EMPTY_MATRIX_BOARD, ImpactMatrix, readMatrixBoard } from '../impact-matrix.svelte';
import { holdsNewerData } from '../../crdt/schemas/all';
import { LiveDocument } from '../live-document.svelte';
import { Presence } from '../presence.svelte';
import { SharedDocument } from '../shared-document.svelte';
import type { WorkshopRole } from '../viewer.svelte';
import { EMPTY_CONTROL, readControl, WorkshopControl } from '../workshop-control.svelte';
import { WorkshopDay } from '../workshop-day.svelte';
import { MODERATION_AUTHOR_ID, WorkshopNotes } from '../workshop-notes.svelte';
import { WorkshopUndo } from '../workshop-undo.svelte';
import { revealPrivate, type RevealDocuments, type RevealKind } from './reveal-private';
import { EMPTY_MEASURES, readMeasuresBoard, WorkshopMeasures } from './workshop-measures.svelte';
import { WorkshopProtocolFile } from '../handover/workshop-protocol-file.svelte';
import { saveFile } from '../../util/save-file';
import { readPhotos } from '../../crdt/workshop-photos';
import type { PhotoBlobs } from '../photos/photo-blobs';
import { WorkshopPhotos } from './workshop-photos.svelte';
import { readRemoved } from '../../crdt/workshop-removed';
import { RemovedRecords } from './removed-records.svelte';
import { FieldDrafts, type DraftStore } from './field-drafts';

// What the components need of the document's shapes, so they never import the crdt layer (ADR 12).
export type { RosterEntry } from '../../crdt/workshop-doc';

export interface WorkshopWorkspaceOptions {
	ars: string;
	workshop: string;
	/** Opens a document by name through the app's document registry (loaded on first use). */
	open: (name: string) => Promise<DocumentHandle>;
	/** This device's role in the workshop; the workspace asks once. */
	role: () => Promise<WorkshopRole>;
	clock: Clock;
	/** The municipality's name as this device lists it (for the protocol), or null while unknown. */
	municipalityName?: () => string | null;
	/** Photos' bytes on this device and the laptop (ADR 20). */
	photoBlobs: PhotoBlobs;
	/**
	 * The participants the laptop admitted to this workshop, whose private documents a reveal opens
	 * (ADR 15; never the roster, which participants write).
	 */
	admittedParticipants: () => Promise<string[]>;
	/** Where this device keeps what was typed into the workshop's add-fields and not added yet. */
	drafts: DraftStore;
}

/** What the state classes' writes resolve with: null once stored here, else why not. */
const stored = async (written: Promise<{ ok: boolean; error?: AppErrorCode }>) => {
	const result = await written;
	return result.ok ? null : (result.error ?? null);
};

export class WorkshopWorkspace {
	readonly ars: string;
	readonly workshop: string;
	/** The day as every device reads it: the current block, its countdown and the phases. */
	readonly control: WorkshopControl;
	/** Who has joined and under which name (the board's roster). */
	readonly roster: LiveDocument<RosterEntry[]>;
	/** Undo and redo of this person's own changes on the workshop's pages (agenda and board). */
	readonly undo: WorkshopUndo;
	#newerControl: LiveDocument<boolean>;
	#newerBoard: LiveDocument<boolean>;
	#options: WorkshopWorkspaceOptions;
	#controlDoc: SharedDocument;
	#boardDoc: SharedDocument;
	#ownDoc: SharedDocument | null = null;
	#role = $state.raw<WorkshopRole | null>(null);
	#day: WorkshopDay | null = null;
	#cards: CardBoard | null = null;
	#voting: DotVoting | null = null;
	#matrix: ImpactMatrix | null = null;
	#actionFields: ActionFieldsBoard | null = null;
	#measures: WorkshopMeasures | null = null;
	#notes: WorkshopNotes | null = null;
	#photos: WorkshopPhotos | null = null;
	#presence: Presence | null = null;
	#protocol: WorkshopProtocolFile | null = null;
	#removed: RemovedRecords | null = null;
	#drafts: FieldDrafts | null = null;

	constructor(options: WorkshopWorkspaceOptions) {
		this.#options = options;
		const { ars, workshop, open, clock } = options;
		this.ars = ars;
		this.workshop = workshop;
		this.#controlDoc = new SharedDocument(() => open(workshopControlDocName(ars, workshop)));
		this.#boardDoc = new SharedDocument(() => open(workshopBoardDocName(ars, workshop)));
		this.control = new WorkshopControl(
			this.#live(this.#controlDoc, readControl, EMPTY_CONTROL),
			clock
		);
		this.roster = this.#live(this.#boardDoc, readRoster, []);
		const controlName = workshopControlDocName(ars, workshop);
		const boardName = workshopBoardDocName(ars, workshop);
		this.#newerControl = this.#live(this.#controlDoc, (d) => holdsNewerData(controlName, d), false);
		this.#newerBoard = this.#live(this.#boardDoc, (d) => holdsNewerData(boardName, d), false);
		this.undo = new WorkshopUndo({
			control: () => this.#controlDoc.borrow(),
			board: () => this.#boardDoc.borrow()
		});
		void options.role().then((role) => {
			if (role.kind === 'participant') {
				const own = workshopPrivateDocName(ars, workshop, role.participantId);
				this.#ownDoc = new SharedDocument(() => open(own));
			}
			this.#role = role;
		});
	}

	/** The day's documents hold records or fields of a newer app version (ADR 13); they are kept. */
	get newerData(): boolean {
		return this.#newerControl.value || this.#newerBoard.value;
	}

	/** This device's role; null until resolved (then every feature below is there). */
	get role(): WorkshopRole | null {
		return this.#role;
	}

	get isFacilitator(): boolean {
		return this.#role?.kind === 'facilitator';
	}

	/** The facilitator running the day: agenda, current block, countdown. */
	get day(): WorkshopDay {
		return (this.#day ??= new WorkshopDay(
			this.#live(this.#controlDoc, readControl, EMPTY_CONTROL),
			this.#options.clock,
			(change) => this.#write(this.#controlDoc, change)
		));
	}

	/** The Kartenabfrage as this device takes part; the facilitator also starts and reveals phases. */
	get cards(): CardBoard | null {
		const role = this.#role;
		if (role === null) return null;
		const own = this.#ownDoc;
		return (this.#cards ??= new CardBoard({
			control: this.control,
			board: this.#live(this.#boardDoc, readBoard, EMPTY_BOARD),
			writeBoard: (change) => this.#write(this.#boardDoc, change),
			own: own && {
				cards: this.#live(own, readPrivateCards, []),
				write: (change) => this.#write(own, change)
			},
			authorId: role.kind === 'participant' ? role.participantId : MODERATION_AUTHOR_ID,
			moderation:
				role.kind !== 'facilitator'
					? null
					: {
							setPhase: (blockId, phase) =>
								this.#write(this.#controlDoc, (doc) => setCardPhase(doc, blockId, phase)),
							reveal: (blockId) => this.#reveal('cards', blockId)
						}
		}));
	}

	/** The dot votes: a participant votes, the facilitator runs them, anyone else looks. */
	get voting(): DotVoting | null {
		const role = this.#role;
		if (role === null) return null;
		const own = this.#ownDoc;
		return (this.#voting ??= new DotVoting({
			control: this.control,
			clock: this.#options.clock,
			board: this.#live(this.#boardDoc, readVotingBoard, EMPTY_VOTING_BOARD),
			writeBoard: (change) => this.#write(this.#boardDoc, change),
			own: own && {
				votes: this.#live(own, readPrivateVotes, []),
				write: (change) => this.#write(own, change)
			},
			participantId: role.kind === 'participant' ? role.participantId : null,
			moderation:
				role.kind !== 'facilitator'
					? null
					: {
							setVoting: (blockId, setup) =>
								this.#write(this.#controlDoc, (doc) => writeVoting(doc, blockId, setup)),
							reveal: (blockId) => this.#reveal('votes', blockId)
						}
		}));
	}

	/** The impact × effort matrix; an onlooker's device only looks. */
	get matrix(): ImpactMatrix | null {
		const role = this.#role;
		if (role === null) return null;
		return (this.#matrix ??= new ImpactMatrix({
			control: this.control,
			board: this.#live(this.#boardDoc, readMatrixBoard, EMPTY_MATRIX_BOARD),
			writeBoard: (change) => this.#write(this.#boardDoc, change),
			scorerId: this.#authorId(role)
		}));
	}

	/** The Handlungsfelder; an onlooker's device only looks. */
	get actionFields(): ActionFieldsBoard | null {
		const role = this.#role;
		if (role === null) return null;
		return (this.#actionFields ??= new ActionFieldsBoard({
			control: this.control,
			board: this.#live(this.#boardDoc, readActionFieldsBoard, EMPTY_ACTION_FIELDS),
			writeBoard: (change) => this.#write(this.#boardDoc, change),
			// Handlungsfelder are the facilitator's (server/SPEC.md W11); participants see them.
			canWrite: role.kind === 'facilitator'
		}));
	}

	/**
	 * The Maßnahmen under the Handlungsfelder (ADR 17): participants and the facilitator write them
	 * together (server/SPEC.md W13, W14), an onlooker's device only looks.
	 */
	get measures(): WorkshopMeasures | null {
		const role = this.#role;
		if (role === null) return null;
		return (this.#measures ??= new WorkshopMeasures({
			control: this.control,
			board: this.#live(this.#boardDoc, readMeasuresBoard, EMPTY_MEASURES),
			writeBoard: (change) => this.#write(this.#boardDoc, change),
			matrix: this.matrix,
			writer:
				role.kind === 'participant'
					? { id: role.participantId, name: role.displayName, removesAny: false }
					: role.kind === 'facilitator'
						? { id: MODERATION_AUTHOR_ID, name: m.presence_moderation(), removesAny: true }
						: null
		}));
	}

	/** Parking lot, decisions and protocol notes, written under this device's role. */
	get notes(): WorkshopNotes | null {
		const role = this.#role;
		if (role === null) return null;
		return (this.#notes ??= new WorkshopNotes(
			this.#live(this.#boardDoc, readNotes, []),
			(change) => this.#write(this.#boardDoc, change),
			this.#authorId(role) ?? MODERATION_AUTHOR_ID
		));
	}

	/** Photos of flip charts and pin boards per block, added under this device's role (ADR 20). */
	get photos(): WorkshopPhotos | null {
		const role = this.#role;
		if (role === null) return null;
		const id = this.#authorId(role);
		const { ars, workshop, photoBlobs } = this.#options;
		return (this.#photos ??= new WorkshopPhotos(
			this.#live(this.#boardDoc, readPhotos, []),
			(change) => this.#write(this.#boardDoc, change),
			id === null ? null : { id, removesAny: role.kind === 'facilitator' },
			photoBlobs,
			workshopBoardDocName(ars, workshop)
		));
	}

	/**
	 * What anyone removed from the board, for the facilitator to restore (ADR 21); null on every other
	 * device: participants may restore only their own records (server/SPEC.md W6, W13, W15), which
	 * their undo does.
	 */
	get removed(): RemovedRecords | null {
		if (this.#role?.kind !== 'facilitator') return null;
		return (this.#removed ??= new RemovedRecords(
			this.#live(this.#boardDoc, readRemoved, []),
			this.roster,
			(change) => this.#write(this.#boardDoc, change)
		));
	}

	/**
	 * Who is in the workshop now, and this device among them: a participant under the name they joined
	 * with, every other device as the facilitator.
	 */
	get presence(): Presence | null {
		const role = this.#role;
		if (role === null) return null;
		const me =
			role.kind === 'participant' && role.displayName
				? { name: role.displayName, id: role.participantId }
				: { name: m.presence_moderation(), id: MODERATION_AUTHOR_ID };
		return (this.#presence ??= new Presence(() => this.#boardDoc.borrow(), me));
	}

	/** What was typed into this workshop's add-fields on this device and not added yet, per block. */
	get drafts(): FieldDrafts {
		const { ars, workshop, drafts } = this.#options;
		return (this.#drafts ??= new FieldDrafts(drafts, (field, blockId) =>
			draftSettingKey(workshopPrefix(ars, workshop), field, blockId)
		));
	}

	/** The protocol as PDF, DOCX and XLSX (ADR 19); its renderers load when a file is asked for. */
	get protocol(): WorkshopProtocolFile {
		return (this.#protocol ??= new WorkshopProtocolFile(this, {
			save: saveFile,
			municipalityName: this.#options.municipalityName ?? (() => null)
		}));
	}

	/** Whose cards, scores and notes this device writes: the participant, the facilitator, or nobody. */
	#authorId(role: WorkshopRole): string | null {
		if (role.kind === 'participant') return role.participantId;
		return role.kind === 'facilitator' ? MODERATION_AUTHOR_ID : null;
	}

	#live<T>(source: SharedDocument, read: (doc: Y.Doc) => T, initial: T): LiveDocument<T> {
		return new LiveDocument(source, read, initial);
	}

	#write(source: SharedDocument, change: (doc: Y.Doc) => void): Promise<AppErrorCode | null> {
		return stored(source.write(change));
	}

	async #reveal(kind: RevealKind, blockId: string) {
		const { ars, workshop, open, admittedParticipants } = this.#options;
		const documents: RevealDocuments = {
			openPrivate: (id) => open(workshopPrivateDocName(ars, workshop, id)),
			writeBoard: (change) => this.#boardDoc.write(change)
		};
		return revealPrivate(documents, kind, blockId, await admittedParticipants());
	}
}
