// A workshop's documents (ADR 8): the control document `…/workshop/<wid>/control` (moderation writes),
// the board `…/board` (everybody in the room writes) and each participant's private document
// `…/private/<participantId>` (workshop-*.ts).

import * as v from 'valibot';
import { DIMENSIONS } from '../../domain/check/catalog-types';
import {
	isSchedulePoint,
	MEASURE_STATUSES,
	type MeasureSourceKind
} from '../../domain/measures/measure';
import { isPhotoMediaType, type PhotoMediaType } from '../../domain/photos/photo-file';
import { isPhotoCaption, isPhotoDimension, isSha256Hex } from '../../domain/photos/photo';
import { BLOCK_METHODS } from '../../domain/workshop/agenda';
import { NOTE_KINDS } from '../../domain/workshop/notes';
import { PROJECTOR_PAGES } from '../../domain/workshop/projector-pages';
import { ROOT_KEYS } from '../schema';
import type { DocumentSchema, RecordKind } from './document-schema';
import { META, orderKey, recordId, text, time } from './values';

// The validators below are exported by name so each reader (workshop-*.ts) parses its records with
// the very schema the snapshot records: a reader cannot accept what the schema refuses, or the reverse.

/** A matrix score on one axis: an integer 1–5 (domain/workshop/matrix.ts). */
/**
 * Removing a record sets `removed` instead of deleting it, so undo and a later reveal do not bring it
 * back and the facilitator can restore it (ADR 21). Who removed it (a participant id, or the
 * facilitator's author id) and when are written with the flag; records removed before these fields
 * existed lack them, and restoring clears all three.
 */
export const REMOVAL = {
	removed: v.optional(v.literal(true)),
	removedBy: v.optional(recordId),
	removedAt: v.optional(time)
};

export const SCORE_ENTRY = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5));

export const CARD_RECORD = v.object({
	blockId: recordId,
	authorId: recordId,
	text,
	order: orderKey,
	clusterId: v.nullish(recordId),
	mergedInto: v.nullish(recordId),
	createdAt: time,
	...REMOVAL
});

/** A group; removed ones (ADR 21) keep their record, earlier apps deleted it. */
export const CLUSTER_RECORD = v.object({
	blockId: recordId,
	name: text,
	order: orderKey,
	...REMOVAL
});

/** A dot, under `<participantId>/<itemId>/<dotId>`. */
export const DOT_ENTRY = v.object({
	blockId: recordId,
	createdAt: time,
	withdrawn: v.optional(v.literal(true))
});

/** A participant's roster entry, under their id. */
export const PARTICIPANT_ENTRY = v.object({ name: text, joinedAt: time });

export const AGENDA_BLOCK_RECORD = v.object({
	title: text,
	method: v.picklist(BLOCK_METHODS),
	durationMinutes: v.number(),
	order: orderKey,
	question: v.optional(text)
});

export const ACTION_FIELD_RECORD = v.object({
	title: text,
	order: orderKey,
	createdAt: time,
	...REMOVAL,
	// One key per tagged dimension, so two people tagging different ones keep both.
	...Object.fromEntries(
		DIMENSIONS.map((dimension) => [`dim.${dimension}`, v.optional(v.literal(true))])
	)
});

const card = (root: RecordKind['root']): RecordKind => ({
	root,
	encoding: 'field-records',
	key: 'cardId',
	version: 1,
	schema: CARD_RECORD,
	migrations: []
});

const dot = (root: RecordKind['root']): RecordKind => ({
	root,
	encoding: 'entries',
	key: 'participantId/itemId/dotId',
	version: 1,
	schema: DOT_ENTRY,
	migrations: []
});

/** A Themenspeicher entry, decision or protocol note (crdt/workshop-notes.ts). */
export const NOTE_RECORD = v.object({
	blockId: recordId,
	kind: v.picklist(NOTE_KINDS),
	text,
	authorId: recordId,
	createdAt: time
});

/** Where a measure came from (`src.<itemId>` → kind). */
export const MEASURE_SOURCE_KINDS = [
	'card',
	'cluster',
	'matrix'
] as const satisfies readonly MeasureSourceKind[];

const schedulePoint = v.custom<string>(isSchedulePoint, 'schedule point');

/** A measure (ADR 17): one key per field; a text left empty and a time not set are absent or null. */
export const MEASURE_RECORD = v.object({
	actionFieldId: recordId,
	title: v.pipe(text, v.minLength(1)),
	description: v.optional(text),
	owner: v.optional(text),
	start: v.nullish(schedulePoint),
	due: v.nullish(schedulePoint),
	budgetEur: v.nullish(v.pipe(v.number(), v.integer(), v.minValue(0))),
	staffDays: v.nullish(v.pipe(v.number(), v.finite(), v.minValue(0))),
	indicator: v.optional(text),
	target: v.optional(text),
	quickWin: v.optional(v.literal(true)),
	ikzOther: v.optional(text),
	notes: v.optional(text),
	order: orderKey,
	authorId: recordId,
	createdAt: time,
	/** Set instead of deleting, so an edit made meanwhile stays and undo brings both back. */
	...REMOVAL,
	...Object.fromEntries(
		DIMENSIONS.map((dimension) => [`dim.${dimension}`, v.optional(v.literal(true))])
	)
});

/** The links of a measure, one key each, so two people adding different ones keep both. */
export const MEASURE_LINKS = {
	/** A neighbouring municipality (its ARS) that could join (IKZ). */
	'ikz.': v.literal(true),
	/** A measure this one depends on. */
	'dep.': v.literal(true),
	/** A card, group or matrix entry it came from. */
	'src.': v.picklist(MEASURE_SOURCE_KINDS)
} as const;

/** One status change, written once and never changed. */
export const MEASURE_STATUS_ENTRY = v.object({
	status: v.picklist(MEASURE_STATUSES),
	by: recordId,
	byName: text,
	at: time,
	note: v.optional(text)
});

/** A photo of the protocol (ADR 20): its blob's address and what is known about it. */
export const PHOTO_RECORD = v.object({
	blockId: recordId,
	sha256: v.custom<string>(isSha256Hex, 'sha256'),
	mediaType: v.custom<PhotoMediaType>(isPhotoMediaType, 'photo media type'),
	width: v.optional(v.custom<number>(isPhotoDimension, 'photo width')),
	height: v.optional(v.custom<number>(isPhotoDimension, 'photo height')),
	/** The description (alt text), absent while none is written. */
	caption: v.optional(v.custom<string>(isPhotoCaption, 'photo caption')),
	authorId: recordId,
	createdAt: time,
	/** Set instead of deleting, so a description written meanwhile stays and undo brings both back. */
	...REMOVAL
});

/** When a block was actually run (server clock, ms); no end while it runs or was left unended. */
export const BLOCK_TIME_RECORD = v.object({ startedAt: time, endedAt: v.optional(time) });

export const WORKSHOP_CONTROL_SCHEMA: DocumentSchema = {
	kind: 'workshop-control',
	version: 1,
	records: {
		meta: META,
		workshop: {
			root: ROOT_KEYS.workshop,
			encoding: 'fields',
			version: 1,
			schema: v.object({
				title: text,
				date: v.nullable(text),
				place: v.optional(v.nullable(text)),
				startMinutes: v.optional(v.nullable(v.number())),
				/** Who runs the day (free text, e.g. "Anna Schmidt, Ben Meier"), named in the protocol. */
				facilitators: v.optional(v.nullable(text))
			}),
			migrations: []
		},
		block: {
			root: ROOT_KEYS.agenda,
			encoding: 'field-records',
			key: 'blockId',
			version: 1,
			schema: AGENDA_BLOCK_RECORD,
			migrations: []
		},
		run: {
			root: ROOT_KEYS.run,
			encoding: 'fields',
			version: 1,
			schema: v.object({
				currentBlockId: v.nullable(recordId),
				currentSince: v.nullable(time),
				// The board page the facilitator shows on the projector (workshop-run.ts).
				shownPage: v.optional(
					v.nullable(v.object({ page: v.picklist(PROJECTOR_PAGES), since: time }))
				)
			}),
			migrations: []
		},
		timer: {
			root: ROOT_KEYS.timer,
			encoding: 'fields',
			version: 1,
			// The countdown's TimerState, written whole; workshop-run.ts reads anything else as idle.
			schema: v.object({
				state: v.looseObject({ status: v.picklist(['idle', 'running', 'paused']) })
			}),
			migrations: []
		},
		cardPhase: {
			root: ROOT_KEYS.cardPhases,
			encoding: 'entries',
			key: 'blockId',
			version: 1,
			schema: v.picklist(['private', 'revealed']),
			migrations: []
		},
		blockTime: {
			root: ROOT_KEYS.blockTimes,
			encoding: 'field-records',
			key: 'blockId',
			version: 1,
			schema: BLOCK_TIME_RECORD,
			migrations: []
		},
		voting: {
			root: ROOT_KEYS.voting,
			encoding: 'field-records',
			key: 'blockId',
			version: 1,
			schema: v.object({
				dotsPerPerson: v.optional(v.number()),
				maxPerItem: v.optional(v.number()),
				target: v.optional(v.picklist(['cards', 'clusters'])),
				sourceBlockId: v.optional(v.nullable(recordId)),
				phase: v.picklist(['voting', 'revealed'])
			}),
			migrations: []
		}
	}
};

export const WORKSHOP_BOARD_SCHEMA: DocumentSchema = {
	kind: 'workshop-board',
	version: 1,
	records: {
		meta: META,
		participant: {
			root: ROOT_KEYS.participants,
			encoding: 'entries',
			key: 'participantId',
			version: 1,
			schema: PARTICIPANT_ENTRY,
			migrations: []
		},
		card: card(ROOT_KEYS.cards),
		cluster: {
			root: ROOT_KEYS.clusters,
			encoding: 'field-records',
			key: 'clusterId',
			version: 1,
			schema: CLUSTER_RECORD,
			migrations: []
		},
		dot: dot(ROOT_KEYS.votes),
		score: {
			root: ROOT_KEYS.matrix,
			encoding: 'entries',
			key: 'participantId/itemId/axis',
			version: 1,
			schema: SCORE_ENTRY,
			migrations: []
		},
		actionField: {
			root: ROOT_KEYS.actionFields,
			encoding: 'field-records',
			key: 'fieldId',
			version: 1,
			schema: ACTION_FIELD_RECORD,
			migrations: []
		},
		actionFieldLink: {
			root: ROOT_KEYS.actionFieldLinks,
			encoding: 'entries',
			key: 'fieldId/itemId',
			version: 1,
			schema: v.literal(true),
			migrations: []
		},
		note: {
			root: ROOT_KEYS.notes,
			encoding: 'field-records',
			key: 'noteId',
			version: 1,
			schema: NOTE_RECORD,
			migrations: []
		},
		measure: {
			root: ROOT_KEYS.measures,
			encoding: 'field-records',
			key: 'measureId',
			version: 1,
			schema: MEASURE_RECORD,
			prefixedFields: MEASURE_LINKS,
			migrations: []
		},
		measureStatus: {
			root: ROOT_KEYS.measureStatus,
			encoding: 'entries',
			key: 'measureId/changeId',
			version: 1,
			schema: MEASURE_STATUS_ENTRY,
			migrations: []
		},
		photo: {
			root: ROOT_KEYS.photos,
			encoding: 'field-records',
			key: 'photoId',
			version: 1,
			schema: PHOTO_RECORD,
			migrations: []
		}
	}
};

export const WORKSHOP_PRIVATE_SCHEMA: DocumentSchema = {
	kind: 'workshop-private',
	version: 1,
	records: {
		meta: META,
		card: card(ROOT_KEYS.privateCards),
		dot: dot(ROOT_KEYS.privateVotes)
	}
};
