import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileFormInput } from '../domain/kommune-profile';
import { openDatabase, type KommunalwerkstattDb } from '../storage/db';
import { findKommune } from '../storage/kommunen';
import { createDocumentRegistry } from '../sync/document-registry';
import { createProfileRepository, type ProfileRepository } from '../sync/profile-repository';
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
	db.close();
	await db.delete();
});

const repositoryInTab = (): ProfileRepository =>
	createProfileRepository({ db, registry: createDocumentRegistry() });

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
		expect((await tabB.saveProfile(ARS, form({ name: 'Stadt Hameln' }))).ok).toBe(true);
		await expect.poll(() => names.at(-1)).toBe('Stadt Hameln');

		const invalid = await editor.save(form({ population: 'viele' }));
		expect(invalid.ok).toBe(false);
		expect(editor.fieldErrors).toEqual({ population: 'number_invalid' });

		const saved = await editor.save(form({ name: 'Hameln', population: '58.000' }));
		expect(saved.ok).toBe(true);
		expect(editor.fieldErrors).toEqual({});
		expect(await findKommune(db, ARS)).toMatchObject({ name: 'Hameln', population: 58_000 });
	});

	it('says notFound for a municipality that is not on this device', async () => {
		const editor = new ProfileEditor(repositoryInTab(), '034590000000');
		cleanup = $effect.root(() => {
			$effect(() => {
				void editor.profile;
			});
		});
		flushSync();
		await expect.poll(() => editor.notFound).toBe(true);
		expect(editor.profile).toBeNull();
		expect(editor.error).toBeNull();
	});
});
