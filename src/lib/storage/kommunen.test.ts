import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type KommuneRow, type KommunalwerkstattDb } from './db';
import { findKommune, listKommunen, upsertKommuneProjection, watchKommunen } from './kommunen';
import { findDocumentRecord, recordDocumentOpened, recordConnected } from './documents';
import { getSetting, setSetting } from './settings';

const row = (ars: string, name: string, extra: Partial<KommuneRow> = {}): KommuneRow => ({
	ars,
	name,
	type: 'stadt',
	landkreis: 'Landkreis X',
	population: 10_000,
	updatedAt: 1,
	...extra
});

let db: KommunalwerkstattDb;

beforeEach(() => {
	db = openDatabase(`kommunen-test-${Math.random()}`);
});

afterEach(async () => {
	db.close();
	await db.delete();
});

describe('Kommunen projection', () => {
	it('lists municipalities by name as a German reader sorts them', async () => {
		for (const [ars, name] of [
			['034590000000', 'Osnabrück (Landkreis)'],
			['031010000000', 'braunschweig'],
			['032575403006', 'Bad Nenndorf'],
			['031530000000', 'Ägypten-Test'],
			['031510000000', 'Adendorf']
		]) {
			await upsertKommuneProjection(db, row(ars!, name!));
		}
		expect((await listKommunen(db)).map((k) => k.name)).toEqual([
			'Adendorf',
			'Ägypten-Test',
			'Bad Nenndorf',
			'braunschweig',
			'Osnabrück (Landkreis)'
		]);
	});

	it('finds a municipality by its ARS', async () => {
		await upsertKommuneProjection(db, row('032410001001', 'Hannover'));
		expect(await findKommune(db, '032410001001')).toMatchObject({ name: 'Hannover' });
		expect(await findKommune(db, '032410000000')).toBeUndefined();
	});

	it('does not rewrite a row whose content is unchanged', async () => {
		expect(await upsertKommuneProjection(db, row('032410001001', 'Hannover'))).toBe(true);
		expect(
			await upsertKommuneProjection(db, row('032410001001', 'Hannover', { updatedAt: 2 }))
		).toBe(false);
		expect(
			await upsertKommuneProjection(db, row('032410001001', 'Hannover', { population: 2 }))
		).toBe(true);
		expect(await findKommune(db, '032410001001')).toMatchObject({ population: 2 });
	});
});

describe('document bookkeeping and settings', () => {
	it('keeps each timestamp of a document independently', async () => {
		await recordDocumentOpened(db, 'kommune/032410001001/profile', 10);
		await recordConnected(db, 'kommune/032410001001/profile', 20);
		expect(await findDocumentRecord(db, 'kommune/032410001001/profile')).toEqual({
			name: 'kommune/032410001001/profile',
			lastOpenedAt: 10,
			lastLocalChangeAt: null,
			lastConnectedAt: 20
		});
	});

	it('stores and reads settings by key', async () => {
		expect(await getSetting(db, 'deviceName')).toBeUndefined();
		await setSetting(db, 'deviceName', 'Laptop Rathaus');
		expect(await getSetting<string>(db, 'deviceName')).toBe('Laptop Rathaus');
	});
});

describe('watchKommunen', () => {
	it('delivers the list now and again after a change', async () => {
		const seen: string[][] = [];
		const stop = watchKommunen(db, (rows) => seen.push(rows.map((r) => r.name)));
		await expect.poll(() => seen.length).toBe(1);
		await upsertKommuneProjection(db, row('032410001001', 'Hannover'));
		await expect.poll(() => seen.at(-1)).toEqual(['Hannover']);
		stop();
	});
});
