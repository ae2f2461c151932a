// The persisted shape of every Y.Doc starts here. Root keys are declared once and never renamed or
// retyped: a root that one client reads as a Y.Map and another writes as a Y.Text loses its content
// silently. New fields are added, old ones are never reused for other meanings (ADR 3, ADR 13).

import type * as Y from 'yjs';

/**
 * The schema version of the document kinds whose shape has not changed since the first release; a
 * kind that changed declares its own (crdt/schemas/, ADR 13). Readers of a newer document keep
 * unknown keys.
 */
export const SCHEMA_VERSION = 1;

export const ROOT_KEYS = {
	/** Y.Map: schemaVersion, createdAt. Present in every document. */
	meta: 'meta',
	/** Y.Map of the profile fields, in `kommune/<ARS>/profile`. */
	profile: 'profile',
	/** Y.Map (title, date, place, startMinutes, facilitators) in a workshop's control document. */
	workshop: 'workshop',
	/** Y.Map participantId → { name, joinedAt } in a workshop's board: who takes part, by name. */
	participants: 'participants',
	/** Y.Map (title) in a check round's shared document. */
	round: 'round',
	/** Y.Map respondentId → { label, perspective, createdAt } in a check round's shared document. */
	respondents: 'respondents',
	/**
	 * Y.Map `<respondentId>/<field>` → value in a check round's shared document: later changes to a
	 * respondent ('label' when renamed, 'removedAt' while removed), one key each, beside the entry in
	 * respondents, which is never rewritten.
	 */
	respondentFields: 'respondentFields',
	/** Y.Map (label, perspective, catalogVersion) in a respondent's document: who answers, from where. */
	respondent: 'respondent',
	/** Y.Map itemId → Answer in a respondent's document; one key per item. */
	answers: 'answers',
	/** Y.Map itemId → comment text in a respondent's document. */
	comments: 'comments',
	/** Y.Map dimensionId → target level 0–4 (Soll) in a check round's shared document. */
	targets: 'targets',
	/**
	 * Y.Map processId → the process as it was created (a plain object), in a check round's shared
	 * document of schema version 1. Read through the migration to processRecords, never written since
	 * (ADR 13).
	 */
	processes: 'processes',
	/**
	 * Y.Map `<processId>/<field>` → value: each process as it was created, in a check round's shared
	 * document (version 2, ADR 13); never rewritten by an edit, which goes to processFields.
	 */
	processRecords: 'processRecords',
	/** Y.Map `<processId>/<field>` → value: one key per edited field, so concurrent edits all stay. */
	processFields: 'processFields',
	/** Y.Map barrierId → true while ticked, in a check round's shared document. */
	barriers: 'barriers',
	/** Y.Map '1' | '2' | '3' → barrierId: the ranked top 3, in a check round's shared document. */
	barrierRanking: 'barrierRanking',
	/** Y.Map barrierId → { label, createdAt }: a round's own barriers ("Sonstiges"), same document. */
	customBarriers: 'customBarriers',
	/** Y.Map `<blockId>/<field>` → value: the agenda blocks, in a workshop's control document. */
	agenda: 'agenda',
	/** Y.Map (currentBlockId, currentSince) in a workshop's control document: where the day stands. */
	run: 'run',
	/** Y.Map ('state' → the countdown's TimerState, in the server's clock), in the control document. */
	timer: 'timer',
	/** Y.Map blockId → 'private' | 'revealed': the card phase of a block, in the control document. */
	cardPhases: 'cardPhases',
	/**
	 * Y.Map `<blockId>/startedAt` and `<blockId>/endedAt` → server time (ms), in the control document:
	 * when each block was actually run, kept after the run moves on (the run map holds the current one).
	 */
	blockTimes: 'blockTimes',
	/** Y.Map `<cardId>/<field>` → value: cards on the board (added openly or revealed). */
	cards: 'cards',
	/** Y.Map `<clusterId>/<field>` → value: named groups of cards on the board. */
	clusters: 'clusters',
	/** Y.Map `<noteId>/<field>` → value: parking lot, decisions and protocol notes, on the board. */
	notes: 'notes',
	/** Y.Map `<cardId>/<field>` → value: a participant's unrevealed cards, in their private document. */
	privateCards: 'privateCards',
	/** Y.Map `<blockId>/<field>` → value: how a block's dot vote runs, in the control document. */
	voting: 'voting',
	/** Y.Map `<participantId>/<itemId>/<dotId>` → { blockId, createdAt }: revealed dots, on the board. */
	votes: 'votes',
	/** Y.Map of the same shape: a participant's dots before the reveal, in their private document. */
	privateVotes: 'privateVotes',
	/** Y.Map `<participantId>/<itemId>/<axis>` → 1–5: impact and effort scores, on the board. */
	matrix: 'matrix',
	/** Y.Map `<fieldId>/<field>` → value: the Handlungsfelder, on the board. */
	actionFields: 'actionFields',
	/** Y.Map `<fieldId>/<itemId>` → true: cards and clusters linked to a Handlungsfeld, on the board. */
	actionFieldLinks: 'actionFieldLinks',
	/**
	 * Y.Map `<measureId>/<field>` → value: the Maßnahmen under the Handlungsfelder, on the board (ADR
	 * 17); dimensions, IKZ partners, dependencies and sources one key each (`dim.<d>`, `ikz.<ARS>`,
	 * `dep.<measureId>`, `src.<itemId>`).
	 */
	measures: 'measures',
	/**
	 * Y.Map `<measureId>/<changeId>` → { status, by, byName, at, note? }: every status change of a
	 * measure, kept for good (ADR 17), on the board.
	 */
	measureStatus: 'measureStatus',
	/**
	 * Y.Map `<photoId>/<field>` → value: photos of the protocol per agenda block, on the board; each
	 * names its blob by SHA-256, the bytes are never in a document (ADR 20).
	 */
	photos: 'photos'
} as const;

export const META_KEYS = {
	schemaVersion: 'schemaVersion',
	createdAt: 'createdAt'
} as const;

export interface DocMeta {
	schemaVersion: number | null;
	createdAt: number | null;
}

/**
 * The root Y.Map under `key`, or null when the document (e.g. a crafted update applied earlier) has
 * already defined that root as another shared type, which makes Yjs throw.
 */
export function rootMap(doc: Y.Doc, key: (typeof ROOT_KEYS)[keyof typeof ROOT_KEYS]) {
	try {
		return doc.getMap<unknown>(key);
	} catch {
		return null;
	}
}

/** The origin of a migration's transaction (ADR 13): no undo manager tracks it. */
export const MIGRATION_ORIGIN = Symbol('schema migration');

/**
 * Writes the schema version (raised, never lowered: it says which app version last changed the shape)
 * and the creation time once; call inside the transaction that writes content. `version` is the
 * document kind's (crdt/schemas/), for a writer of a record kind that version introduced.
 */
export function ensureMeta(doc: Y.Doc, now: number, version = SCHEMA_VERSION): void {
	const meta = rootMap(doc, ROOT_KEYS.meta);
	if (meta === null) return;
	const stored = meta.get(META_KEYS.schemaVersion);
	if (typeof stored !== 'number' || stored < version) {
		meta.set(META_KEYS.schemaVersion, version);
	}
	if (typeof meta.get(META_KEYS.createdAt) !== 'number') meta.set(META_KEYS.createdAt, now);
}

export function readMeta(doc: Y.Doc): DocMeta {
	const meta = rootMap(doc, ROOT_KEYS.meta);
	const number = (key: string) => {
		const value = meta?.get(key);
		return typeof value === 'number' && Number.isFinite(value) ? value : null;
	};
	return {
		schemaVersion: number(META_KEYS.schemaVersion),
		createdAt: number(META_KEYS.createdAt)
	};
}
