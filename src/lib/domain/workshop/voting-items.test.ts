import { describe, expect, it } from 'vitest';
import { boardView, type Card, type Cluster } from './cards';
import {
	defaultSourceBlock,
	itemResolver,
	matrixEntries,
	matrixSource,
	votingItems
} from './voting-items';

const card = (id: string, text: string, overrides: Partial<Card> = {}): Card => ({
	id,
	blockId: 'B1',
	authorId: 'p1',
	text,
	order: 'a0',
	clusterId: null,
	mergedInto: null,
	createdAt: 1,
	...overrides
});
const technik: Cluster = { id: 'K1', blockId: 'B1', name: 'Technik', order: 'a0' };
const cards = [
	card('C1', 'WLAN', { clusterId: 'K1' }),
	card('C2', 'Kein WLAN', { mergedInto: 'C1' }),
	card('C3', 'Formulare', { order: 'a1' }),
	card('C9', 'Anderer Block', { blockId: 'B2' })
];

describe('what a vote is about', () => {
	it('clusters with their cards, or every surviving card with the clustered ones first', () => {
		const view = boardView(cards, [technik], 'B1');
		expect(votingItems(view, 'clusters')).toEqual([
			{ id: 'K1', label: 'Technik', cards: ['WLAN'] }
		]);
		expect(votingItems(view, 'cards').map((item) => item.label)).toEqual(['WLAN', 'Formulare']);
	});

	it('a dot on a merged card counts for its survivor; a card of another block or a gone cluster for nothing', () => {
		const resolveCard = itemResolver({ cards, clusters: [technik] }, 'cards', 'B1');
		expect(['C1', 'C2', 'C3', 'C9', 'nix'].map(resolveCard)).toEqual([
			'C1',
			'C1',
			'C3',
			null,
			null
		]);
		const resolveCluster = itemResolver({ cards, clusters: [technik] }, 'clusters', 'B1');
		expect(['K1', 'K2'].map(resolveCluster)).toEqual(['K1', null]);
	});

	it('a vote is about the last Kartenabfrage before it, else the first one of the day', () => {
		const schedule = [
			{ id: 'a', method: 'kartenabfrage' },
			{ id: 'b', method: 'kartenabfrage' },
			{ id: 'v', method: 'punktabfrage' },
			{ id: 'c', method: 'kartenabfrage' }
		];
		expect(defaultSourceBlock(schedule, 'v')).toBe('b');
		expect(defaultSourceBlock([{ id: 'v', method: 'punktabfrage' }, ...schedule], 'v')).toBe('a');
		expect(defaultSourceBlock([{ id: 'v', method: 'punktabfrage' }], 'v')).toBeNull();
	});

	it('the matrix scores the entries of the last started vote before it, else the last Kartenabfrage', () => {
		const schedule = [
			{ id: 'k1', method: 'kartenabfrage' },
			{ id: 'v1', method: 'punktabfrage' },
			{ id: 'k2', method: 'kartenabfrage' },
			{ id: 'v2', method: 'punktabfrage' },
			{ id: 'm', method: 'matrix' }
		];
		expect(matrixSource(schedule, 'm', new Set(['v1', 'v2']))).toEqual({
			kind: 'vote',
			blockId: 'v2'
		});
		expect(matrixSource(schedule, 'm', new Set(['v1']))).toEqual({ kind: 'vote', blockId: 'v1' });
		expect(matrixSource(schedule, 'm', new Set())).toEqual({ kind: 'cards', blockId: 'k2' });
		expect(matrixSource([{ id: 'm', method: 'matrix' }], 'm', new Set())).toBeNull();
	});

	it('from a revealed vote the matrix takes the entries with dots, most first, at most twelve', () => {
		const items = Array.from({ length: 15 }, (_, i) => ({
			id: `I${i}`,
			label: `E${i}`,
			cards: []
		}));
		// I0 has no dot; I1..I14 have 1..14 dots.
		const results = items
			.map((item, i) => ({ itemId: item.id, count: i }))
			.sort((a, b) => b.count - a.count);
		expect(matrixEntries(items, results).map((item) => item.id)).toEqual([
			'I14',
			'I13',
			'I12',
			'I11',
			'I10',
			'I9',
			'I8',
			'I7',
			'I6',
			'I5',
			'I4',
			'I3'
		]);
		expect(matrixEntries(items.slice(0, 2), results.slice(-2))).toEqual([items[1]]);
	});
});
