// Who may write what on a workshop's board (server/SPEC.md W1–W15, ADR 15, ADR 17, ADR 20): the table
// of that SPEC as code. A participant's update is applied only if every entry it writes or deletes is
// one the participant may touch: their roster entry, their own cards, parking notes, dots, scores and
// photos, the order of cards, the fields of any measure, and status changes under their own id. Records are `<id>/<field>` keys of flat maps (src/lib/crdt/field-records.ts); a
// record's author is the `authorId` the server holds, or, for a record new to the server, the one the
// update writes. Moderation is never judged here (the extension skips it).

import type * as Y from 'yjs';
import { isArs } from '../../src/lib/domain/ars';
import { DIMENSIONS } from '../../src/lib/domain/check/catalog-types';
import { hasForbiddenCharacters } from '../../src/lib/domain/display-name';
import { isMeasureStatus, isSchedulePoint } from '../../src/lib/domain/measures/measure';
import {
	MEASURE_BUDGET_MAX_EUR,
	MEASURE_STAFF_DAYS_MAX,
	MEASURE_TEXT_MAX_LENGTH,
	validateMeasureText,
	validateMeasureTitle
} from '../../src/lib/domain/measures/measure-fields';
import { isNameId } from '../../src/lib/domain/document-names';
import { isPhotoMediaType } from '../../src/lib/domain/photos/photo-file';
import { isPhotoCaption, isPhotoDimension, isSha256Hex } from '../../src/lib/domain/photos/photo';
import { validateCardText } from '../../src/lib/domain/workshop/cards';
import { isScore } from '../../src/lib/domain/workshop/matrix';
import { isOrderKey } from '../../src/lib/domain/workshop/ordering';
import { isRecordId } from '../../src/lib/crdt/field-records';
import { isNoteText } from '../../src/lib/domain/workshop/notes';
import { META_KEYS, ROOT_KEYS } from '../../src/lib/crdt/schema';
import { MAX_DEVICES_PER_SCOPE } from '../joining/device-registry';
import type { EntryDelete, EntryWrite, UpdateChanges } from './update-changes';

/** The rule ids of server/SPEC.md that a refusal names (in the log and in tests). */
export type BoardRule =
	| 'W2'
	| 'W3'
	| 'W4'
	| 'W5'
	| 'W6'
	| 'W7'
	| 'W8'
	| 'W9'
	| 'W10'
	| 'W11'
	| 'W12'
	| 'W13'
	| 'W14'
	| 'W15';

export type Verdict = { ok: true } | { ok: false; rule: BoardRule };

const OK: Verdict = { ok: true };
const refuse = (rule: BoardRule): Verdict => ({ ok: false, rule });

/** A workshop has at most as many participants as devices may join it (ADR 6). */
export const MAX_ROSTER_ENTRIES = MAX_DEVICES_PER_SCOPE;

const isTime = (value: unknown): value is number =>
	typeof value === 'number' && Number.isFinite(value) && value >= 0;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const hasOnly = (value: Record<string, unknown>, allowed: readonly string[]) =>
	Object.keys(value).every((key) => allowed.includes(key));

/** `<id>/<field>` → [id, field], or null. */
type FieldChecks = Readonly<Record<string, (value: unknown) => boolean>>;

/**
 * The check of a field the table names itself: a key like `<id>/constructor` must not find the
 * built-ins every object inherits (a truthy function that would pass any value).
 */
const checkOf = (checks: FieldChecks, field: string | undefined) =>
	field !== undefined && Object.hasOwn(checks, field) ? checks[field] : undefined;

function fieldKey(key: string): [string, string] | null {
	const slash = key.indexOf('/');
	if (slash < 0) return null;
	const id = key.slice(0, slash);
	return isRecordId(id) ? [id, key.slice(slash + 1)] : null;
}

/** A name shown for a person: 1–80 characters, not blank, without control characters. */
const isPersonName = (name: unknown): boolean =>
	typeof name === 'string' &&
	name.trim().length > 0 &&
	name.length <= 80 &&
	!hasForbiddenCharacters(name);

/** W5: the roster entry is the writer's own, `{ name, joinedAt }` as readRoster accepts it. */
function rosterEntryValid(value: unknown): boolean {
	if (!isPlainObject(value) || !hasOnly(value, ['name', 'joinedAt'])) return false;
	return isPersonName(value['name']) && isTime(value['joinedAt']);
}

/**
 * W6, W13, W15: a removal's fields (ADR 21); `removedBy` must also be the writer's own id
 * (`ownIdFields`), so nobody records a removal under someone else's name.
 */
const REMOVAL_FIELDS: Readonly<Record<string, (value: unknown) => boolean>> = {
	removed: (value) => value === true,
	removedBy: isRecordId,
	removedAt: isTime
};

/** Fields whose value names a person: a participant writes only their own id there. */
const OWN_ID_FIELDS: ReadonlySet<string> = new Set(['authorId', 'removedBy']);

const CARD_FIELDS: FieldChecks = {
	blockId: isRecordId,
	authorId: isRecordId,
	text: (value) => typeof value === 'string' && validateCardText(value).ok,
	order: isOrderKey,
	clusterId: (value) => value === null || isRecordId(value),
	mergedInto: (value) => value === null || isRecordId(value),
	createdAt: isTime,
	...REMOVAL_FIELDS
};

const NOTE_FIELDS: FieldChecks = {
	blockId: isRecordId,
	authorId: isRecordId,
	kind: (value) => value === 'parking',
	text: isNoteText,
	createdAt: isTime
};

/** W15: a photo's fields (src/lib/crdt/workshop-photos.ts). */
const PHOTO_FIELDS: FieldChecks = {
	blockId: isRecordId,
	sha256: isSha256Hex,
	mediaType: isPhotoMediaType,
	width: isPhotoDimension,
	height: isPhotoDimension,
	caption: isPhotoCaption,
	authorId: isRecordId,
	createdAt: isTime,
	...REMOVAL_FIELDS
};

const measureText =
	(field: keyof typeof MEASURE_TEXT_MAX_LENGTH) =>
	(value: unknown): boolean =>
		typeof value === 'string' &&
		validateMeasureText(value, MEASURE_TEXT_MAX_LENGTH[field], field !== 'owner').ok;

const inRange = (value: unknown, max: number): value is number =>
	typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max;

/** W13: a measure's fields (src/lib/crdt/workshop-measures.ts), each as the app writes it. */
const MEASURE_FIELDS: FieldChecks = {
	actionFieldId: isRecordId,
	title: (value) => typeof value === 'string' && validateMeasureTitle(value).ok,
	description: measureText('description'),
	owner: measureText('owner'),
	indicator: measureText('indicator'),
	target: measureText('target'),
	notes: measureText('notes'),
	ikzOther: measureText('ikzOther'),
	start: (value) => value === null || isSchedulePoint(value),
	due: (value) => value === null || isSchedulePoint(value),
	budgetEur: (value) =>
		value === null || (inRange(value, MEASURE_BUDGET_MAX_EUR) && Number.isInteger(value)),
	staffDays: (value) =>
		value === null || (inRange(value, MEASURE_STAFF_DAYS_MAX) && Number.isInteger(value * 2)),
	quickWin: (value) => value === true,
	order: isOrderKey,
	authorId: isRecordId,
	createdAt: isTime,
	...REMOVAL_FIELDS,
	...Object.fromEntries(DIMENSIONS.map((d) => [`dim.${d}`, (value: unknown) => value === true]))
};

/** W13: a measure's links, one key each: `ikz.<ARS>`, `dep.<measureId>`, `src.<itemId>`. */
function measureLinkValid(field: string, value: unknown, deleted: boolean): boolean {
	const dot = field.indexOf('.');
	const [prefix, id] = [field.slice(0, dot), field.slice(dot + 1)];
	switch (prefix) {
		case 'ikz':
			return isArs(id) && (deleted || value === true);
		case 'dep':
			return isRecordId(id) && (deleted || value === true);
		case 'src':
			return isRecordId(id) && (deleted || ['card', 'cluster', 'matrix'].includes(value as string));
		default:
			return false;
	}
}

/** W14: one status change, `{ status, by, byName, at, note? }`, by the writer. */
function statusChangeValid(value: unknown, writer: string): boolean {
	if (!isPlainObject(value) || !hasOnly(value, ['status', 'by', 'byName', 'at', 'note']))
		return false;
	const { status, by, byName, at, note } = value;
	return (
		isMeasureStatus(status) &&
		by === writer &&
		isPersonName(byName) &&
		isTime(at) &&
		(note === undefined || measureText('notes')(note))
	);
}

/** W9: `{ blockId, createdAt }`, `withdrawn: true` when taken back. */
function dotValid(value: unknown): boolean {
	if (!isPlainObject(value) || !hasOnly(value, ['blockId', 'createdAt', 'withdrawn'])) return false;
	const { blockId, createdAt, withdrawn } = value;
	return (
		isRecordId(blockId) && isTime(createdAt) && (withdrawn === undefined || withdrawn === true)
	);
}

/** `<participantId>/<itemId>/<last>` whose first part is the writer's id. */
function ownTripleKey(key: string, writer: string, last: (part: string) => boolean): boolean {
	const parts = key.split('/');
	return (
		parts.length === 3 &&
		parts[0] === writer &&
		isRecordId(parts[1]) &&
		isRecordId(parts[2]) &&
		last(parts[2]!)
	);
}

interface Judge {
	board: Y.Doc;
	writer: string;
	/** The `authorId` values this update writes, by root and record id (see `writtenAuthors`). */
	writtenAuthors: ReadonlyMap<string, ReadonlySet<unknown>>;
}

const recordKey = (root: string, id: string) => `${root}\u0000${id}`;

/**
 * Every `authorId` the update writes, by root and record id, collected in one pass: looking them up
 * per entry instead made judging grow with the square of the update's entries (ADR 18), which a
 * chunked-sync piece of a few hundred cards turned into seconds on the event loop.
 */
function writtenAuthors(writes: readonly EntryWrite[]): Map<string, Set<unknown>> {
	const authors = new Map<string, Set<unknown>>();
	for (const write of writes) {
		if (write.value.deleted || !write.key.endsWith('/authorId')) continue;
		const key = recordKey(write.root, write.key.slice(0, -'/authorId'.length));
		const values = authors.get(key) ?? new Set<unknown>();
		values.add(write.value.value);
		authors.set(key, values);
	}
	return authors;
}

/**
 * The author of a field record as the server holds it, else as this update writes it (the update must
 * then write it exactly once: two different authors in one update are nobody's).
 */
function authorOf({ board, writtenAuthors }: Judge, root: string, id: string): string | null {
	const stored = board.getMap<unknown>(root).get(`${id}/authorId`);
	if (stored !== undefined) return typeof stored === 'string' ? stored : null;
	const written = writtenAuthors.get(recordKey(root, id));
	if (written === undefined || written.size !== 1) return null;
	const [only] = written;
	return typeof only === 'string' ? only : null;
}

/** Whether the writer may write (or delete the value of) `key` in `root`; `value` when written. */
function judgeEntry(
	judge: Judge,
	root: string,
	key: string,
	value: { deleted: true } | { deleted: false; value: unknown }
): Verdict {
	const { writer } = judge;
	const given = value.deleted ? null : value;
	switch (root) {
		case ROOT_KEYS.meta: {
			// W4: written with the first content of a document (ensureMeta); only numbers.
			const known = key === META_KEYS.schemaVersion || key === META_KEYS.createdAt;
			return known && (given === null || isTime(given.value)) ? OK : refuse('W4');
		}
		case ROOT_KEYS.participants:
			return key === writer && (given === null || rosterEntryValid(given.value))
				? OK
				: refuse('W5');
		case ROOT_KEYS.cards: {
			const parts = fieldKey(key);
			const check = parts && checkOf(CARD_FIELDS, parts[1]);
			if (!parts || !check || (given !== null && !check(given.value))) return refuse('W6');
			const [id, field] = parts;
			if (OWN_ID_FIELDS.has(field) && given !== null && given.value !== writer) return refuse('W6');
			const author = authorOf(judge, root, id);
			// W7: arranging is shared work: any card's order may change (a move re-keys neighbours).
			if (field === 'order' && author !== null) return OK;
			return author === writer ? OK : refuse('W6');
		}
		case ROOT_KEYS.notes: {
			const parts = fieldKey(key);
			const check = parts && checkOf(NOTE_FIELDS, parts[1]);
			if (!parts || !check || (given !== null && !check(given.value))) return refuse('W8');
			if (parts[1] === 'authorId' && given !== null && given.value !== writer) return refuse('W8');
			const kind = judge.board.getMap<unknown>(root).get(`${parts[0]}/kind`);
			if (kind !== undefined && kind !== 'parking') return refuse('W8');
			return authorOf(judge, root, parts[0]) === writer ? OK : refuse('W8');
		}
		case ROOT_KEYS.votes:
			return ownTripleKey(key, writer, () => true) && (given === null || dotValid(given.value))
				? OK
				: refuse('W9');
		case ROOT_KEYS.matrix:
			return ownTripleKey(key, writer, (axis) => axis === 'impact' || axis === 'effort') &&
				(given === null || isScore(given.value))
				? OK
				: refuse('W10');
		case ROOT_KEYS.measures:
			return judgeMeasureField(judge, key, given);
		case ROOT_KEYS.measureStatus: {
			// W14: added under the writer's own id, never overwritten or deleted.
			const parts = key.split('/');
			const fresh = !judge.board.getMap<unknown>(root).has(key);
			return parts.length === 2 &&
				isRecordId(parts[0]) &&
				isRecordId(parts[1]) &&
				fresh &&
				given !== null &&
				statusChangeValid(given.value, writer)
				? OK
				: refuse('W14');
		}
		case ROOT_KEYS.photos: {
			// W15: the writer's own photos only; others' are the facilitator's to remove.
			const parts = fieldKey(key);
			const check = parts && checkOf(PHOTO_FIELDS, parts[1]);
			if (!parts || !check || (given !== null && !check(given.value))) return refuse('W15');
			if (OWN_ID_FIELDS.has(parts[1]) && given !== null && given.value !== writer)
				return refuse('W15');
			return authorOf(judge, root, parts[0]) === writer ? OK : refuse('W15');
		}
		case ROOT_KEYS.clusters:
		case ROOT_KEYS.actionFields:
		case ROOT_KEYS.actionFieldLinks:
			// W11: groups and Handlungsfelder are the facilitator's.
			return refuse('W11');
		default:
			// W12: nothing else is part of a board.
			return refuse('W12');
	}
}

/**
 * W13: the afternoon is group work, so a participant writes every field of any measure the board
 * holds; a measure new to the board only under their own id (`authorId`, written once and deleted
 * only by undoing their own creation), and `removed`, `removedBy`, `removedAt` (set or cleared) only
 * on their own, `removedBy` only with their own id.
 */
function judgeMeasureField(
	judge: Judge,
	key: string,
	given: { deleted: false; value: unknown } | null
): Verdict {
	const parts = fieldKey(key);
	if (!parts) return refuse('W13');
	const [id, field] = parts;
	const check = checkOf(MEASURE_FIELDS, field);
	const valid = check
		? given === null || check(given.value)
		: measureLinkValid(field, given?.value, given === null);
	if (!valid) return refuse('W13');
	const stored = judge.board.getMap<unknown>(ROOT_KEYS.measures).get(`${id}/authorId`);
	if (field === 'authorId') {
		// Deleted only by the undo of the writer's own creation; written only on a new measure.
		if (given === null) return stored === judge.writer ? OK : refuse('W13');
		return stored === undefined && given.value === judge.writer ? OK : refuse('W13');
	}
	const author = authorOf(judge, ROOT_KEYS.measures, id);
	if (Object.hasOwn(REMOVAL_FIELDS, field)) {
		// Removing (and restoring) only their own measures, under their own id (ADR 21).
		if (field === 'removedBy' && given !== null && given.value !== judge.writer)
			return refuse('W13');
		return author === judge.writer ? OK : refuse('W13');
	}
	return stored !== undefined || author === judge.writer ? OK : refuse('W13');
}

/** W5: a roster entry new to the board may not take it beyond MAX_ROSTER_ENTRIES. */
function rosterFits(board: Y.Doc, writes: readonly EntryWrite[]): boolean {
	const roster = board.getMap<unknown>(ROOT_KEYS.participants);
	const added = writes.some((w) => w.root === ROOT_KEYS.participants && !roster.has(w.key));
	return !added || roster.size < MAX_ROSTER_ENTRIES;
}

/**
 * Judges a participant's update of the board whose server state is `board`. `writer` is the token's
 * subject (the participant id). Returns the first rule the update breaks, if any.
 */
export function judgeBoardUpdate(board: Y.Doc, writer: string, changes: UpdateChanges): Verdict {
	if (!changes.placeable) return refuse(changes.why === 'unknown deletion' ? 'W3' : 'W2');
	// A participant id names the private document a reveal opens; anything else writes nothing.
	if (!isNameId(writer)) return refuse('W5');
	const judge: Judge = { board, writer, writtenAuthors: writtenAuthors(changes.writes) };
	for (const write of changes.writes) {
		const verdict = judgeEntry(judge, write.root, write.key, write.value);
		if (!verdict.ok) return verdict;
	}
	for (const removal of changes.deletes) {
		const verdict = judgeDelete(judge, removal);
		if (!verdict.ok) return verdict;
	}
	return rosterFits(board, changes.writes) ? OK : refuse('W5');
}

/** W3: deleting a value (also by overwriting it) is allowed where writing that key is. */
function judgeDelete(judge: Judge, removal: EntryDelete): Verdict {
	const verdict = judgeEntry(judge, removal.root, removal.key, { deleted: true });
	return verdict.ok ? OK : refuse('W3');
}
