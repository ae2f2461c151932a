import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT_KEYS } from '../crdt/schema';
import { writeBlocks } from '../crdt/workshop-agenda';
import { addCard, addCluster } from '../crdt/workshop-cards';
import { EMPTY_MATRIX_BOARD, ImpactMatrix, readMatrixBoard } from './impact-matrix.svelte';
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
const MATRIX = 'matrix';

/** Control and board of a day whose Kartenabfrage has two groups, on the laptop and a tablet. */
function room() {
	const laptop = { control: new Y.Doc(), board: new Y.Doc() };
	const tablet = { control: new Y.Doc(), board: new Y.Doc() };
	writeBlocks(laptop.control, [
		{
			id: CARDS,
			title: 'Kartenabfrage',
			method: 'kartenabfrage',
			durationMinutes: 30,
			order: 'a0'
		},
		{ id: MATRIX, title: 'Matrix', method: 'matrix', durationMinutes: 30, order: 'a1' }
	]);
	for (const [i, name] of ['Technik', 'Personal'].entries()) {
		addCluster(laptop.board, { id: `group${i}`, blockId: CARDS, name, order: `a${i}` });
		addCard(laptop.board, {
			id: `card${i}`,
			blockId: CARDS,
			authorId: 'moderation',
			text: `Karte ${i}`,
			order: 'a0',
			clusterId: `group${i}`,
			mergedInto: null,
			createdAt: i
		});
	}
	const sync = () => {
		exchange(laptop.control, tablet.control);
		exchange(laptop.board, tablet.board);
	};
	sync();
	return { laptop, tablet, sync };
}

async function matrixOn(
	device: { control: Y.Doc; board: Y.Doc },
	scorerId: string | null
): Promise<ImpactMatrix> {
	const matrix = new ImpactMatrix({
		control: controlOn(device.control),
		board: liveOn(device.board, readMatrixBoard, EMPTY_MATRIX_BOARD),
		writeBoard: writeTo(device.board),
		scorerId
	});
	await loaded(matrix);
	render(() => matrix.placements(MATRIX));
	return matrix;
}

describe('ImpactMatrix', () => {
	it('scores the groups of the Kartenabfrage before it, and every device shows the same averages and quadrants', async () => {
		const workshop = room();
		const facilitator = await matrixOn(workshop.laptop, 'moderation');
		const anna = await matrixOn(workshop.tablet, 'anna');
		expect(anna.items(MATRIX).map((item) => item.label)).toEqual(['Technik', 'Personal']);

		await anna.setScores('group0', { impact: 5 });
		await anna.setScores('group0', { effort: 2 });
		await facilitator.setScores('group0', { impact: 4 });
		await facilitator.setScores('group0', { effort: 1 });
		await anna.setScores('group1', { impact: 2 });
		workshop.sync();

		for (const matrix of [facilitator, anna]) {
			expect(
				matrix
					.placements(MATRIX)
					.map(({ itemId, impact, effort, quadrant }) => [itemId, impact, effort, quadrant])
			).toEqual([
				['group0', 4.5, 1.5, 'quick_win'],
				['group1', 2, null, null]
			]);
		}
		expect(anna.myScore('group0')).toEqual({ impact: 5, effort: 2 });
	});

	it('a score changed or cleared replaces this person’s earlier one and never another person’s', async () => {
		const workshop = room();
		const facilitator = await matrixOn(workshop.laptop, 'moderation');
		const anna = await matrixOn(workshop.tablet, 'anna');
		await anna.setScores('group0', { impact: 1 });
		await facilitator.setScores('group0', { impact: 5 });
		workshop.sync();

		await anna.setScores('group0', { impact: 3 });
		workshop.sync();
		expect(facilitator.placements(MATRIX)[0]).toMatchObject({ impact: 4, impactCount: 2 });

		await anna.setScores('group0', { impact: null });
		workshop.sync();
		expect(facilitator.placements(MATRIX)[0]).toMatchObject({ impact: 5, impactCount: 1 });
		expect(facilitator.myScore('group0').impact).toBe(5);
	});

	it('a device that only looks, such as the projector, writes no score', async () => {
		const workshop = room();
		const projector = await matrixOn(workshop.tablet, null);

		expect(projector.canScore).toBe(false);
		expect(await projector.setScores('group0', { impact: 5 })).toBe(false);
		expect(workshop.tablet.board.getMap(ROOT_KEYS.matrix).size).toBe(0);
	});
});
