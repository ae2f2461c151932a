import { memoryDraftStore } from './draft-test-support';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { readCards } from '../../crdt/workshop-cards';
import { workshopBoardDocName } from '../../domain/document-names';
import { createDocumentRegistry } from '../../sync/document-registry';
import type { DocumentHandle } from '../../sync/open-document';
import { appErrorMessage } from '../app-error';
import { Clock } from '../clock.svelte';
import { NO_PHOTO_BLOBS } from '../test-documents.svelte';
import type { WorkshopRole } from '../viewer.svelte';
import { WorkshopWorkspace } from './workshop-workspace.svelte';

let stops: Array<() => void> = [];
afterEach(() => {
	for (const stop of stops) stop();
	stops = [];
});

const ARS = '032520006006';

let counter = 0;

function workspaceOn(open: (name: string) => Promise<DocumentHandle>, role: WorkshopRole) {
	return new WorkshopWorkspace({
		ars: ARS,
		workshop: `w-${Date.now()}-${counter++}`,
		open,
		role: async () => role,
		clock: new Clock(async () => null),
		photoBlobs: NO_PHOTO_BLOBS,
		admittedParticipants: async () => [],
		drafts: memoryDraftStore()
	});
}

/** Renders what a page shows of the workspace, as the card page does. */
function show(read: () => unknown) {
	stops.push(
		$effect.root(() => {
			$effect(() => {
				void read();
			});
		})
	);
	flushSync();
}

describe('WorkshopWorkspace', () => {
	it('edits a card in the board it already holds: one opening of each document, the new text stored on this device', async () => {
		const registry = createDocumentRegistry({ relay: false });
		const opened: string[] = [];
		const workspace = workspaceOn(
			(name) => {
				opened.push(name);
				return registry.open(name);
			},
			{ kind: 'facilitator' }
		);
		await expect.poll(() => workspace.cards).not.toBeNull();
		const cards = workspace.cards!;
		show(() => [cards.loading, cards.view('b1'), workspace.roster.value, workspace.notes?.loading]);
		await expect.poll(() => cards.loading).toBe(false);

		expect(await cards.addCard('b1', 'Bürgerportal ausbauen')).toBeNull();
		const [card] = cards.view('b1').unclustered;
		expect(await cards.editCard(card!.id, '  Bürgerportal   ausbauen und bewerben ')).toBeNull();
		expect(await cards.editCard(card!.id, '')).toBe('card_empty');

		const board = workshopBoardDocName(ARS, workspace.workshop);
		expect(opened.filter((name) => name === board)).toHaveLength(1);
		const reader = await registry.open(board);
		expect(readCards(reader.doc).cards.map((c) => c.text)).toEqual([
			cards.view('b1').unclustered[0]!.text
		]);
		expect(cards.view('b1').unclustered[0]!.text).toContain('bewerben');
		await reader.close();
		for (const stop of stops) stop();
		stops = [];
		await registry.close();
	});

	it('reports a part of the app that did not load as that, in German, not as the storage timeout', async () => {
		const chunkMissing = (): Promise<DocumentHandle> =>
			Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
		const workspace = workspaceOn(chunkMissing, { kind: 'facilitator' });
		await expect.poll(() => workspace.cards).not.toBeNull();
		const cards = workspace.cards!;

		expect(await cards.reveal('b1')).toBe(false);
		expect(cards.writeError).toBe('code_load_failed');
		expect(appErrorMessage(cards.writeError!)).toBe(
			'Ein Teil der Anwendung konnte nicht geladen werden. Bitte laden Sie die Seite neu; Ihre gespeicherten Daten bleiben erhalten.'
		);
		expect(await cards.startPrivatePhase('b1')).toBe(false);
		expect(cards.writeError).toBe('code_load_failed');
	});

	it("gives a participant their own private document and a projector's device no writes", async () => {
		const registry = createDocumentRegistry({ relay: false });
		const participant = workspaceOn((name) => registry.open(name), {
			kind: 'participant',
			participantId: 'p-1',
			displayName: 'Anna'
		});
		await expect.poll(() => participant.cards).not.toBeNull();
		expect(participant.cards!.canWrite).toBe(true);
		expect(participant.cards!.isModeration).toBe(false);
		expect(participant.matrix!.canScore).toBe(true);

		const projector = workspaceOn((name) => registry.open(name), { kind: 'onlooker' });
		await expect.poll(() => projector.cards).not.toBeNull();
		expect(projector.cards!.canWrite).toBe(false);
		expect(projector.actionFields!.canWrite).toBe(false);
		expect(projector.matrix!.canScore).toBe(false);
		await registry.close();
	});
});
