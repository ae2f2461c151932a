import { describe, expect, it } from 'vitest';
import {
	boardView,
	resolveLink,
	survivorOf,
	validateCardText,
	validateClusterName,
	type Card,
	type Cluster
} from './cards';

function card(id: string, order: string, createdAt: number, extra: Partial<Card> = {}): Card {
	return {
		id,
		blockId: 'K1',
		authorId: 'p1',
		text: `Text ${id}`,
		order,
		clusterId: null,
		mergedInto: null,
		createdAt,
		...extra
	};
}

const byId = <T extends { id: string }>(...items: T[]) => new Map(items.map((i) => [i.id, i]));
const merge = (cards: Map<string, Card>, from: string, into: string | null) =>
	new Map(cards).set(from, { ...cards.get(from)!, mergedInto: into });

describe('card texts and cluster names', () => {
	it('take one trimmed paragraph of up to 280 characters on a card', () => {
		expect(validateCardText('  Zu wenig\n Personal ')).toEqual({
			ok: true,
			value: 'Zu wenig Personal'
		});
		expect(validateCardText('ä'.repeat(280)).ok).toBe(true);
		expect(validateCardText('ä'.repeat(281))).toEqual({ ok: false, error: 'card_too_long' });
		expect(validateCardText(' \n ')).toEqual({ ok: false, error: 'card_empty' });
		expect(validateCardText('Text\u202e')).toEqual({ ok: false, error: 'card_invalid' });
	});

	it('take a cluster name of up to 80 characters', () => {
		expect(validateClusterName(' Personal ')).toEqual({ ok: true, value: 'Personal' });
		expect(validateClusterName('x'.repeat(81))).toEqual({
			ok: false,
			error: 'cluster_name_too_long'
		});
		expect(validateClusterName('')).toEqual({ ok: false, error: 'cluster_name_empty' });
		expect(validateClusterName('\u0007')).toEqual({ ok: false, error: 'cluster_name_invalid' });
	});
});

describe('merging duplicate cards', () => {
	const cards = byId(card('A', 'a0', 100), card('B', 'a1', 110), card('C', 'a2', 120));

	it('shows the surviving card with the text of the card merged into it', () => {
		const merged = merge(cards, 'B', 'A');
		expect(survivorOf(merged, 'B')!.id).toBe('A');
		const board = boardView(merged.values(), [], 'K1');
		expect(board.unclustered.map((c) => [c.id, c.mergedTexts, c.mergedIds])).toEqual([
			['A', ['Text B'], ['B']],
			['C', [], []]
		]);
	});

	it('follows chained merges to the last card, keeping every text by time of writing', () => {
		// C into B, then B into A: both reach A; B was written at 110, C at 120.
		const merged = merge(merge(cards, 'C', 'B'), 'B', 'A');
		expect(survivorOf(merged, 'C')!.id).toBe('A');
		expect(boardView(merged.values(), [], 'K1').unclustered).toEqual([
			{ ...merged.get('A')!, mergedTexts: ['Text B', 'Text C'], mergedIds: ['B', 'C'] }
		]);
	});

	it('lists merged texts written at the same time by id', () => {
		const sameTime = byId(card('A', 'a0', 100), card('D', 'a1', 110), card('C', 'a2', 110));
		const merged = merge(merge(sameTime, 'D', 'A'), 'C', 'A');
		expect(boardView(merged.values(), [], 'K1').unclustered[0]!.mergedIds).toEqual(['C', 'D']);
	});

	it('resolves merges made at the same time on two devices (A into B, B into A) to one survivor', () => {
		// Device 1 merged A into B, device 2 B into A; after sync both fields are set, whichever came
		// first. The cycle's smallest id, A, survives on every device.
		const oneWay = merge(merge(cards, 'A', 'B'), 'B', 'A');
		const otherWay = merge(merge(cards, 'B', 'A'), 'A', 'B');
		for (const merged of [oneWay, otherWay]) {
			expect(survivorOf(merged, 'A')!.id).toBe('A');
			expect(survivorOf(merged, 'B')!.id).toBe('A');
			expect(boardView(merged.values(), [], 'K1').unclustered[0]).toMatchObject({
				id: 'A',
				mergedTexts: ['Text B']
			});
		}
	});

	it('sends a card leading into a cycle to the survivor of the cycle', () => {
		// A → C, C → B, B → C: the cycle is {B, C}, so B survives, although A has the smaller id.
		const merged = merge(merge(merge(cards, 'A', 'C'), 'C', 'B'), 'B', 'C');
		expect(['A', 'B', 'C'].map((id) => survivorOf(merged, id)!.id)).toEqual(['B', 'B', 'B']);
	});

	it('stops at the last card that exists in the same block', () => {
		const elsewhere = card('E', 'a0', 90, { blockId: 'K2' });
		const merged = merge(merge(byId(...cards.values(), elsewhere), 'A', 'GONE'), 'B', 'E');
		expect(survivorOf(merged, 'A')!.id).toBe('A');
		expect(survivorOf(merged, 'B')!.id).toBe('B');
		expect(survivorOf(merged, 'GONE')).toBeNull();
	});

	it('can be undone: both cards return with their own texts', () => {
		const undone = merge(merge(cards, 'B', 'A'), 'B', null);
		expect(
			boardView(undone.values(), [], 'K1').unclustered.map((c) => [c.id, c.text, c.mergedTexts])
		).toEqual([
			['A', 'Text A', []],
			['B', 'Text B', []],
			['C', 'Text C', []]
		]);
	});
});

describe('links and votes on merged cards', () => {
	const cards = byId(card('A', 'a0', 100), card('B', 'a1', 110));
	// Two dots on A and one on B, stored with the card they were given to.
	const votes = ['A', 'A', 'B'];
	const tally = (current: Map<string, Card>) => {
		const counts = new Map<string | null, number>();
		for (const cardId of votes) {
			const target = resolveLink(current, cardId);
			counts.set(target, (counts.get(target) ?? 0) + 1);
		}
		return Object.fromEntries(counts);
	};

	it('count for the surviving card after a merge and move back on undo', () => {
		expect(tally(cards)).toEqual({ A: 2, B: 1 });
		const merged = merge(cards, 'B', 'A');
		// 2 + 1 = 3 on A
		expect(tally(merged)).toEqual({ A: 3 });
		expect(tally(merge(merged, 'B', null))).toEqual({ A: 2, B: 1 });
	});

	it('count for nothing when the card is gone', () => {
		expect(resolveLink(cards, 'GONE')).toBeNull();
	});
});

describe('the board of a block', () => {
	const clusters: Cluster[] = [
		{ id: 'X', blockId: 'K1', name: 'Personal', order: 'a1' },
		{ id: 'Y', blockId: 'K1', name: 'Technik', order: 'a0' },
		{ id: 'L', blockId: 'K1', name: 'Leer', order: 'a2' },
		{ id: 'Z', blockId: 'K2', name: 'Anderer Block', order: 'a0' }
	];
	const cards = byId(
		card('A', 'a1', 100, { clusterId: 'X' }),
		card('B', 'a0', 100, { clusterId: 'X' }),
		card('C', 'a0', 100, { clusterId: 'Y' }),
		card('D', 'a1', 100, { clusterId: 'NOPE' }),
		card('E', 'a0', 100, { clusterId: 'Z' }),
		card('F', 'a0', 100, { clusterId: 'Y', mergedInto: 'D' }),
		card('G', 'a0', 100, { blockId: 'K2' })
	);

	it('groups clusters by order, then the cards in no cluster of the block', () => {
		const board = boardView(cards.values(), clusters, 'K1');
		// Y (a0) before X (a1) before L (a2); Z belongs to K2. In X, B (a0) before A (a1).
		// D names no cluster and E a cluster of K2: both unclustered, E (a0) before D (a1).
		// F is merged into D, so its own cluster Y does not count; G is in K2.
		expect(board.clusters.map(({ cluster, cards: c }) => [cluster.id, c.map((x) => x.id)])).toEqual(
			[
				['Y', ['C']],
				['X', ['B', 'A']],
				['L', []]
			]
		);
		expect(board.unclustered.map((c) => [c.id, c.mergedTexts])).toEqual([
			['E', []],
			['D', ['Text F']]
		]);
	});
});
