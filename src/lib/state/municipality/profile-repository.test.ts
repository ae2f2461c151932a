import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { ProfileFormInput } from '../../domain/kommune-profile';
import { profileDocName } from '../../domain/document-names';
import { readProfile, writeProfile } from '../../crdt/profile-doc';
import { ROOT_KEYS } from '../../crdt/schema';
import { openDatabase, type KommunalwerkstattDb } from '../../storage/db';
import { findKommune, listKommunen, upsertKommuneProjection } from '../../storage/kommunen';
import { createDocumentRegistry } from '../../sync/document-registry';
import { DocumentError } from '../../sync/document-status';
import { localDatabaseName } from '../../sync/local-persistence';
import { openDocument } from '../../sync/open-document';
import { createProfileRepository, type ProfileRepository } from './profile-repository';
import { failWritesTo } from '../../sync/test-support';

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

/** Sends each document what the other lacks, as the relay or the server would. */
const exchange = (a: Y.Doc, b: Y.Doc) => {
	const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
	const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
	Y.applyUpdate(b, toB);
	Y.applyUpdate(a, toA);
};

const localDatabaseExists = async (ars: string) =>
	(await indexedDB.databases()).some((d) => d.name === localDatabaseName(profileDocName(ars)));

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
		const result = await repository.saveProfile(
			ars,
			landkreisForm(ars, { population: '130.000' }),
			['population']
		);
		expect(result).toMatchObject({ ok: true, profile: { population: 130_000 } });
		expect(await findKommune(db, ars)).toMatchObject({ population: 130_000 });
	});

	it.each([
		['after the rename reached it', true],
		['before the rename reached it', false]
	])(
		'keeps a rename from another tab when a stale form saves only the population, %s',
		async (_, renameArrivedFirst) => {
			const ars = nextArs();
			await repository.createKommune(landkreisForm(ars));
			// Two tabs without a relay: the test decides when their updates meet.
			const tabA = createProfileRepository({
				db,
				registry: createDocumentRegistry({ relay: false })
			});
			const tabB = createProfileRepository({
				db,
				registry: createDocumentRegistry({ relay: false })
			});
			const a = (await tabA.openProfile(ars))!;
			const b = (await tabB.openProfile(ars))!;
			const staleFormOfB = landkreisForm(ars);

			const renamed = await a.save(landkreisForm(ars, { name: 'Landkreis Umbenannt' }), ['name']);
			expect(renamed.ok).toBe(true);
			if (renameArrivedFirst) exchange(a.handle.doc, b.handle.doc);
			const saved = await b.save({ ...staleFormOfB, population: '130.000' }, ['population']);
			expect(saved.ok).toBe(true);
			exchange(a.handle.doc, b.handle.doc);

			for (const tab of [a, b]) {
				expect(tab.read().profile).toMatchObject({
					name: 'Landkreis Umbenannt',
					population: 130_000
				});
			}
			await a.close();
			await b.close();
		}
	);

	it('writes nothing when no field changed, whatever the form holds (S13)', async () => {
		const ars = nextArs();
		await repository.createKommune(landkreisForm(ars));
		const session = (await repository.openProfile(ars))!;
		const updates = vi.fn();
		session.handle.doc.on('update', updates);

		const result = await repository.saveProfile(ars, landkreisForm(ars, { name: 'Anders' }), []);
		expect(result).toMatchObject({ ok: true, profile: { name: 'Landkreis Testfeld' } });
		expect(updates).not.toHaveBeenCalled();
		await session.close();
	});

	it('validates the changed fields together with the stored ones', async () => {
		const ars = nextArs();
		await repository.createKommune(landkreisForm(ars));
		// A stale, invalid value in a field the user did not touch is not saved and not reported.
		const result = await repository.saveProfile(
			ars,
			landkreisForm(ars, { population: 'viele', coreStaff: '-1' }),
			['coreStaff']
		);
		expect(result).toEqual({
			ok: false,
			reason: 'invalid',
			errors: { coreStaff: 'number_too_small' }
		});
	});

	it('puts a type that does not fit the ARS on the type field', async () => {
		const ars = nextArs();
		await repository.createKommune(landkreisForm(ars));
		expect(
			await repository.saveProfile(ars, landkreisForm(ars, { type: 'stadt', landkreis: 'X' }), [
				'type',
				'landkreis'
			])
		).toEqual({
			ok: false,
			reason: 'invalid',
			errors: { type: 'ars_structure_type' }
		});
	});

	it('keeps the ARS of the document whatever the form says', async () => {
		const ars = nextArs();
		await repository.createKommune(landkreisForm(ars));
		const result = await repository.saveProfile(ars, landkreisForm('031010000000'), [
			'ars',
			'name'
		]);
		expect(result).toMatchObject({ ok: true, profile: { ars } });
	});

	it('repairs a malformed profile by saving every field of the form', async () => {
		const ars = nextArs();
		await repository.createKommune(landkreisForm(ars));
		const session = (await repository.openProfile(ars))!;
		session.handle.doc.getMap(ROOT_KEYS.profile).set('population', 'viele');
		expect(session.read()).toMatchObject({ profile: null, malformed: true });

		const result = await session.save(landkreisForm(ars, { population: '99.000' }), []);
		expect(result).toMatchObject({ ok: true, profile: { population: 99_000 } });
		expect(session.read()).toMatchObject({ malformed: false, profile: { population: 99_000 } });
		await session.close();
	});

	it('reports storage_write_failed, and claims nothing in the start-page row, when the write fails', async () => {
		const ars = nextArs();
		await repository.createKommune(landkreisForm(ars));
		const session = (await repository.openProfile(ars))!;
		failWritesTo(localDatabaseName(profileDocName(ars)));
		expect(
			await session.save(landkreisForm(ars, { population: '130.000' }), ['population'])
		).toEqual({
			ok: false,
			reason: 'storage_write_failed',
			errors: {},
			formError: 'storage_write_failed'
		});
		expect(await findKommune(db, ars)).toMatchObject({ population: 123_456 });
		await session.close();
	});

	it('returns and projects the profile as stored, with a rename another tab made while the save waited for storage', async () => {
		const ars = nextArs();
		await repository.createKommune(landkreisForm(ars));
		const registry = createDocumentRegistry({ relay: false });
		const realOpen = registry.open.bind(registry);
		vi.spyOn(registry, 'open').mockImplementation(async (name) => {
			const handle = await realOpen(name);
			return {
				...handle,
				whenStored: () => {
					// The rename arrives (relay or server) while this tab waits for IndexedDB.
					writeProfile(handle.doc, { name: 'Landkreis Umbenannt' });
					return handle.whenStored();
				},
				close: () => handle.close()
			};
		});
		const tab = createProfileRepository({ db, registry, now: () => 5_000 });

		const result = await tab.saveProfile(ars, landkreisForm(ars, { population: '130.000' }), [
			'population'
		]);
		expect(result).toMatchObject({
			ok: true,
			profile: { name: 'Landkreis Umbenannt', population: 130_000 }
		});
		expect(await findKommune(db, ars)).toMatchObject({
			name: 'Landkreis Umbenannt',
			population: 130_000
		});
	});

	it('reports a storage failure, not a crash, when opening the document fails with a raw error', async () => {
		const registry = createDocumentRegistry({ relay: false });
		const tab = createProfileRepository({ db, registry });
		const ars = nextArs();
		await tab.createKommune(landkreisForm(ars));
		vi.spyOn(registry, 'open').mockRejectedValue(
			new DOMException('The quota has been exceeded.', 'QuotaExceededError')
		);
		expect(await tab.saveProfile(ars, landkreisForm(ars), ['name'])).toEqual({
			ok: false,
			reason: 'storage_timeout',
			errors: {},
			formError: 'storage_timeout'
		});
		const error = await tab.openProfile(ars).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DocumentError);
		expect((error as DocumentError).code).toBe('storage_timeout');
	});

	it('does not create a municipality that does not exist, nor its database', async () => {
		const ars = nextArs();
		expect(await repository.saveProfile(ars, landkreisForm(ars), ['name'])).toEqual({
			ok: false,
			reason: 'not_found',
			errors: {},
			formError: 'not_found'
		});
		expect(await localDatabaseExists(ars)).toBe(false);
	});
});

describe('openProfile', () => {
	it('updates the start-page row when another tab changes the open profile (S11)', async () => {
		const ars = nextArs();
		await repository.createKommune(landkreisForm(ars));
		await upsertKommuneProjection(db, { ...(await findKommune(db, ars))!, name: 'stale' });

		const tabA = (await createProfileRepository({
			db,
			registry: createDocumentRegistry()
		}).openProfile(ars))!;
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

	it('opens nothing, and creates no database, for an unknown municipality (S14)', async () => {
		const ars = nextArs();
		expect(await repository.openProfile(ars)).toBeNull();
		expect(await localDatabaseExists(ars)).toBe(false);
	});

	it('opens a stored profile whose start-page row was lost, and restores the row', async () => {
		const ars = nextArs();
		await repository.createKommune(landkreisForm(ars));
		await db.kommunen.clear();
		const session = await repository.openProfile(ars);
		expect(session?.read().profile).toMatchObject({ name: 'Landkreis Testfeld' });
		await expect.poll(async () => (await findKommune(db, ars))?.name).toBe('Landkreis Testfeld');
		await session?.close();
	});
});
