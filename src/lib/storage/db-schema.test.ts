// Schema guard (after Actual Budget's schema-guard test): the Dexie version blocks declared in db.ts
// are compared with the committed db-schema.snapshot.json, so editing an existing block fails here.
//
// To APPEND a version: add the `db.version(n + 1)` block in db.ts, then run
//   UPDATE_DB_SCHEMA_SNAPSHOT=1 npx vitest run src/lib/storage/db-schema.test.ts
// and commit the changed snapshot with it. The update refuses to rewrite versions already in the
// snapshot: an edited block stays a failing test, whatever the environment says.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { declareVersions, openDatabase, type KommunalwerkstattDb } from './db';

const SNAPSHOT_PATH = fileURLToPath(new URL('./db-schema.snapshot.json', import.meta.url));

interface VersionSnapshot {
	version: number;
	stores: Record<string, string | null>;
}

interface SchemaSnapshot {
	versions: VersionSnapshot[];
	/** The tables a fresh database ends up with after all versions. */
	tables: { name: string; primKey: string; indexes: string[] }[];
}

/** Records the version blocks exactly as db.ts declares them, without opening anything. */
function declaredVersions(): VersionSnapshot[] {
	const versions: VersionSnapshot[] = [];
	const recorder = {
		version(version: number) {
			return {
				stores(stores: Record<string, string | null>) {
					versions.push({ version, stores: sortKeys(stores) });
					return { upgrade: () => undefined };
				}
			};
		}
	};
	declareVersions(recorder as unknown as Pick<Dexie, 'version'>);
	return versions;
}

const sortKeys = <T>(record: Record<string, T>): Record<string, T> =>
	Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

let db: KommunalwerkstattDb | undefined;

afterEach(async () => {
	db?.close();
	if (db) await db.delete();
	db = undefined;
});

async function effectiveTables(): Promise<SchemaSnapshot['tables']> {
	db = openDatabase(`schema-snapshot-${Math.random()}`);
	await db.open();
	return db.tables
		.map((t) => ({
			name: t.name,
			primKey: t.schema.primKey.src,
			indexes: t.schema.indexes.map((i) => i.src).sort()
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

const readSnapshot = (): SchemaSnapshot =>
	JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8')) as SchemaSnapshot;

describe('Dexie schema history', () => {
	it('never edits a version block that is already in the snapshot', () => {
		const committed = readSnapshot().versions;
		expect(declaredVersions().slice(0, committed.length)).toEqual(committed);
	});

	it('matches the committed snapshot, so a new version is appended deliberately', async () => {
		const actual: SchemaSnapshot = {
			versions: declaredVersions(),
			tables: await effectiveTables()
		};
		if (process.env.UPDATE_DB_SCHEMA_SNAPSHOT) {
			const committed = readSnapshot().versions;
			expect(actual.versions.slice(0, committed.length)).toEqual(committed);
			writeFileSync(SNAPSHOT_PATH, JSON.stringify(actual, null, '\t') + '\n');
		}
		expect(actual).toEqual(readSnapshot());
	});

	it('numbers versions in strictly increasing order', () => {
		const numbers = declaredVersions().map((v) => v.version);
		expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
		expect(new Set(numbers).size).toBe(numbers.length);
	});
});
