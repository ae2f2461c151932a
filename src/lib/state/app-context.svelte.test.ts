import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileFormInput } from '../domain/kommune-profile';
import { LOCAL_ONLY } from '../sync/token-source';
import { buildAppContext, type AppContext } from './app-context.svelte';

const ARS = '032520006006';
const form: ProfileFormInput = {
	ars: ARS,
	name: 'Hameln',
	type: 'stadt',
	landkreis: 'Landkreis Hameln-Pyrmont',
	population: '57.000',
	coreStaff: '',
	itStaffFte: '',
	itOperatingModel: ''
};

let app: AppContext | null = null;
let cleanup = () => {};

afterEach(async () => {
	cleanup();
	if (app) {
		app.dispose();
		await app.db.delete();
	}
	app = null;
});

describe('buildAppContext', () => {
	it('loads the document stack on first use; the list and the indicator follow what it does', async () => {
		const context = (app = buildAppContext({
			dbName: `app-context-${Math.random()}`,
			tokenSource: LOCAL_ONLY
		}));
		const seen: { names: string[]; open: number }[] = [];
		cleanup = $effect.root(() => {
			$effect(() => {
				seen.push({
					names: context.kommunen.items.map((k) => k.name),
					open: context.syncStatus.openDocuments
				});
			});
		});
		flushSync();
		await expect.poll(() => context.kommunen.loaded).toBe(true);
		expect(context.syncStatus.status).toBe('local');

		expect((await context.createKommune(form)).ok).toBe(true);
		await expect.poll(() => seen.at(-1)?.names).toEqual(['Hameln']);

		const editor = context.profileEditor(ARS);
		const stop = $effect.root(() => {
			$effect(() => {
				void editor.profile;
			});
		});
		flushSync();
		await expect.poll(() => editor.profile?.name).toBe('Hameln');
		await expect.poll(() => seen.at(-1)?.open).toBe(1);
		// Nothing reads the editor any more: its document closes.
		stop();
		await expect.poll(() => seen.at(-1)?.open).toBe(0);

		// One stack per context, however often it is asked for.
		expect(await context.loadDocumentServices()).toBe(await context.loadDocumentServices());
	});
});
