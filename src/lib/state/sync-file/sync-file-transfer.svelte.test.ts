// Saving a municipality on one device and reading the file on another (ADR 22). Each device has its own
// IndexedDB (a fresh fake-indexeddb factory), as two laptops do; the document stack is the real one.

import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editCardText, readCards } from '../../crdt/workshop-cards';
import {
	FIXTURE_ARS,
	FIXTURE_PHOTO_BYTES,
	FIXTURE_TIME,
	fixtureMunicipality,
	fixtureNames
} from '../../crdt/sync-file.fixture';
import { keepBlob } from '../../storage/blobs';
import { listKommunen } from '../../storage/kommunen';
import { listSessions } from '../../storage/sessions';
import { localDocumentsUnder, readLocalCopy } from '../../sync/local-copies';
import { testDevice, type TestDevice } from '../test-device.svelte';
import { syncFileName } from '../../domain/sync-file/sync-file-format';
import { SyncFileTransfer } from './sync-file-transfer.svelte';

const original = globalThis.indexedDB;
const devices: TestDevice[] = [];

afterEach(async () => {
	for (const device of devices.splice(0)) await device.close();
	globalThis.indexedDB = original;
});

/** A new laptop: its own IndexedDB, nothing on it. */
function laptop(): TestDevice {
	globalThis.indexedDB = new IDBFactory();
	const device = testDevice();
	devices.push(device);
	return device;
}

function transferOn(device: TestDevice, isOwner = true): SyncFileTransfer {
	return new SyncFileTransfer({
		db: device.db,
		registry: async () => device.services.documents,
		mayWrite: async () => () => isOwner,
		now: () => FIXTURE_TIME
	});
}

/** The fixture municipality (a profile, a workshop with board and photo, a check round) on a laptop. */
async function laptopWithMunicipality(): Promise<TestDevice> {
	const device = laptop();
	const { docs, photo } = await fixtureMunicipality();
	for (const [name, doc] of docs)
		await device.write(name, (target) => Y.applyUpdate(target, Y.encodeStateAsUpdate(doc)));
	await keepBlob(device.db, {
		...photo,
		createdAt: FIXTURE_TIME,
		laptopAt: null,
		centralAt: null,
		laptopRefusal: null
	});
	return device;
}

async function savedFile(device: TestDevice): Promise<Uint8Array> {
	const saved = await transferOn(device).save(FIXTURE_ARS, 'test');
	if (saved === null) throw new Error('saving failed');
	return saved.bytes;
}

async function cardTexts(name: string): Promise<string[]> {
	const doc = await readLocalCopy(name);
	if (doc === null) return [];
	const texts = readCards(doc).cards.map((card) => card.text);
	doc.destroy();
	return texts.sort();
}

const read = (transfer: SyncFileTransfer, bytes: Uint8Array) =>
	transfer.read(bytes.length, async () => bytes);

describe('a sync file from one laptop read on another', () => {
	it('is named after the municipality and the day it was saved', () => {
		expect(syncFileName(FIXTURE_ARS, FIXTURE_TIME)).toBe(
			'kommunalwerkstatt-032410001001-2026-12-07.kwsync'
		);
	});

	it('previews what a laptop that never had the municipality gets, and merges it only when confirmed', async () => {
		const bytes = await savedFile(await laptopWithMunicipality());
		const second = laptop();
		const transfer = transferOn(second);

		await read(transfer, bytes);
		expect(transfer.error).toBeNull();
		expect(transfer.preview).toMatchObject({
			ars: FIXTURE_ARS,
			municipalityName: 'Musterstadt',
			photos: 1,
			newPhotos: 1,
			nothingNew: false
		});
		expect(transfer.preview!.sessions.map((s) => [s.kind, s.title, s.bringsNew])).toEqual([
			['checkRound', 'Digital-Check 2026', true],
			['workshop', 'Zukunftswerkstatt', true]
		]);
		expect(transfer.preview!.documents.every((d) => d.newHere)).toBe(true);
		// The preview changed nothing yet.
		expect(await localDocumentsUnder(second.db, `kommune/${FIXTURE_ARS}`)).toEqual([]);
		expect(await listKommunen(second.db)).toEqual([]);

		expect(await transfer.confirm()).toBe(true);
		expect(transfer.merged).toEqual({ ars: FIXTURE_ARS, name: 'Musterstadt', documents: 5 });
		expect(transfer.preview).toBeNull();
		expect((await listKommunen(second.db)).map((row) => row.name)).toEqual(['Musterstadt']);
		expect((await listSessions(second.db, FIXTURE_ARS)).map((row) => row.title).sort()).toEqual([
			'Digital-Check 2026',
			'Zukunftswerkstatt'
		]);
		expect(await cardTexts(fixtureNames.board)).toEqual([
			'Digitale Akte für das Bauamt',
			'Online-Terminvergabe im Bürgerbüro',
			'WLAN in allen Schulen'
		]);
		expect((await second.db.blobs.toArray()).map((row) => row.bytes)).toEqual([
			FIXTURE_PHOTO_BYTES
		]);
	});

	it('keeps what the reading laptop wrote since, and reading the same file again changes nothing', async () => {
		const bytes = await savedFile(await laptopWithMunicipality());
		const second = laptop();
		const transfer = transferOn(second);
		await read(transfer, bytes);
		await transfer.confirm();
		await second.write(fixtureNames.board, (doc) =>
			editCardText(doc, 'c3', 'WLAN in allen Schulen und im Rathaus')
		);
		const before = await readLocalCopy(fixtureNames.board);
		const stateBefore = Y.encodeStateVector(before!);
		before!.destroy();

		await read(transfer, bytes);
		expect(transfer.preview?.nothingNew).toBe(true);
		expect(transfer.preview?.documents.filter((d) => d.bringsNew)).toEqual([]);
		expect(await transfer.confirm()).toBe(true);
		expect(transfer.merged?.documents).toBe(0);
		// The text changed here stays: the file merges, it does not put its older text back.
		expect(await cardTexts(fixtureNames.board)).toEqual([
			'Digitale Akte für das Bauamt',
			'Online-Terminvergabe im Bürgerbüro',
			'WLAN in allen Schulen und im Rathaus'
		]);
		const after = await readLocalCopy(fixtureNames.board);
		expect(Y.encodeStateVector(after!)).toEqual(stateBefore);
		after!.destroy();
	});

	it('refuses a file with one byte changed, says why and changes nothing', async () => {
		const bytes = await savedFile(await laptopWithMunicipality());
		bytes[bytes.length - 100]! ^= 0x01;
		const second = laptop();
		const transfer = transferOn(second);

		await read(transfer, bytes);
		expect(transfer.error).toBe('damaged');
		expect(transfer.preview).toBeNull();
		expect(await transfer.confirm()).toBe(false);
		expect(await localDocumentsUnder(second.db, `kommune/${FIXTURE_ARS}`)).toEqual([]);
		expect(await listKommunen(second.db)).toEqual([]);
		expect(await second.db.blobs.count()).toBe(0);
	});

	it('refuses a file beyond the format limit without reading its bytes', async () => {
		const transfer = transferOn(laptop());
		let asked = false;
		await transfer.read(2 * 1024 ** 3, async () => {
			asked = true;
			return new Uint8Array();
		});
		expect(transfer.error).toBe('too_large');
		expect(asked).toBe(false);
	});

	it('is refused on a device that is not the laptop of the facilitator', async () => {
		const bytes = await savedFile(await laptopWithMunicipality());
		const transfer = transferOn(laptop(), false);
		await read(transfer, bytes);
		expect(transfer.error).toBe('not_allowed');
		expect(transfer.preview).toBeNull();
	});

	it('says there is nothing to save for a municipality this laptop holds nothing of', async () => {
		const transfer = transferOn(laptop());
		expect(await transfer.save('031010000000', 'test')).toBeNull();
		expect(transfer.error).toBe('nothing_to_save');
	});
});
