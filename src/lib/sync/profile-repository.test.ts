import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProfileFormInput } from '../domain/kommune-profile';
import { profileDocName } from '../domain/document-names';
import { readProfile, writeProfile } from '../crdt/profile-doc';
import { openDatabase, type KommunalwerkstattDb } from '../storage/db';
import { findKommune, listKommunen, upsertKommuneProjection } from '../storage/kommunen';
import { createDocumentRegistry } from './document-registry';
import { openDocument } from './open-document';
import { createProfileRepository, type ProfileRepository } from './profile-repository';

// Each test uses its own Kreis key (031 51 … 031 99), so no two tests share a profile document.
let kreis = 151;
const nextArs = () => `03${kreis++}0000000`;

const landkreisForm = (
	ars: string,
	overrides: Partial<ProfileFormInput> = {}
): ProfileFormInput => ({
	ars,
	name: 'Landkreis Testfeld',
	type: 'landkreis',
	landkreis: '',
	population: '123.456',
	coreStaff: '900',
	itStaffFte: '14,5',
	itOperatingModel: 'kommunaler_it_dienstleister',
	...overrides
});

let db: KommunalwerkstattDb;
let repository: ProfileRepository;

beforeEach(() => {
	db = openDatabase(`profile-repo-${Math.random()}`);
	repository = createProfileRepository({
		db,
		registry: createDocumentRegistry({ relay: false }),
		now: () => 5_000
	});
});

afterEach(async () => {
	vi.restoreAllMocks();
	db.close();
	await db.delete();
});

describe('createKommune', () => {
	it('stores the profile document and the start-page row (S11)', async () => {
		const ars = nextArs();
		const result = await repository.createKommune(landkreisForm(ars));
		expect(result).toMatchObject({ ok: true, ars, profile: { ars, population: 123_456 } });
		expect(await findKommune(db, ars)).toEqual({
			ars,
			name: 'Landkreis Testfeld',
			type: 'landkreis',
			landkreis: null,
			population: 123_456,
			updatedAt: 5_000
		});
		// A fresh session (as after a reload) reads the stored document.
		const reloaded = await openDocument(profileDocName(ars), { relay: false });
		expect(readProfile(reloaded.doc).profile).toMatchObject({ name: 'Landkreis Testfeld' });
		await reloaded.close();
	});

	it('saves nothing when a field is invalid', async () => {
		const ars = nextArs();
		const result = await repository.createKommune(landkreisForm(ars, { population: '0' }));
		expect(result).toEqual({
			ok: false,
			reason: 'invalid',
			errors: { population: 'number_too_small' }
		});
		expect(await listKommunen(db)).toEqual([]);
		const doc = await openDocument(profileDocName(ars), { relay: false });
		expect(doc.doc.getMap('profile').size).toBe(0);
		await doc.close();
	});

	it('refuses a second municipality with the same ARS and names the first (S12)', async () => {
		const ars = nextArs();
		await repository.createKommune(landkreisForm(ars));
		const result = await repository.createKommune(landkreisForm(ars, { name: 'Zweiter' }));
		expect(result).toEqual({
			ok: false,
			reason: 'duplicate',
			errors: { ars: 'ars_duplicate' },
			duplicate: { ars, name: 'Landkreis Testfeld' }
		});
	});

	it('refuses a duplicate whose start-page row was lost, and restores the row (S12)', async () => {
		const ars = nextArs();
		await repository.createKommune(landkreisForm(ars));
		await db.kommunen.clear();
		const result = await repository.createKommune(landkreisForm(ars, { name: 'Zweiter' }));
		expect(result).toMatchObject({
			reason: 'duplicate',
			duplicate: { name: 'Landkreis Testfeld' }
		});
		expect(await findKommune(db, ars)).toMatchObject({ name: 'Landkreis Testfeld' });
	});

	it('reports storage_timeout when IndexedDB does not answer', async () => {
		const slow = createProfileRepository({
			db,
			registry: createDocumentRegistry({ relay: false, timeoutMs: 30 })
		});
		const ars = nextArs();
		const realOpen = indexedDB.open.bind(indexedDB);
		vi.spyOn(indexedDB, 'open').mockImplementation((name, version) =>
			name === profileDocName(ars) ? ({} as IDBOpenDBRequest) : realOpen(name, version)
		);
		expect(await slow.createKommune(landkreisForm(ars))).toEqual({
			ok: false,
			reason: 'storage_timeout',
			errors: {},
			formError: 'storage_timeout'
		});
		expect(await findKommune(db, ars)).toBeUndefined();
	});
});

describe('saveProfile', () => {
	it('changes the document and the start-page row (S11)', async () => {
		const ars = nextArs();
		await repository.createKommune(landkreisForm(ars));
		const result = await repository.saveProfile(ars, landkreisForm(ars, { population: '130.000' }));
		expect(result).toMatchObject({ ok: true, profile: { population: 130_000 } });
		expect(await findKommune(db, ars)).toMatchObject({ population: 130_000 });
	});

	it('puts a type that does not fit the ARS on the type field', async () => {
		const ars = nextArs();
		await repository.createKommune(landkreisForm(ars));
		expect(
			await repository.saveProfile(ars, landkreisForm(ars, { type: 'stadt', landkreis: 'X' }))
		).toEqual({
			ok: false,
			reason: 'invalid',
			errors: { type: 'ars_structure_type' }
		});
	});

	it('keeps the ARS of the document whatever the form says', async () => {
		const ars = nextArs();
		await repository.createKommune(landkreisForm(ars));
		const result = await repository.saveProfile(ars, landkreisForm('031010000000'));
		expect(result).toMatchObject({ ok: true, profile: { ars } });
	});

	it('does not create a municipality that does not exist', async () => {
		expect(await repository.saveProfile(nextArs(), landkreisForm('x'))).toEqual({
			ok: false,
			reason: 'not_found',
			errors: {},
			formError: 'not_found'
		});
	});
});

describe('openProfile', () => {
	it('updates the start-page row when another tab changes the open profile (S11)', async () => {
		const ars = nextArs();
		await repository.createKommune(landkreisForm(ars));
		await upsertKommuneProjection(db, { ...(await findKommune(db, ars))!, name: 'stale' });

		const tabA = await createProfileRepository({
			db,
			registry: createDocumentRegistry()
		}).openProfile(ars);
		const seen = vi.fn();
		tabA.subscribe(seen);
		// Opening repairs the stale row from the document.
		await expect.poll(async () => (await findKommune(db, ars))?.name).toBe('Landkreis Testfeld');

		const tabB = await openDocument(profileDocName(ars));
		const current = readProfile(tabB.doc).profile!;
		const { ags: _ags, ...fields } = current;
		writeProfile(tabB.doc, { ...fields, name: 'Landkreis Umbenannt' });

		await expect.poll(async () => (await findKommune(db, ars))?.name).toBe('Landkreis Umbenannt');
		expect(tabA.read().profile?.name).toBe('Landkreis Umbenannt');
		expect(seen).toHaveBeenCalled();
		await tabB.close();
		await tabA.close();
	});
});
