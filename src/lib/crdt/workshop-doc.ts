// A workshop's title, date, place, start time and facilitators in the control document (written by
// moderation only: participants read the control document, ADR 5), and
// the roster in the board (each participant writes their own entry when joining). The agenda, the run
// state, cards and notes live beside these roots (workshop-agenda.ts, workshop-run.ts, workshop-cards.ts,
// workshop-notes.ts); nothing here is nested lazily.

import type * as Y from 'yjs';
import { hasForbiddenCharacters } from '../domain/display-name';
import { isNameId } from '../domain/document-names';
import { ensureMeta, ROOT_KEYS, rootMap } from './schema';
import { parseRecord } from './schemas/document-schema';
import { PARTICIPANT_ENTRY } from './schemas/workshop';

export interface WorkshopInfo {
	title: string;
	/** ISO date (YYYY-MM-DD) or null. */
	date: string | null;
}

export interface RosterEntry {
	participantId: string;
	name: string;
	joinedAt: number;
}

const isIsoDate = (value: unknown): value is string =>
	typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

export function writeWorkshopInfo(doc: Y.Doc, info: WorkshopInfo, now = Date.now()): void {
	const map = rootMap(doc, ROOT_KEYS.workshop);
	if (map === null) throw new Error('workshop root has the wrong type');
	doc.transact(() => {
		ensureMeta(doc, now);
		if (map.get('title') !== info.title) map.set('title', info.title);
		if (map.get('date') !== info.date) map.set('date', info.date);
	});
}

export interface WorkshopPlan {
	/** Where the workshop takes place (free text), or null. */
	place: string | null;
	/** The start of the day as minutes after midnight, or null (then the agenda starts at 9:00). */
	startMinutes: number | null;
	/** Who runs the day, as the facilitator writes it ("Anna Schmidt, Ben Meier"), or null. */
	facilitators: string | null;
}

const PLACE_MAX_LENGTH = 120;
export const FACILITATORS_MAX_LENGTH = 200;

const withinLength = (value: unknown, max: number): value is string =>
	typeof value === 'string' && value.trim() !== '' && [...value].length <= max;

const isStartMinutes = (value: unknown): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 24 * 60;

/**
 * Writes the given fields of place and start time (a field left out is not touched, so another
 * device's change to it stays); a value the document already holds is not written again.
 */
export function writeWorkshopPlan(doc: Y.Doc, plan: Partial<WorkshopPlan>, now = Date.now()): void {
	const map = rootMap(doc, ROOT_KEYS.workshop);
	if (map === null) throw new Error('workshop root has the wrong type');
	const { place, startMinutes, facilitators } = plan;
	if (startMinutes != null && !isStartMinutes(startMinutes))
		throw new RangeError(`start ${startMinutes} is not a time of day`);
	if (place != null && [...place].length > PLACE_MAX_LENGTH) throw new RangeError('place too long');
	if (facilitators != null && [...facilitators].length > FACILITATORS_MAX_LENGTH)
		throw new RangeError('facilitators too long');
	doc.transact(() => {
		ensureMeta(doc, now);
		if (place !== undefined && map.get('place') !== place) map.set('place', place);
		if (startMinutes !== undefined && map.get('startMinutes') !== startMinutes)
			map.set('startMinutes', startMinutes);
		if (facilitators !== undefined && map.get('facilitators') !== facilitators)
			map.set('facilitators', facilitators);
	});
}

export function readWorkshopPlan(doc: Y.Doc): WorkshopPlan {
	const map = rootMap(doc, ROOT_KEYS.workshop);
	const place = map?.get('place');
	const startMinutes = map?.get('startMinutes');
	const facilitators = map?.get('facilitators');
	return {
		place: withinLength(place, PLACE_MAX_LENGTH) ? place : null,
		startMinutes: isStartMinutes(startMinutes) ? startMinutes : null,
		facilitators: withinLength(facilitators, FACILITATORS_MAX_LENGTH) ? facilitators : null
	};
}

/** The workshop's title and date, or null when the document holds none that is valid. */
export function readWorkshopInfo(doc: Y.Doc): WorkshopInfo | null {
	const map = rootMap(doc, ROOT_KEYS.workshop);
	const title = map?.get('title');
	if (typeof title !== 'string' || title.trim() === '') return null;
	const date = map?.get('date');
	return { title, date: isIsoDate(date) ? date : null };
}

/** Adds or renames this participant in the roster; a repeated check-in with the same name writes nothing. */
export function checkInParticipant(
	doc: Y.Doc,
	participantId: string,
	name: string,
	now = Date.now()
) {
	const map = rootMap(doc, ROOT_KEYS.participants);
	if (map === null) throw new Error('participants root has the wrong type');
	const existing = readRosterEntry(participantId, map.get(participantId));
	if (existing?.name === name) return;
	// Fields a newer app added to the entry stay (ADR 13).
	const stored = map.get(participantId);
	const kept = existing !== null && typeof stored === 'object' && stored !== null ? stored : {};
	doc.transact(() => {
		ensureMeta(doc, now);
		map.set(participantId, { ...kept, name, joinedAt: existing?.joinedAt ?? now });
	});
}

/** The roster by join time; entries a buggy or malicious peer wrote in another shape are skipped. */
export function readRoster(doc: Y.Doc): RosterEntry[] {
	const map = rootMap(doc, ROOT_KEYS.participants);
	if (map === null) return [];
	const entries: RosterEntry[] = [];
	for (const [participantId, value] of map.entries()) {
		const entry = readRosterEntry(participantId, value);
		if (entry) entries.push(entry);
	}
	return entries.sort(
		(a, b) => a.joinedAt - b.joinedAt || a.participantId.localeCompare(b.participantId)
	);
}

function readRosterEntry(participantId: string, value: unknown): RosterEntry | null {
	// The id names the participant's private document, which the reveal opens.
	if (!isNameId(participantId)) return null;
	const record = parseRecord(PARTICIPANT_ENTRY, value);
	if (record === null) return null;
	const { name, joinedAt } = record;
	if (name.length === 0 || name.length > 80 || hasForbiddenCharacters(name)) return null;
	return { participantId, name, joinedAt };
}
