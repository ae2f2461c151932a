import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { profileDocName } from '../../domain/document-names';
import type { ProfileFormInput } from '../../domain/kommune-profile';
import { writeProfile } from '../../crdt/profile-doc';
import { ROOT_KEYS } from '../../crdt/schema';
import { openDatabase, type KommunalwerkstattDb } from '../../storage/db';
import { findKommune } from '../../storage/kommunen';
import { createDocumentRegistry, type DocumentRegistry } from '../../sync/document-registry';
import { localDatabaseName } from '../../sync/local-persistence';
import { openDocument } from '../../sync/open-document';
import { createProfileRepository, type ProfileRepository } from './profile-repository';
import { ProfileEditor } from './profile-editor.svelte';

const ARS = '032520006006';
const form = (overrides: Partial<ProfileFormInput> = {}): ProfileFormInput => ({
	ars: ARS,
	name: 'Hameln',
	type: 'stadt',
	landkreis: 'Landkreis Hameln-Pyrmont',
	population: '57.000',
	coreStaff: '',
	itStaffFte: '',
	itOperatingModel: '',
	...overrides
});

let db: KommunalwerkstattDb;
let cleanup = () => {};

beforeEach(() => {
	db = openDatabase(`profile-editor-${Math.random()}`);
});

afterEach(async () => {
	cleanup();
	cleanup = () => {};
	vi.restoreAllMocks();
	db.close();
	await db.delete();
});

const repositoryInTab = (
	registry: DocumentRegistry = createDocumentRegistry()
): ProfileRepository => createProfileRepository({ db, registry });

/** Reads the editor in an effect, as a page does; returns the teardown. */
const render = (editor: ProfileEditor): (() => void) => {
	const stop = $effect.root(() => {
		$effect(() => {
			void editor.profile;
		});
	});
	flushSync();
	return stop;
};

/** The subscriber's teardown runs a microtask after the last reader stops. */
const afterTeardown = () => new Promise<void>((resolve) => queueMicrotask(resolve));

const localDatabaseExists = async (ars: string) =>
	(await indexedDB.databases()).some((d) => d.name === localDatabaseName(profileDocName(ars)));

describe('ProfileEditor', () => {
	it('shows the stored profile, follows another tab, and returns field errors on save', async () => {
		const tabA = repositoryInTab();
		const tabB = repositoryInTab();
		const created = await tabA.createKommune(form());
		expect(created.ok).toBe(true);

		const editor = new ProfileEditor(tabA, ARS);
		const names: (string | undefined)[] = [];
		cleanup = $effect.root(() => {
			$effect(() => {
				names.push(editor.profile?.name);
			});
		});
		flushSync();
		await expect.poll(() => editor.loading).toBe(false);
		expect(editor.profile).toMatchObject({ name: 'Hameln', population: 57_000 });

		// Another tab (its own registry and Y.Doc) renames it; the relay brings the change here.
		expect((await tabB.saveProfile(ARS, form({ name: 'Stadt Hameln' }), ['name'])).ok).toBe(true);
		await expect.poll(() => names.at(-1)).toBe('Stadt Hameln');

		const invalid = await editor.save(form({ population: 'viele' }), ['population']);
		expect(invalid.ok).toBe(false);
		expect(editor.fieldErrors).toEqual({ population: 'number_invalid' });

		const saved = await editor.save(form({ name: 'Hameln', population: '58.000' }), [
			'name',
			'population'
		]);
		expect(saved.ok).toBe(true);
		expect(editor.fieldErrors).toEqual({});
		expect(await findKommune(db, ARS)).toMatchObject({ name: 'Hameln', population: 58_000 });
	});

	it('says notFound for a municipality that is not on this device, without opening or creating its document', async () => {
		const registry = createDocumentRegistry();
		const opened = vi.spyOn(registry, 'open');
		const editor = new ProfileEditor(repositoryInTab(registry), '034590000000');
		cleanup = render(editor);
		await expect.poll(() => editor.notFound).toBe(true);
		expect(editor.profile).toBeNull();
		expect(editor.error).toBeNull();
		expect(opened).not.toHaveBeenCalled();
		expect(await localDatabaseExists('034590000000')).toBe(false);
	});

	it('says code_load_failed when the document code does not load, and loads it on the next open', async () => {
		const ars = '032520006011';
		const repository = repositoryInTab();
		expect((await repository.createKommune(form({ ars }))).ok).toBe(true);
		const load = vi
			.fn<() => Promise<ProfileRepository>>()
			.mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
			.mockResolvedValue(repository);
		const editor = new ProfileEditor(load, ars);

		const stop = render(editor);
		await expect.poll(() => editor.error).toBe('code_load_failed');
		expect(editor.notFound).toBe(false);
		stop();
		await afterTeardown();

		cleanup = render(editor);
		await expect.poll(() => editor.profile?.name).toBe('Hameln');
		expect(editor.error).toBeNull();
	});

	it('answers a save with code_load_failed when the document code does not load', async () => {
		const ars = '032520006012';
		const editor = new ProfileEditor(() => Promise.reject(new TypeError('offline')), ars);
		expect(await editor.save(form(), ['name'])).toEqual({
			ok: false,
			reason: 'code_load_failed',
			errors: {},
			formError: 'code_load_failed'
		});
	});

	it('says malformed, not notFound, for a profile that does not validate, and repairs it on save', async () => {
		const ars = '032520006013';
		const repository = repositoryInTab();
		expect((await repository.createKommune(form({ ars }))).ok).toBe(true);
		const otherTab = await openDocument(profileDocName(ars));
		otherTab.doc.getMap(ROOT_KEYS.profile).set('population', 'viele');
		await otherTab.whenStored();
		await otherTab.close();

		const editor = new ProfileEditor(repository, ars);
		cleanup = render(editor);
		await expect.poll(() => editor.malformed).toBe(true);
		expect(editor.notFound).toBe(false);
		expect(editor.profile).toBeNull();

		const result = await editor.save(form({ ars, population: '57.500' }), []);
		expect(result.ok).toBe(true);
		await expect.poll(() => editor.malformed).toBe(false);
		expect(editor.profile).toMatchObject({ name: 'Hameln', population: 57_500 });
	});

	it('says a storage error, never notFound, when opening the document fails', async () => {
		const ars = '032520006015';
		const registry = createDocumentRegistry();
		const repository = repositoryInTab(registry);
		expect((await repository.createKommune(form({ ars }))).ok).toBe(true);
		vi.spyOn(registry, 'open').mockRejectedValue(
			new DOMException('The quota has been exceeded.', 'QuotaExceededError')
		);
		// Also when the repository lets a raw error through.
		vi.spyOn(repository, 'openProfile').mockRejectedValueOnce(new TypeError('boom'));

		const first = new ProfileEditor(repository, ars);
		cleanup = render(first);
		await expect.poll(() => first.loading).toBe(false);
		expect(first.error).toBe('storage_timeout');
		expect(first.notFound).toBe(false);
		cleanup();

		vi.mocked(repository.openProfile).mockRestore();
		const second = new ProfileEditor(repository, ars);
		cleanup = render(second);
		await expect.poll(() => second.loading).toBe(false);
		expect(second.error).toBe('storage_timeout');
		expect(second.notFound).toBe(false);
	});

	it('keeps showing a rename another tab made while its save waited for storage', async () => {
		const ars = '032520006016';
		const registry = createDocumentRegistry();
		const repository = repositoryInTab(registry);
		expect((await repository.createKommune(form({ ars }))).ok).toBe(true);
		let renameDuringWait = false;
		const realOpen = registry.open.bind(registry);
		vi.spyOn(registry, 'open').mockImplementation(async (name) => {
			const handle = await realOpen(name);
			return {
				...handle,
				whenStored: () => {
					if (renameDuringWait) {
						renameDuringWait = false;
						// The rename arrives (relay or server) while this tab waits for IndexedDB.
						writeProfile(handle.doc, { name: 'Stadt Hameln' });
					}
					return handle.whenStored();
				},
				close: () => handle.close()
			};
		});
		const editor = new ProfileEditor(repository, ars);
		cleanup = render(editor);
		await expect.poll(() => editor.profile?.name).toBe('Hameln');

		renameDuringWait = true;
		expect((await editor.save(form({ ars, population: '58.000' }), ['population'])).ok).toBe(true);
		expect(editor.profile).toMatchObject({ name: 'Stadt Hameln', population: 58_000 });
	});

	it('closes its document once, however it is released', async () => {
		const ars = '032520006014';
		const repository = repositoryInTab();
		expect((await repository.createKommune(form({ ars }))).ok).toBe(true);
		const errors = vi.spyOn(console, 'error');
		const warnings = vi.spyOn(console, 'warn');
		const editor = new ProfileEditor(repository, ars);
		const stop = render(editor);
		await expect.poll(() => editor.profile?.name).toBe('Hameln');

		editor.close();
		stop();
		await afterTeardown();
		expect(errors).not.toHaveBeenCalled();
		expect(warnings).not.toHaveBeenCalled();
	});
});
