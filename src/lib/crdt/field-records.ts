// Records that several people edit, kept as one flat Y.Map with a key per field: `<id>/<field>`.
// A plain object per record would be one value, so two devices editing different fields of it would
// keep only the later object; and a nested Y.Map under a key two devices may write (a template's
// deterministic id, a revealed card) would replace the other's container with all its content
// (ADR 8). With a key per field, concurrent edits to different fields all stay, and two devices
// writing the same record write the same keys.

import type * as Y from 'yjs';

/** Record ids are the part before the slash: letters, digits, '.', '_' and '-'. */
export const isRecordId = (value: unknown): value is string =>
	typeof value === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(value);

/** Every record of the map as id → field → value; keys in another shape are skipped. */
export function readFieldRecords(map: Y.Map<unknown> | null): Map<string, Map<string, unknown>> {
	const records = new Map<string, Map<string, unknown>>();
	for (const [key, value] of map?.entries() ?? []) {
		const slash = key.indexOf('/');
		if (slash < 0) continue;
		const id = key.slice(0, slash);
		if (!isRecordId(id)) continue;
		const fields = records.get(id) ?? new Map<string, unknown>();
		fields.set(key.slice(slash + 1), value);
		records.set(id, fields);
	}
	return records;
}

/** The fields of one record (empty when there is none). */
export function readFieldRecord(map: Y.Map<unknown> | null, id: string): Map<string, unknown> {
	const fields = new Map<string, unknown>();
	const prefix = `${id}/`;
	for (const [key, value] of map?.entries() ?? []) {
		if (key.startsWith(prefix)) fields.set(key.slice(prefix.length), value);
	}
	return fields;
}

/**
 * Writes the given fields of one record; a field whose value is already stored is not written again
 * (an unchanged write would still grow the document and win a race it should not take part in).
 * Undefined removes the field. Call inside a transaction.
 */
export function writeFields(
	map: Y.Map<unknown>,
	id: string,
	fields: Record<string, unknown>
): void {
	if (!isRecordId(id)) throw new RangeError(`invalid record id ${id}`);
	for (const [field, value] of Object.entries(fields)) {
		const key = `${id}/${field}`;
		if (value === undefined) {
			if (map.has(key)) map.delete(key);
		} else if (map.get(key) !== value) map.set(key, value);
	}
}

/** Removes every field of one record. Call inside a transaction. */
export function deleteRecord(map: Y.Map<unknown>, id: string): void {
	const prefix = `${id}/`;
	for (const key of [...map.keys()]) if (key.startsWith(prefix)) map.delete(key);
}
