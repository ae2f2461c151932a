// The document `kommune/<ARS>/profile`: one flat Y.Map 'profile' holding the fields of
// KommuneProfileFields, plus the common 'meta' map. Fields are written one key each, and only when they
// change, so two people editing different fields at the same time both keep their edit.

import * as Y from 'yjs';
import {
	PROFILE_FIELDS,
	parseStoredProfile,
	type KommuneProfile,
	type KommuneProfileFields
} from '../domain/kommune-profile';
import { ensureMeta, ROOT_KEYS, rootMap } from './schema';
import { readSchemaStatus } from './schemas/document-schema';
import { PROFILE_SCHEMA } from './schemas/profile';

/** The fields the document stores: the form fields; the AGS is derived on read. */
const STORED_FIELDS = PROFILE_FIELDS satisfies readonly (keyof KommuneProfileFields)[];

export interface ProfileRead {
	/** The profile, or null when the document holds none or none that validates. */
	profile: KommuneProfile | null;
	/** The document holds profile data that does not validate (or a root of the wrong type). */
	malformed: boolean;
	/**
	 * A newer app version wrote to it (a higher schema version, or a field or root this version does
	 * not know, ADR 13): show it, but warn before editing.
	 */
	newerSchema: boolean;
}

export interface ProfileChange extends ProfileRead {
	/** True when the change was made in this Y.Doc, false when it arrived from elsewhere. */
	isLocal: boolean;
}

/**
 * Writes the given fields in one transaction, each only when its value differs. Pass only the fields the
 * user changed: writing a field with the value a form showed earlier would revert a concurrent edit of
 * that field (Y.Map keeps the last writer per key).
 */
export function writeProfile(
	doc: Y.Doc,
	fields: Partial<KommuneProfileFields>,
	options: { now?: number; origin?: unknown } = {}
): void {
	const map = rootMap(doc, ROOT_KEYS.profile);
	if (map === null) throw new Error('profile root has the wrong type');
	doc.transact(() => {
		ensureMeta(doc, options.now ?? Date.now());
		for (const field of STORED_FIELDS) {
			const value = fields[field];
			if (value !== undefined && map.get(field) !== value) map.set(field, value);
		}
	}, options.origin);
}

/** Reads and validates the profile; never throws. */
export function readProfile(doc: Y.Doc): ProfileRead {
	const map = rootMap(doc, ROOT_KEYS.profile);
	const newerSchema = readSchemaStatus(doc, PROFILE_SCHEMA).newerData;
	if (map === null) return { profile: null, malformed: true, newerSchema };
	if (map.size === 0) return { profile: null, malformed: false, newerSchema };
	const profile = parseStoredProfile(map.toJSON());
	return { profile, malformed: profile === null, newerSchema };
}

/** Calls `listener` after every transaction that changed the profile map. Returns the unsubscribe. */
export function observeProfile(doc: Y.Doc, listener: (change: ProfileChange) => void): () => void {
	const map = rootMap(doc, ROOT_KEYS.profile);
	if (map === null) return () => {};
	const handler = (_event: Y.YMapEvent<unknown>, transaction: Y.Transaction) =>
		listener({ ...readProfile(doc), isLocal: transaction.local });
	map.observe(handler);
	return () => map.unobserve(handler);
}
