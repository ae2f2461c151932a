import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type KommunalwerkstattDb } from '../storage/db';
import { upsertKommuneProjection } from '../storage/kommunen';
import { KommunenList } from './kommunen-list.svelte';

let db: KommunalwerkstattDb;
let cleanup = () => {};

beforeEach(() => {
	db = openDatabase(`kommunen-list-${Math.random()}`);
});

afterEach(async () => {
	cleanup();
	db.close();
	await db.delete();
});

describe('KommunenList', () => {
	it('shows the empty state once loaded, then each municipality added, by name', async () => {
		const list = new KommunenList(db);
		const names: string[][] = [];
		cleanup = $effect.root(() => {
			$effect(() => {
				names.push(list.items.map((k) => k.name));
			});
		});
		flushSync();
		expect(list.loaded).toBe(false);
		await expect.poll(() => list.isEmpty).toBe(true);

		const base = { type: 'stadt', landkreis: 'X', population: 1, updatedAt: 1 } as const;
		await upsertKommuneProjection(db, { ...base, ars: '032520006006', name: 'Hameln' });
		await upsertKommuneProjection(db, { ...base, ars: '032410001001', name: 'Hannover' });
		await upsertKommuneProjection(db, { ...base, ars: '031010000000', name: 'Braunschweig' });

		await expect.poll(() => names.at(-1)).toEqual(['Braunschweig', 'Hameln', 'Hannover']);
		expect(list.isEmpty).toBe(false);
	});
});
