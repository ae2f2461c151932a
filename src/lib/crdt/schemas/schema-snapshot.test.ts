// Schema guard for documents (ADR 13), like the Dexie one (storage/db-schema.test.ts): the declared
// document schemas are compared with the committed schema-snapshot.json, so renaming or dropping a
// root key or a record field fails here.
//
// To ADD a root, a record kind, a field or a migration: declare it in the kind's module, then run
//   UPDATE_DOC_SCHEMA_SNAPSHOT=1 npx vitest run src/lib/crdt/schemas/schema-snapshot.test.ts
// and commit the changed snapshot with it. The update refuses to drop or rename anything already in
// the snapshot, whatever the environment says.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT_KEYS } from '../schema';
import { DOCUMENT_SCHEMAS } from './all';
import { snapshotOf, type SchemaSnapshot } from './snapshot';

const SNAPSHOT_PATH = fileURLToPath(new URL('./schema-snapshot.json', import.meta.url));

const readSnapshot = (): SchemaSnapshot =>
	JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8')) as SchemaSnapshot;

/** Every root key, record kind and field path of a snapshot, as `kind root record.field` lines. */
function declaredNames(snapshot: SchemaSnapshot): string[] {
	const names: string[] = [];
	for (const [kind, { records }] of Object.entries(snapshot)) {
		for (const [record, { root, schema }] of Object.entries(records)) {
			names.push(`${kind} ${root} ${record}`);
			if (typeof schema === 'object')
				for (const field of Object.keys(schema))
					if (field !== '') names.push(`${kind} ${root} ${record}.${field}`);
		}
	}
	return names;
}

/** What the committed snapshot has and the declared schemas no longer do. */
function dropped(committed: SchemaSnapshot, actual: SchemaSnapshot): string[] {
	const now = new Set(declaredNames(actual));
	const lost = declaredNames(committed).filter((name) => !now.has(name));
	for (const [kind, { version, records }] of Object.entries(committed)) {
		if ((actual[kind]?.version ?? 0) < version) lost.push(`${kind} version ${version}`);
		for (const [record, { version: recordVersion, migrations }] of Object.entries(records)) {
			const current = actual[kind]?.records[record];
			if (current && current.version < recordVersion) lost.push(`${kind} ${record} version`);
			if (current && current.migrations.slice(0, migrations.length).join() !== migrations.join())
				lost.push(`${kind} ${record} migrations`);
		}
	}
	return lost;
}

describe('document schemas', () => {
	it('never drop or rename a root key, a record kind or a field that is in the snapshot', () => {
		expect(dropped(readSnapshot(), snapshotOf(DOCUMENT_SCHEMAS))).toEqual([]);
	});

	it('match the committed snapshot, so a new root or field is added deliberately', () => {
		const actual = snapshotOf(DOCUMENT_SCHEMAS);
		if (process.env['UPDATE_DOC_SCHEMA_SNAPSHOT']) {
			expect(dropped(readSnapshot(), actual)).toEqual([]);
			writeFileSync(SNAPSHOT_PATH, JSON.stringify(actual, null, '\t') + '\n');
		}
		expect(actual).toEqual(readSnapshot());
	});

	it('declare every root key of the crdt layer in some document kind', () => {
		const declared = new Set(
			DOCUMENT_SCHEMAS.flatMap((schema) => Object.values(schema.records).map((kind) => kind.root))
		);
		expect(Object.values(ROOT_KEYS).filter((key) => !declared.has(key))).toEqual([]);
	});

	it('number each record kind by its migrations, and each document at least as high', () => {
		for (const schema of DOCUMENT_SCHEMAS) {
			for (const kind of Object.values(schema.records)) {
				const steps = kind.migrations.map((step) => step.to);
				expect(steps).toEqual([...steps].sort((a, b) => a - b));
				expect(kind.version).toBe(steps.at(-1) ?? 1);
				expect(schema.version).toBeGreaterThanOrEqual(kind.version);
			}
		}
	});
});
