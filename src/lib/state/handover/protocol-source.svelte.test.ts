// The protocol read from a workshop page's own WorkshopWorkspace: documents written with the app's
// writers (a small day by hand, and the generated full day of the demo), opened by the workspace as a
// page opens them, mapped to the builder's input and built.
import { memoryDraftStore } from '../workshop/draft-test-support';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeBlocks } from '../../crdt/workshop-agenda';
import { addCard, addCluster, setMergedInto } from '../../crdt/workshop-cards';
import { checkInParticipant, writeWorkshopInfo, writeWorkshopPlan } from '../../crdt/workshop-doc';
import { addNote } from '../../crdt/workshop-notes';
import { setCurrentBlock } from '../../crdt/workshop-run';
import { giveDot, writeVoting } from '../../crdt/workshop-votes';
import { writeScore } from '../../crdt/workshop-matrix';
import { buildWorkshopProtocol } from '../../domain/documents/workshop-protocol';
import type { ReportDocument, ReportTable } from '../../domain/documents/report-document';
import { workshopBoardDocName, workshopControlDocName } from '../../domain/document-names';
import { Clock } from '../clock.svelte';
import { handleOn, NO_PHOTO_BLOBS, render, unrender } from '../test-documents.svelte';
import { WorkshopWorkspace } from '../workshop/workshop-workspace.svelte';
import { protocolInput } from './protocol-source';

afterEach(unrender);

const ARS = '033510006006';
const WORKSHOP = 'w1';

/** The facilitator's workspace over the two documents, read as the protocol page reads it. */
async function workspaceOver(control: Y.Doc, board: Y.Doc): Promise<WorkshopWorkspace> {
	const docs = new Map([
		[workshopControlDocName(ARS, WORKSHOP), control],
		[workshopBoardDocName(ARS, WORKSHOP), board]
	]);
	const workspace = new WorkshopWorkspace({
		ars: ARS,
		workshop: WORKSHOP,
		open: async (name) => handleOn(docs.get(name)!),
		role: async () => ({ kind: 'facilitator' }),
		clock: new Clock(async () => null),
		photoBlobs: NO_PHOTO_BLOBS,
		admittedParticipants: async () => [],
		drafts: memoryDraftStore()
	});
	await expect.poll(() => workspace.measures).not.toBeNull();
	const read = () => [
		workspace.control.loading,
		workspace.cards!.loading,
		workspace.voting!.loading,
		workspace.matrix!.loading,
		workspace.measures!.loading,
		workspace.notes!.loading,
		workspace.roster.loading
	];
	render(read);
	await expect.poll(() => read().some(Boolean)).toBe(false);
	return workspace;
}

const tables = (doc: ReportDocument) =>
	doc.blocks.filter((b): b is ReportTable => b.kind === 'table');
const table = (doc: ReportDocument, sheet: string) =>
	tables(doc).find((t) => t.sheetName === sheet);

describe('the protocol read from a workshop page', () => {
	it('maps a small day written by hand: times, cards with merges, notes, vote, matrix, and only a count of people', async () => {
		const control = new Y.Doc();
		const board = new Y.Doc();
		writeWorkshopInfo(control, { title: 'Strategietag', date: '2027-03-14' });
		writeWorkshopPlan(control, {
			place: 'Rathaus',
			startMinutes: 9 * 60,
			facilitators: 'Carla Schmidt; Dieter Meier,\n'
		});
		writeBlocks(control, [
			{ id: 'k', title: 'Karten', method: 'kartenabfrage', durationMinutes: 30, order: 'a0' },
			{ id: 'p', title: 'Punkte', method: 'punktabfrage', durationMinutes: 20, order: 'a1' },
			{ id: 'm', title: 'Matrix', method: 'matrix', durationMinutes: 30, order: 'a2' }
		]);
		// On this device's clock: the cards started at 9:02 and ran until 9:37, seven minutes late;
		// the vote runs since.
		setCurrentBlock(control, 'k', new Date(2027, 2, 14, 9, 2).getTime());
		setCurrentBlock(control, 'p', new Date(2027, 2, 14, 9, 37).getTime());
		checkInParticipant(board, 'P0000000000000000000000001', 'Anna Beispiel', 1);
		checkInParticipant(board, 'P0000000000000000000000002', 'Bernd Muster', 2);
		addCluster(board, { id: 'tech', blockId: 'k', name: 'Technik', order: 'a0' });
		const cardOf = (id: string, text: string, clusterId: string | null, order: string) => ({
			id,
			blockId: 'k',
			authorId: 'P0000000000000000000000001',
			text,
			order,
			clusterId,
			mergedInto: null,
			createdAt: 1
		});
		addCard(board, cardOf('c1', 'Kein WLAN', 'tech', 'a0'));
		addCard(board, cardOf('c2', 'WLAN fehlt', 'tech', 'a1'));
		addCard(board, cardOf('c3', 'Zu wenig Personal', null, 'a0'));
		setMergedInto(board, 'c2', 'c1');
		addNote(board, {
			id: 'n1',
			blockId: 'k',
			kind: 'decision',
			text: 'WLAN zuerst.',
			authorId: 'moderation',
			createdAt: 5
		});
		writeVoting(control, 'p', {
			rules: { dotsPerPerson: 3, maxPerItem: 2 },
			target: 'cards',
			sourceBlockId: 'k',
			phase: 'revealed'
		});
		const dot = (dotId: string, itemId: string) => ({
			participantId: 'P0000000000000000000000001',
			itemId,
			dotId,
			blockId: 'p',
			createdAt: 10
		});
		// A dot for the merged card counts for its survivor: "Kein WLAN" gets 2.
		giveDot(board, dot('d1', 'c1'));
		giveDot(board, dot('d2', 'c2'));
		giveDot(board, dot('d3', 'c3'));
		writeScore(
			board,
			{ participantId: 'P0000000000000000000000001', itemId: 'c1', axis: 'impact' },
			5
		);
		writeScore(
			board,
			{ participantId: 'P0000000000000000000000001', itemId: 'c1', axis: 'effort' },
			2
		);

		const workspace = await workspaceOver(control, board);
		const input = protocolInput(workspace, {
			municipalityName: 'Celle',
			now: new Date('2027-03-14T15:00:00Z')
		});

		expect(input.workshop).toEqual({ title: 'Strategietag', date: '2027-03-14', place: 'Rathaus' });
		expect(input.facilitators).toEqual(['Carla Schmidt', 'Dieter Meier']);
		expect(input.participants).toEqual([
			{ role: 'teilnahme', count: 2 },
			{ role: 'moderation', count: 2 }
		]);
		expect(
			input.blocks.map((b) => [b.id, b.startsAt, b.endsAt, b.actualStart, b.actualEnd])
		).toEqual([
			['k', 540, 570, 542, 577],
			['p', 570, 590, 577, null],
			['m', 590, 620, null, null]
		]);
		expect(input.blocks[0]).toMatchObject({
			groups: [{ name: 'Technik', cards: [{ text: 'Kein WLAN', merged: 1 }] }],
			ungrouped: [{ text: 'Zu wenig Personal', merged: 0 }],
			notes: [{ kind: 'decision', text: 'WLAN zuerst.' }]
		});
		expect(input.votes).toEqual([
			{
				blockId: 'p',
				blockTitle: 'Punkte',
				revealed: true,
				rules: { dotsPerPerson: 3, maxPerItem: 2 },
				results: [
					{ label: 'Kein WLAN', count: 2, rank: 1 },
					{ label: 'Zu wenig Personal', count: 1, rank: 2 }
				]
			}
		]);
		// The matrix after a revealed vote scores the voted entries, most dots first.
		expect(input.matrices).toEqual([
			{
				blockId: 'm',
				blockTitle: 'Matrix',
				items: [
					{ label: 'Kein WLAN', impact: 5, effort: 2, ratings: 1, quadrant: 'quick_win' },
					{ label: 'Zu wenig Personal', impact: null, effort: null, ratings: 0, quadrant: null }
				]
			}
		]);
		expect(input.createdAt).toBe('2027-03-14T15:00:00.000Z');

		const text = JSON.stringify(buildWorkshopProtocol(input));
		expect(text).not.toContain('Anna');
		expect(text).not.toContain('Bernd');
	});

	it('holds every Handlungsfeld and measure of the generated full day, its tables with the right rows, and no participant name', async () => {
		const { generateWorkshopDay } = await import('../../demo/workshop-generator');
		const { writeWorkshopDay } = await import('../../demo/write-workshop-day');
		const plan = generateWorkshopDay({ seed: 2027, textEdits: 2_000 });
		const control = new Y.Doc();
		const board = new Y.Doc();
		writeWorkshopDay(plan, { control, board });
		const workspace = await workspaceOver(control, board);

		const doc = buildWorkshopProtocol(
			protocolInput(workspace, { municipalityName: 'Musterstadt', now: new Date(plan.nowMs) })
		);

		expect(plan.actionFields).toHaveLength(6);
		expect(plan.measures).toHaveLength(25);
		const headings = doc.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
		for (const field of plan.actionFields) expect(headings).toContain(field.title);
		const listed = doc.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
		const smart = table(doc, 'Maßnahmen')!;
		for (const measure of plan.measures) {
			expect(listed.some((item) => item.startsWith(measure.title))).toBe(true);
			expect(smart.rows.map((row) => row[0])).toContain(measure.title);
		}
		expect(smart.rows).toHaveLength(25);
		expect(table(doc, 'Tagesordnung')!.rows).toHaveLength(12);
		const scheduled = plan.measures.filter((m) => m.start !== null || m.due !== null);
		expect(table(doc, 'Roadmap')!.rows).toHaveLength(scheduled.length);
		// The vote is over the cards of the Kartenabfrage that survived merges; the matrix scores the
		// entries everyone scored.
		const surviving = plan.cards.filter(
			(c) => c.blockId === plan.voting!.sourceBlockId && c.mergedInto === null
		);
		// Entries without a dot are counted in a note rather than listed.
		const voted = table(doc, 'Abstimmung')!.rows.length;
		const noDots = doc.blocks.flatMap((b) =>
			b.kind === 'paragraph'
				? (/^(\d+) weitere Einträge erhielten keinen Punkt\.$/.exec(b.text) ?? [])
				: []
		);
		expect(voted + Number(noDots[1] ?? 0)).toBe(surviving.length);
		expect(voted).toBeGreaterThan(0);
		const scored = new Set(plan.scores.map((s) => s.itemId));
		expect(table(doc, 'Matrix')!.rows).toHaveLength(scored.size);
		expect(tables(doc).flatMap((t) => (t.sheetName ? [t.sheetName] : []))).toEqual([
			'Tagesordnung',
			'Abstimmung',
			'Matrix',
			'Maßnahmen',
			'Roadmap'
		]);

		const words = new Set(JSON.stringify(doc).split(/[^\p{L}]+/u));
		const named = plan.participants.filter((p) =>
			p.name.split(/[^\p{L}]+/u).some((part) => part.length > 1 && words.has(part))
		);
		expect(named.map((p) => p.name)).toEqual([]);
	}, 60_000);
});
