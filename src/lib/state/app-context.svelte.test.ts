import Dexie from 'dexie';
import { flushSync } from 'svelte';
import type * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProfileFormInput } from '../domain/kommune-profile';
import { addActionField } from '../crdt/workshop-action-fields';
import { readRoster } from '../crdt/workshop-doc';
import { addMeasure } from '../crdt/workshop-measures';
import { measureFixture } from '../crdt/workshop-measures.fixture';
import { workshopBoardDocName } from '../domain/document-names';
import type { JoinResponse } from '../contract/protocol';
import { openDatabase } from '../storage/db';
import type { TokenSource } from '../sync/token-source';
import { writeDocument } from '../sync/write-document';
import { buildAppContext, type AppContext } from './app-context.svelte';
import { keepJoinedCredential } from './joining/keep-credential';

/** This device is not the owner: every document stays local. */
const localOnly: TokenSource = {
	state: 'denied',
	getToken: () => Promise.resolve(null),
	invalidate: () => {}
};

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
let dbName = '';
let cleanup = () => {};

afterEach(async () => {
	cleanup();
	if (app) {
		await app.dispose();
		await Dexie.delete(dbName);
	}
	app = null;
});

/** A fresh device: the app's database under a name of its own. */
function freshDatabaseName(): string {
	dbName = `app-context-${Math.random()}`;
	return dbName;
}

/** Writes to a document as another part of the app would: through the document registry. */
async function writeTo(context: AppContext, name: string, change: (doc: Y.Doc) => void) {
	const { documents } = await context.loadDocumentServices();
	const written = await writeDocument(documents, name, change);
	return written.ok ? null : written.error;
}

describe('buildAppContext', () => {
	it('uploads photos taken while no server answered as soon as the app starts, on any page', async () => {
		const name = freshDatabaseName();
		const board = workshopBoardDocName(ARS, 'w1');
		const sha256 = 'a'.repeat(64);
		const db = openDatabase(name);
		await db.blobs.put({
			sha256,
			board,
			mediaType: 'image/jpeg',
			bytes: Uint8Array.of(0xff, 0xd8, 0xff, 0xd9),
			createdAt: 1,
			laptopAt: null,
			centralAt: null,
			laptopRefusal: null
		});
		db.close();
		const puts: string[] = [];
		vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
			if (init?.method !== 'PUT') throw new TypeError('offline');
			puts.push(`${url} ${new Headers(init.headers).get('authorization')}`);
			return Response.json({ sha256, mediaType: 'image/jpeg', bytes: 4 });
		});
		cleanup = () => vi.unstubAllGlobals();
		const owner: TokenSource = {
			state: 'available',
			getToken: () => Promise.resolve('owner-token'),
			invalidate: () => {}
		};

		// No workshop is opened: the start page alone.
		app = buildAppContext({ dbName: name, tokenSource: owner });

		await expect
			.poll(() => puts)
			.toEqual([`/api/blobs/${sha256}?doc=${encodeURIComponent(board)} Bearer owner-token`]);
		const check = openDatabase(name);
		await expect
			.poll(async () => (await check.blobs.get(sha256))?.laptopAt)
			.toEqual(expect.any(Number));
		check.close();
	});

	it('loads the document stack on first use; the list and the indicator follow what it does', async () => {
		const context = (app = buildAppContext({
			dbName: freshDatabaseName(),
			tokenSource: localOnly
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

		const editor = (await context.municipality(ARS)).profile;
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

	it('closes the open documents when disposed', async () => {
		const context = (app = buildAppContext({
			dbName: freshDatabaseName(),
			tokenSource: localOnly
		}));
		expect((await context.createKommune({ ...form, ars: '032520006001' })).ok).toBe(true);
		const editor = (await context.municipality('032520006001')).profile;
		cleanup = $effect.root(() => {
			$effect(() => {
				void editor.profile;
			});
		});
		flushSync();
		await expect.poll(() => editor.profile?.name).toBe('Hameln');
		const { documents } = await context.loadDocumentServices();
		expect(documents.openNames).toHaveLength(1);

		await context.dispose();
		expect(documents.openNames).toEqual([]);
	});

	it('gives a device the laptop server refuses the owner token no facilitator tools, and a participant code the participant’s', async () => {
		const context = (app = buildAppContext({
			dbName: freshDatabaseName(),
			tokenSource: localOnly
		}));
		expect(await context.viewer.whenKnown()).toBe(false);
		const projector = await context.workshop(ARS, 'w1');
		await expect.poll(() => projector.role).toEqual({ kind: 'onlooker' });
		expect(projector.cards?.canWrite).toBe(false);

		const joined: JoinResponse = {
			token: 't',
			expiresAt: Date.now() + 3_600_000,
			kind: 'teilnahme',
			role: 'teilnahme',
			sub: 'p-1',
			deviceId: 'd-1',
			docs: [],
			ars: ARS,
			workshop: 'w2',
			round: null,
			respondent: null,
			label: '',
			displayName: 'Anna'
		};
		const db = openDatabase(dbName);
		await keepJoinedCredential(db, joined, (name, change) => writeTo(context, name, change));
		db.close();
		const participant = await context.workshop(ARS, 'w2');
		await expect
			.poll(() => participant.role)
			.toEqual({
				kind: 'participant',
				participantId: 'p-1',
				displayName: 'Anna'
			});
		expect(participant.cards?.canWrite).toBe(true);
		expect(participant.cards?.isModeration).toBe(false);
		// Joining put the participant's name into the workshop's roster on this device.
		const { documents } = await context.loadDocumentServices();
		const board = await documents.open(workshopBoardDocName(ARS, 'w2'));
		expect(readRoster(board.doc).map((entry) => entry.name)).toEqual(['Anna']);
		await board.close();
	});

	it('opens the municipality’s plan with the measures of its workshops, read-only on a device that does not facilitate them', async () => {
		const context = (app = buildAppContext({
			dbName: freshDatabaseName(),
			tokenSource: localOnly
		}));
		const ars = '032520006002';
		expect((await context.createKommune({ ...form, ars })).ok).toBe(true);
		const workshop = await (await context.municipality(ars)).createWorkshop('Auftakt', '');
		if (!workshop.ok) throw new Error(workshop.error);
		expect(
			await writeTo(context, workshopBoardDocName(ars, workshop.value.id), (doc) => {
				const field = { id: 'hf.daten', title: 'Daten nutzen', order: 'a0', createdAt: 1 };
				addActionField(doc, { ...field, dimensions: ['daten'] });
				addMeasure(
					doc,
					measureFixture({
						id: 'm1',
						actionFieldId: field.id,
						title: 'Datenkatalog anlegen',
						order: 'a0'
					})
				);
			})
		).toBeNull();

		const plan = await context.plan(ars);
		cleanup = $effect.root(() => {
			$effect(() => {
				void plan.entries;
			});
		});
		flushSync();
		await expect
			.poll(() => plan.entries.map((e) => [e.workshopTitle, e.fieldTitle, e.measure.title]))
			.toEqual([['Auftakt', 'Daten nutzen', 'Datenkatalog anlegen']]);
		expect(await plan.setStatus(workshop.value.id, 'm1', 'umgesetzt')).toEqual({
			ok: false,
			error: 'read_only'
		});
	});
});
