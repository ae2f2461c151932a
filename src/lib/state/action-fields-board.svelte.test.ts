import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT_KEYS } from '../crdt/schema';
import { writeBlocks } from '../crdt/workshop-agenda';
import { addCard, addCluster } from '../crdt/workshop-cards';
import {
	ActionFieldsBoard,
	EMPTY_ACTION_FIELDS,
	readActionFieldsBoard
} from './action-fields-board.svelte';
import {
	controlOn,
	exchange,
	liveOn,
	loaded,
	render,
	unrender,
	writeTo
} from './test-documents.svelte';

afterEach(unrender);

const CARDS = 'cards';
const STRATEGIE = {
	id: 'strategie' as const,
	title: 'Strategie & Steuerung',
	description: 'Ziele und Steuerung der Digitalisierung'
};

/** Control and board of a day with one Kartenabfrage (one group, one card), on laptop and tablet. */
function room() {
	const laptop = { control: new Y.Doc(), board: new Y.Doc() };
	const tablet = { control: new Y.Doc(), board: new Y.Doc() };
	writeBlocks(laptop.control, [
		{
			id: CARDS,
			title: 'Was hindert uns?',
			method: 'kartenabfrage',
			durationMinutes: 30,
			order: 'a0'
		}
	]);
	addCluster(laptop.board, { id: 'papier', blockId: CARDS, name: 'Papier', order: 'a0' });
	addCard(laptop.board, {
		id: 'wlan',
		blockId: CARDS,
		authorId: 'anna',
		text: 'Kein WLAN',
		order: 'a0',
		clusterId: null,
		mergedInto: null,
		createdAt: 1
	});
	const sync = () => {
		exchange(laptop.control, tablet.control);
		exchange(laptop.board, tablet.board);
	};
	sync();
	return { laptop, tablet, sync };
}

async function fieldsOn(
	device: { control: Y.Doc; board: Y.Doc },
	canWrite = true
): Promise<ActionFieldsBoard> {
	const board = new ActionFieldsBoard({
		control: controlOn(device.control),
		board: liveOn(device.board, readActionFieldsBoard, EMPTY_ACTION_FIELDS),
		writeBoard: writeTo(device.board),
		canWrite
	});
	await loaded(board);
	render(() => [board.fields, board.linkable]);
	return board;
}

const titles = (board: ActionFieldsBoard) => board.fields.map((field) => field.title);

describe('ActionFieldsBoard', () => {
	it('a Handlungsfeld created on one device shows on the other with its dimensions, in priority order', async () => {
		const workshop = room();
		const here = await fieldsOn(workshop.laptop);
		const there = await fieldsOn(workshop.tablet);

		expect(await here.add('E-Akte einführen', ['prozesse'])).toBeNull();
		expect(await here.takeOver(STRATEGIE)).toBe(true);
		workshop.sync();
		expect(titles(there)).toEqual(['E-Akte einführen', 'Strategie & Steuerung']);

		const eAkte = there.fields[0]!;
		expect(await there.move(there.fields[1]!.id, 0)).toBe(true);
		workshop.sync();
		expect(titles(here)).toEqual(['Strategie & Steuerung', 'E-Akte einführen']);
		expect(here.fields.map((field) => field.dimensions)).toEqual([['strategie'], ['prozesse']]);
		expect(here.fields[1]!.id).toBe(eAkte.id);
	});

	it('a Digital-Check suggestion taken over on two devices at once is one Handlungsfeld', async () => {
		const workshop = room();
		const here = await fieldsOn(workshop.laptop);
		const there = await fieldsOn(workshop.tablet);

		await here.takeOver(STRATEGIE);
		await there.takeOver(STRATEGIE);
		workshop.sync();

		expect(titles(here)).toEqual(['Strategie & Steuerung']);
		expect(here.hasField(here.fields[0]!.id)).toBe(true);
	});

	it('a title or dimensions that do not validate are refused and nothing is written', async () => {
		const workshop = room();
		const board = await fieldsOn(workshop.laptop);

		expect(await board.add('  ', ['prozesse'])).toBe('field_title_empty');
		expect(await board.add('E-Akte', [])).toBe('field_dimensions_missing');
		expect(await board.add('E-Akte', ['kaffee'])).toBe('field_dimensions_invalid');

		expect(board.fields).toEqual([]);
		expect(workshop.laptop.board.getMap(ROOT_KEYS.actionFields).size).toBe(0);
	});

	it('editing one field’s title on one device and its dimensions on another keeps both changes', async () => {
		const workshop = room();
		const here = await fieldsOn(workshop.laptop);
		const there = await fieldsOn(workshop.tablet);
		await here.add('E-Akte', ['prozesse']);
		workshop.sync();
		const shown = { title: 'E-Akte', dimensions: ['prozesse' as const] };
		const id = here.fields[0]!.id;

		await here.edit(id, shown, { title: 'E-Akte einführen', dimensions: ['prozesse'] });
		await there.edit(id, shown, { title: 'E-Akte', dimensions: ['prozesse', 'daten'] });
		workshop.sync();

		for (const board of [here, there]) {
			expect(board.fields.map((f) => [f.title, f.dimensions])).toEqual([
				['E-Akte einführen', ['prozesse', 'daten']]
			]);
		}
	});

	it('cards and groups of the Kartenabfrage linked to a field show as its links on every device; a removed field leaves the list', async () => {
		const workshop = room();
		const here = await fieldsOn(workshop.laptop);
		const there = await fieldsOn(workshop.tablet);
		expect(here.linkable.map((item) => [item.kind, item.label])).toEqual([
			['cluster', 'Papier'],
			['card', 'Kein WLAN']
		]);
		await here.add('Netz ausbauen', ['infrastruktur']);
		const id = here.fields[0]!.id;

		expect(await here.setLink(id, 'wlan', true)).toBe(true);
		workshop.sync();
		expect(there.linksOf(id).map((item) => item.label)).toEqual(['Kein WLAN']);

		expect(await there.remove(id)).toBe(true);
		workshop.sync();
		expect(here.fields).toEqual([]);
		expect(here.hasField(id)).toBe(false);
	});
});
