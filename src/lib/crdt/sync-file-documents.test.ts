import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SYNC_FILE_MAGIC } from '../domain/sync-file/sync-file-format';
import { readCards } from './workshop-cards';
import { ROOT_KEYS } from './schema';
import {
	fixtureFile,
	fixtureMunicipality,
	fixtureNames,
	FIXTURE_ARS,
	FIXTURE_PHOTO_BYTES,
	FIXTURE_TIME,
	resealed
} from './sync-file.fixture';
import {
	mergeInto,
	readSyncFile,
	syncFileDocument,
	writeSyncFile,
	type ReadOptions
} from './sync-file-documents';

/** A device holding the given documents and photos, which may write every document. */
function device(held: Map<string, Y.Doc> = new Map(), photos: string[] = []): ReadOptions {
	return {
		mayWrite: () => true,
		localSnapshot: async (name) => {
			const doc = held.get(name);
			return doc === undefined ? null : Y.snapshot(doc);
		},
		hasPhoto: async (sha) => photos.includes(sha)
	};
}

async function refusalOf(bytes: Uint8Array, options: ReadOptions = device()) {
	const read = await readSyncFile(bytes, options);
	return read.ok ? 'accepted' : read.refusal;
}

describe('reading a sync file', () => {
	it('shows the municipality, its workshop, its round and its photo before anything is applied', async () => {
		const read = await readSyncFile(await fixtureFile(), device());
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		const { preview, file } = read.value;
		expect(preview.ars).toBe(FIXTURE_ARS);
		expect(preview.municipalityName).toBe('Musterstadt');
		expect(preview.createdAt).toBe(FIXTURE_TIME);
		expect(preview.sessions.map((s) => [s.kind, s.title, s.documents])).toEqual([
			['checkRound', 'Digital-Check 2026', 1],
			['workshop', expect.any(String), 3]
		]);
		expect(preview.photos).toBe(1);
		expect(preview.newPhotos).toBe(1);
		expect(preview.documents.every((d) => d.newHere && d.bringsNew)).toBe(true);
		expect(preview.nothingNew).toBe(false);
		expect(file.photos[0]?.bytes).toEqual(FIXTURE_PHOTO_BYTES);
	});

	it("merges into this device's documents and keeps the edits made here since", async () => {
		const { docs } = await fixtureMunicipality();
		const board = docs.get(fixtureNames.board)!;
		const here = new Y.Doc();
		Y.applyUpdate(here, Y.encodeStateAsUpdate(board));
		const file = await fixtureFile();
		// A change made here after the file was saved, which the file does not know.
		const before = readCards(here).cards.length;
		here.getMap(ROOT_KEYS.cards).set('local1/text', 'Hier geschrieben');
		const read = await readSyncFile(file, device(new Map([[fixtureNames.board, here]])));
		if (!read.ok) throw new Error(read.refusal);
		mergeInto(here, read.value.file.documents.find((d) => d.name === fixtureNames.board)!.update);
		expect(here.getMap(ROOT_KEYS.cards).get('local1/text')).toBe('Hier geschrieben');
		expect(readCards(here).cards.length).toBe(before);
	});

	it('says nothing is new when the device already holds the file, and merging it again changes nothing', async () => {
		const file = await fixtureFile();
		const first = await readSyncFile(file, device());
		if (!first.ok) throw new Error(first.refusal);
		const held = new Map<string, Y.Doc>();
		for (const entry of first.value.file.documents) {
			const doc = new Y.Doc();
			mergeInto(doc, entry.update);
			held.set(entry.name, doc);
		}
		const states = new Map([...held].map(([name, doc]) => [name, Y.encodeStateAsUpdateV2(doc)]));
		const second = await readSyncFile(file, device(held, [first.value.file.photos[0]!.sha256]));
		if (!second.ok) throw new Error(second.refusal);
		expect(second.value.preview.nothingNew).toBe(true);
		for (const entry of second.value.file.documents) mergeInto(held.get(entry.name)!, entry.update);
		for (const [name, doc] of held) expect(Y.encodeStateAsUpdateV2(doc)).toEqual(states.get(name));
	});
});

describe('a sync file is refused whole', () => {
	it('when it is another kind of file', async () => {
		expect(await refusalOf(new TextEncoder().encode('%PDF-1.7\n…'))).toBe('not_sync_file');
		expect(await refusalOf(new Uint8Array())).toBe('truncated');
	});

	it('when a newer app wrote it', async () => {
		const file = await fixtureFile();
		file[SYNC_FILE_MAGIC.length + 1] = 2;
		expect(await refusalOf(await resealed(file))).toBe('newer_format');
	});

	it('when one byte changed', async () => {
		const file = await fixtureFile();
		file[Math.floor(file.length / 2)]! ^= 0x01;
		expect(await refusalOf(file)).toBe('damaged');
	});

	it('when it was cut short', async () => {
		const file = await fixtureFile();
		expect(await refusalOf(file.subarray(0, file.length - 1))).toBe('truncated');
		expect(await refusalOf(file.subarray(0, 200))).toBe('truncated');
	});

	it('when a declared size is beyond the limits', async () => {
		const file = await fixtureFile();
		// The document count: after magic, version, app version ("test"), time and ARS (12 digits).
		const countAt = 8 + 2 + 2 + 4 + 8 + 2 + 12;
		new DataView(file.buffer).setUint32(countAt, 0xffffffff);
		expect(await refusalOf(file)).toBe('too_large');
		// The first document's update length, after the count and the name.
		new DataView(file.buffer).setUint32(countAt, 5);
		const nameLength = new DataView(file.buffer).getUint16(countAt + 4);
		new DataView(file.buffer).setUint32(countAt + 4 + 2 + nameLength, 65 * 1024 * 1024);
		expect(await refusalOf(file)).toBe('too_large');
	});

	it("when a document lies outside the file's municipality", async () => {
		const { docs } = await fixtureMunicipality();
		const other = await writeSyncFile({
			appVersion: 'test',
			createdAt: FIXTURE_TIME,
			ars: FIXTURE_ARS,
			documents: [
				syncFileDocument('kommune/031010000000/profile', docs.get(fixtureNames.profile)!)
			],
			photos: []
		});
		expect(await refusalOf(other)).toBe('foreign_document');
		// The profile inside names another municipality than the file does.
		const renamed = await writeSyncFile({
			appVersion: 'test',
			createdAt: FIXTURE_TIME,
			ars: '031010000000',
			documents: [
				syncFileDocument('kommune/031010000000/profile', docs.get(fixtureNames.profile)!)
			],
			photos: []
		});
		expect(await refusalOf(renamed)).toBe('foreign_document');
	});

	it('when this device may not write one of its documents', async () => {
		const options = { ...device(), mayWrite: (name: string) => name !== fixtureNames.board };
		expect(await refusalOf(await fixtureFile(), options)).toBe('not_allowed');
	});

	it("when a record is one its document's schema rejects", async () => {
		const { docs } = await fixtureMunicipality();
		const board = docs.get(fixtureNames.board)!;
		board.getMap(ROOT_KEYS.cards).set('bad1/text', 42);
		const file = await writeSyncFile({
			appVersion: 'test',
			createdAt: FIXTURE_TIME,
			ars: FIXTURE_ARS,
			documents: [syncFileDocument(fixtureNames.board, board)],
			photos: []
		});
		expect(await refusalOf(file)).toBe('invalid_content');
	});

	it("when one document's content sits under another kind's name", async () => {
		const { docs } = await fixtureMunicipality();
		const file = await writeSyncFile({
			appVersion: 'test',
			createdAt: FIXTURE_TIME,
			ars: FIXTURE_ARS,
			documents: [syncFileDocument(fixtureNames.control, docs.get(fixtureNames.board)!)],
			photos: []
		});
		expect(await refusalOf(file)).toBe('invalid_content');
	});

	it('when a photo is not the bytes its SHA-256 names', async () => {
		const { docs, photo } = await fixtureMunicipality();
		const bytes = FIXTURE_PHOTO_BYTES.slice();
		bytes[bytes.length - 20]! ^= 0x01;
		const file = await writeSyncFile({
			appVersion: 'test',
			createdAt: FIXTURE_TIME,
			ars: FIXTURE_ARS,
			documents: [syncFileDocument(fixtureNames.board, docs.get(fixtureNames.board)!)],
			photos: [{ ...photo, bytes }]
		});
		expect(await refusalOf(file)).toBe('damaged');
	});
});
