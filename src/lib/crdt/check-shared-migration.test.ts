// The process inventory's move onto field records (schema version 2, ADR 13): a document of version 1
// opens with every process, the migration on open writes the records once, two devices migrating the
// same document end with one result, and an app of version 1 still working on the document loses
// nothing.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addCustomProcess,
	migrateProcesses,
	readProcesses,
	removeProcess,
	writeProcess
} from './check-shared-doc';
import { readMeta, ROOT_KEYS } from './schema';
import { readSchemaStatus } from './schemas/document-schema';
import { CHECK_SHARED_SCHEMA } from './schemas/check-shared';
import { migrateOnOpen } from './schemas/migrate';

const V1 = readFileSync(fileURLToPath(new URL('./fixtures/v1-check-shared.bin', import.meta.url)));

function openV1(clientID: number): Y.Doc {
	const doc = new Y.Doc();
	doc.clientID = clientID;
	Y.applyUpdate(doc, V1);
	return doc;
}

const sync = (a: Y.Doc, b: Y.Doc) => {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

function updatesDuring(doc: Y.Doc, action: () => void): number {
	let count = 0;
	const count1 = () => (count += 1);
	doc.on('update', count1);
	action();
	doc.off('update', count1);
	return count;
}

const records = (doc: Y.Doc) => doc.getMap(ROOT_KEYS.processRecords).toJSON();

describe('migrating the process inventory of a version 1 round', () => {
	it('shows the same processes, estimates and counts after the migration as before', () => {
		const doc = openV1(11);
		const before = readProcesses(doc);
		expect(migrateProcesses(doc)).toBe(true);
		expect(readProcesses(doc)).toEqual(before);
		expect(readMeta(doc).schemaVersion).toBe(2);
		expect(readSchemaStatus(doc, CHECK_SHARED_SCHEMA)).toEqual({ newerData: false });
	});

	it('writes each creation record as field records, the estimate as one value', () => {
		const doc = openV1(11);
		migrateProcesses(doc);
		const migrated = records(doc);
		// 21 presets (the removed one keeps its record) and the municipality's own.
		expect(new Set(Object.keys(migrated).map((key) => key.split('/')[0])).size).toBe(22);
		expect(migrated['bauantrag/estimate']).toEqual({ casesPerYear: 80 * 2, population: 40_000 });
		expect(migrated['bauantrag/name']).toBe('Bauantrag');
		expect(migrated['bauantrag/custom']).toBe(false);
		expect(migrated['bauantrag/status']).toBeUndefined();
		expect(migrated['eigen-schulanmeldung/name']).toBe('Schulanmeldung');
		expect(migrated['eigen-schulanmeldung/estimate']).toBeUndefined();
	});

	it('writes nothing the second time', () => {
		const doc = openV1(11);
		migrateProcesses(doc);
		expect(updatesDuring(doc, () => expect(migrateProcesses(doc)).toBe(false))).toBe(0);
	});

	it('ends with one result when two devices migrate the same document at once', () => {
		const a = openV1(11);
		const b = openV1(12);
		migrateProcesses(a);
		migrateProcesses(b);
		sync(a, b);
		const alone = openV1(13);
		migrateProcesses(alone);
		expect(records(a)).toEqual(records(b));
		expect(records(a)).toEqual(records(alone));
		expect(readProcesses(a)).toEqual(readProcesses(alone));
		expect(updatesDuring(a, () => migrateProcesses(a))).toBe(0);
	});

	it('keeps a figure typed on another device while this one migrates', () => {
		const migrating = openV1(11);
		const typing = openV1(12);
		migrateProcesses(migrating);
		writeProcess(typing, 'bauantrag', { casesPerYear: 95, name: 'Bauanträge' });
		sync(migrating, typing);
		for (const doc of [migrating, typing]) {
			expect(readProcesses(doc).processes.find((p) => p.id === 'bauantrag')).toMatchObject({
				casesPerYear: 95,
				name: 'Bauanträge',
				minutesToday: 240
			});
			expect(readProcesses(doc).estimates['bauantrag']).toBeUndefined();
		}
	});

	it('shows a process an app of version 1 adds after the migration, and migrates it on the next open', () => {
		const doc = openV1(11);
		migrateProcesses(doc);
		// As addCustomProcess of version 1 wrote it.
		doc.getMap(ROOT_KEYS.processes).set('eigen-alt', {
			name: 'Friedhofsgebühren',
			status: null,
			casesPerYear: null,
			pain: null,
			ozgService: null,
			minutesToday: null,
			minutesDigital: null,
			custom: true,
			order: 'aZ'
		});
		expect(readProcesses(doc).processes.at(-1)).toMatchObject({ id: 'eigen-alt', custom: true });
		expect(migrateProcesses(doc)).toBe(true);
		expect(records(doc)['eigen-alt/name']).toBe('Friedhofsgebühren');
		expect(readProcesses(doc).processes.at(-1)).toMatchObject({ id: 'eigen-alt', custom: true });
	});

	it('lets an app of version 1 remove an own process for good', () => {
		const doc = openV1(11);
		migrateProcesses(doc);
		// removeProcess of version 1 deleted the creation record of an own process.
		doc.getMap(ROOT_KEYS.processes).delete('eigen-schulanmeldung');
		expect(readProcesses(doc).processes.map((p) => p.id)).not.toContain('eigen-schulanmeldung');
		migrateProcesses(doc);
		expect(Object.keys(records(doc)).some((key) => key.startsWith('eigen-schulanmeldung/'))).toBe(
			false
		);
	});

	it('removes an own process in both encodings, so no migration brings it back', () => {
		const doc = openV1(11);
		migrateProcesses(doc);
		removeProcess(doc, 'eigen-schulanmeldung');
		expect(migrateProcesses(doc)).toBe(false);
		expect(readProcesses(doc).processes.map((p) => p.id)).not.toContain('eigen-schulanmeldung');
	});

	it('adds new processes as field records only, never to the version 1 map', () => {
		const doc = openV1(11);
		migrateProcesses(doc);
		const legacy = JSON.stringify(doc.getMap(ROOT_KEYS.processes).toJSON());
		addCustomProcess(doc, 'eigen-neu', 'Vereinsförderung');
		expect(JSON.stringify(doc.getMap(ROOT_KEYS.processes).toJSON())).toBe(legacy);
		expect(records(doc)['eigen-neu/name']).toBe('Vereinsförderung');
	});
});

describe('opening a round’s shared document', () => {
	const name = 'kommune/032520006006/check/r1/shared';

	it('migrates what is stored, and what arrives from a server after the open', () => {
		const stored = openV1(11);
		const stop = migrateOnOpen(name, stored);
		expect(Object.keys(records(stored)).length).toBeGreaterThan(0);
		stop();

		const fresh = new Y.Doc();
		const stopFresh = migrateOnOpen(name, fresh);
		expect(records(fresh)).toEqual({});
		Y.applyUpdate(fresh, V1);
		expect(records(fresh)).toEqual(records(stored));
		stopFresh();
	});

	it('leaves documents of other kinds alone', () => {
		const doc = openV1(11);
		migrateOnOpen('kommune/032520006006/workshop/w1/board', doc)();
		expect(records(doc)).toEqual({});
	});
});

describe('field records of processes', () => {
	it('skip and count records without a valid name, order or custom flag', () => {
		const doc = new Y.Doc();
		const map = doc.getMap(ROOT_KEYS.processRecords);
		map.set('ok/name', 'Gut');
		map.set('ok/custom', true);
		map.set('ok/order', 'a0');
		map.set('noname/custom', true);
		map.set('noname/order', 'a1');
		map.set('nocustom/name', 'X');
		map.set('nocustom/order', 'a2');
		const read = readProcesses(doc);
		expect(read.processes.map((p) => p.id)).toEqual(['ok']);
		expect(read.malformed).toBe(2);
	});
});
