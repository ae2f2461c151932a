// What a document kind declares about its persisted shape (ADR 13), after tldraw's record files: the
// root keys it holds, and per record kind how the root encodes its records, a valibot validator of one
// record, the record kind's version and the migrations that lift a record of an older version.
// schema-snapshot.json records all of it; schema-snapshot.test.ts fails when a root key or a field is
// renamed or dropped (ADR 3: persisted shapes only grow).

import * as v from 'valibot';
import type * as Y from 'yjs';
import { readFieldRecords } from '../field-records';
import { readMeta, ROOT_KEYS, rootMap } from '../schema';

export type RootKey = (typeof ROOT_KEYS)[keyof typeof ROOT_KEYS];

/**
 * How a root Y.Map holds its records:
 * - 'fields': the map is one record, a key per field (the profile, a workshop's title and date);
 * - 'field-records': `<id>/<field>` → value, a key per field of every record (field-records.ts), so
 *   concurrent edits of different fields all stay — the encoding for everything people edit;
 * - 'entries': `<key>` → one value that is written whole and never edited in part (a tick, an
 *   answer, a dot, a score); the key may have several parts (`<participantId>/<itemId>/<dotId>`).
 */
export type Encoding = 'fields' | 'field-records' | 'entries';

/** One step of a record kind's history: lifts a record written at version `to - 1` to `to`. */
export interface RecordMigration {
	to: number;
	/** What changed, in a few words (it goes into the snapshot). */
	name: string;
}

/** The validator's type: an object schema for records, any schema for the value of an entry. */
export type RecordSchema = v.GenericSchema<unknown, unknown>;

export interface RecordKind {
	root: RootKey;
	encoding: Encoding;
	/** Raised with every migration; equal to the last migration's `to`, or 1. */
	version: number;
	/** One record: its fields (an object schema), or for 'entries' the value under one key. */
	schema: RecordSchema;
	/** For 'field-records' and 'entries': what a key is, in words. */
	key?: string;
	migrations: readonly RecordMigration[];
	/**
	 * For 'field-records': fields named `<prefix><something>`, one per thing a record links to (a
	 * measure's `dep.<measureId>`, ADR 17), so two people linking different things keep both; each
	 * value is validated by the prefix's schema. Fields the object schema declares are matched first.
	 */
	prefixedFields?: Readonly<Record<string, RecordSchema>>;
	/**
	 * The root is no longer written: its records are read through the migration to `successor`, the
	 * record kind that holds them now. The root key stays declared, so it is never reused.
	 */
	successor?: string;
}

export interface DocumentSchema {
	/** The kind of document, as its name says (document-names.ts). */
	kind: string;
	/** Raised with every record kind's version; stamped into `meta.schemaVersion` by writers. */
	version: number;
	records: Readonly<Record<string, RecordKind>>;
}

/** The field names an object schema declares; null for a schema of a single value. */
export function declaredFields(schema: RecordSchema): string[] | null {
	return 'entries' in schema && typeof schema.entries === 'object' && schema.entries !== null
		? Object.keys(schema.entries)
		: null;
}

/** The schema of a field the kind declares by its prefix (RecordKind.prefixedFields), if any. */
export function prefixedField(kind: RecordKind, field: string): RecordSchema | null {
	for (const [prefix, schema] of Object.entries(kind.prefixedFields ?? {}))
		if (field.startsWith(prefix) && field.length > prefix.length) return schema;
	return null;
}

/**
 * One record (or entry value) read through its kind's validator: the typed record, or null when it is
 * not valid. Fields the validator does not declare (written by a newer app) are left out of the result
 * and kept in the document (ADR 13).
 */
export function parseRecord<S extends RecordSchema>(
	schema: S,
	value: unknown
): v.InferOutput<S> | null {
	const parsed = v.safeParse(schema, value);
	return parsed.success ? parsed.output : null;
}

/** True when `value` is one valid record (or entry value) of the kind, prefixed fields included. */
export function isValidRecord(kind: RecordKind, value: unknown): boolean {
	if (!v.safeParse(kind.schema, value).success) return false;
	if (kind.prefixedFields === undefined || typeof value !== 'object' || value === null) return true;
	const declared = new Set(declaredFields(kind.schema));
	return Object.entries(value).every(([field, fieldValue]) => {
		const schema = declared.has(field) ? null : prefixedField(kind, field);
		return schema === null || v.safeParse(schema, fieldValue).success;
	});
}

/** The records of one root as plain objects by key, whatever the encoding. */
export function recordsOf(doc: Y.Doc, kind: RecordKind): Map<string, unknown> {
	const map = rootMap(doc, kind.root);
	if (map === null) return new Map();
	switch (kind.encoding) {
		case 'fields':
			return map.size === 0 ? new Map() : new Map([['', Object.fromEntries(map.entries())]]);
		case 'field-records':
			return new Map(
				[...readFieldRecords(map)].map(([id, fields]) => [id, Object.fromEntries(fields)])
			);
		case 'entries':
			return new Map(map.entries());
	}
}

export interface SchemaStatus {
	/**
	 * The document holds data of a newer app version: a higher `meta.schemaVersion`, a root this
	 * version does not know, or a record with fields this version does not know. Such data is kept
	 * (readers never delete what they do not understand); the page says it comes from a newer app.
	 */
	newerData: boolean;
}

/** What a reader reports besides the content: whether a newer app wrote to the document. */
export function readSchemaStatus(doc: Y.Doc, schema: DocumentSchema): SchemaStatus {
	const version = readMeta(doc).schemaVersion;
	if (version !== null && version > schema.version) return { newerData: true };
	const roots = new Set<string>([
		ROOT_KEYS.meta,
		...Object.values(schema.records).map((kind) => kind.root)
	]);
	for (const [key, type] of doc.share) {
		// A root another version wrote and this one never asked for: Yjs holds it untyped, with content.
		if (!roots.has(key) && (type._map.size > 0 || type._start !== null)) return { newerData: true };
	}
	for (const kind of Object.values(schema.records)) {
		const fields = declaredFields(kind.schema);
		if (fields === null || kind.successor !== undefined) continue;
		const known = new Set(fields);
		for (const record of recordsOf(doc, kind).values()) {
			if (typeof record !== 'object' || record === null) continue;
			const unknown = (field: string) => !known.has(field) && prefixedField(kind, field) === null;
			if (Object.keys(record).some(unknown)) return { newerData: true };
		}
	}
	return { newerData: false };
}
