import fc from 'fast-check';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import {
	compareByOrder,
	orderAtEnd,
	orderAtStart,
	orderForMove,
	type Ordered,
	type OrderWrite
} from './ordering';

/** The list after the writes, sorted as every device sorts it. */
function applyWrites(items: readonly Ordered[], id: string, write: OrderWrite): Ordered[] {
	const orders = new Map(items.map((item) => [item.id, item.order]));
	orders.set(id, write.order);
	for (const entry of write.rekey) orders.set(entry.id, entry.order);
	return [...orders].map(([itemId, order]) => ({ id: itemId, order })).sort(compareByOrder);
}

const ids = (items: readonly Ordered[]) => items.map((item) => item.id);

/** What fractional-indexing accepts: it throws on anything else. */
function isUsableKey(key: string): boolean {
	try {
		generateKeyBetween(key, null);
		return /^[0-9A-Za-z]{1,64}$/.test(key);
	} catch {
		return false;
	}
}

describe('comparing order keys', () => {
	it('sorts by key in code units, not by locale, and breaks ties by id', () => {
		const items = [
			{ id: 'b', order: 'a1' },
			{ id: 'x', order: 'Zz' },
			{ id: 'a', order: 'a1' },
			{ id: 'c', order: 'a0' }
		];
		// 'Z' (90) sorts before 'a' (97) in code units; localeCompare would put 'Zz' last.
		expect(ids([...items].sort(compareByOrder))).toEqual(['x', 'c', 'a', 'b']);
	});
});

describe('moving an item', () => {
	const list = [
		{ id: 'A', order: 'a0' },
		{ id: 'B', order: 'a1' },
		{ id: 'C', order: 'a2' },
		{ id: 'D', order: 'a3' }
	];

	it('gives it a key between its new neighbours and leaves every other item alone', () => {
		// D to position 1: between a0 and a1. The integer parts differ and a0 + 1 = a1 is not below
		// a1, so the key is a0 plus the midpoint digit of 0..62: round(31) = 31 → 'V'.
		expect(orderForMove(list, 'D', 1)).toEqual({ order: 'a0V', rekey: [] });
	});

	it('moves to the start and the end', () => {
		// Before a0: a0 - 1 borrows into the integer head: 'Z' with the largest digit 'z'.
		expect(orderForMove(list, 'C', 0)).toEqual({ order: 'Zz', rekey: [] });
		// After a3 (D itself is taken out): a3 + 1.
		expect(orderForMove(list, 'A', 3)).toEqual({ order: 'a4', rekey: [] });
	});

	it('writes nothing new when the item already stands where it is dropped', () => {
		expect(orderForMove(list, 'B', 1)).toEqual({ order: 'a1', rekey: [] });
	});

	it('clamps positions outside the list', () => {
		expect(orderForMove(list, 'B', 99)).toEqual({ order: 'a4', rekey: [] });
		expect(orderForMove(list, 'B', -3)).toEqual({ order: 'Zz', rekey: [] });
		expect(orderForMove(list, 'B', Number.NaN)).toEqual({ order: 'Zz', rekey: [] });
	});

	it('inserts an item that is not in the list yet', () => {
		expect(orderForMove(list, 'NEW', 2)).toEqual({ order: 'a1V', rekey: [] });
		expect(orderAtEnd(list)).toEqual({ order: 'a4', rekey: [] });
		expect(orderAtStart(list)).toEqual({ order: 'Zz', rekey: [] });
		expect(orderAtEnd([])).toEqual({ order: 'a0', rekey: [] });
	});

	it('re-keys a neighbour when two devices gave the neighbours the same key', () => {
		const tied = [
			{ id: 'A', order: 'a0' },
			{ id: 'B', order: 'a1' },
			{ id: 'C', order: 'a1' },
			{ id: 'D', order: 'a2' }
		];
		// D between B and C: no key lies strictly between a1 and a1. Taking C into the run, the bounds
		// are B's a1 and nothing (D has left its place): a1 + 1 = a2 for D, a2 + 1 = a3 for C.
		const write = orderForMove(tied, 'D', 2);
		expect(write).toEqual({ order: 'a2', rekey: [{ id: 'C', order: 'a3' }] });
		expect(ids(applyWrites(tied, 'D', write))).toEqual(['A', 'B', 'D', 'C']);
	});

	it('re-keys a neighbour whose key a peer garbled', () => {
		// '!!' sorts before every valid key ('!' is 33, digits and letters come later).
		const garbled = [
			{ id: 'X', order: '!!' },
			{ id: 'A', order: 'a0' }
		];
		// Between X and A the lower bound is unusable; with X in the run the bounds are nothing and a0:
		// a0 - 1 = Zz for the new item, Zz - 1 = Zy for X (keys are handed out from the top down).
		const write = orderForMove(garbled, 'N', 1);
		expect(write).toEqual({ order: 'Zz', rekey: [{ id: 'X', order: 'Zy' }] });
		expect(ids(applyWrites(garbled, 'N', write))).toEqual(['X', 'N', 'A']);
	});

	it('keeps keys short however often items are dropped into the same gap', () => {
		let items: Ordered[] = [
			{ id: 'first', order: 'a0' },
			{ id: 'last', order: 'a1' }
		];
		for (let n = 0; n < 600; n++) {
			const id = `n${String(n).padStart(3, '0')}`;
			items = applyWrites(items, id, orderForMove(items, id, 1));
			expect(items[1]!.id).toBe(id);
		}
		expect(items.every((item) => item.order.length <= 64)).toBe(true);
		expect(ids(items).at(-1)).toBe('last');
	});
});

/** Lists with valid keys, repeated keys, too long keys and a peer's garbage, sorted. */
const listArbitrary: fc.Arbitrary<Ordered[]> = fc
	.uniqueArray(fc.stringMatching(/^[A-Z0-9]{1,4}$/), { maxLength: 12 })
	.chain((itemIds) =>
		fc.tuple(
			fc.constant(itemIds),
			fc.array(
				fc.oneof(
					fc.constantFrom(...generateNKeysBetween(null, null, 4)),
					fc.constantFrom('a0V', 'Zz', 'a0' + 'V'.repeat(63)),
					fc.string({ maxLength: 6 })
				),
				{ minLength: itemIds.length, maxLength: itemIds.length }
			)
		)
	)
	.map(([itemIds, orders]) =>
		itemIds.map((id, i) => ({ id, order: orders[i]! })).sort(compareByOrder)
	);

describe('moves on any list (property)', () => {
	it('put the item where it was dropped and keep every other item in its order', () => {
		fc.assert(
			fc.property(listArbitrary, fc.nat(), fc.nat(), (list, pick, target) => {
				fc.pre(list.length > 0);
				const moved = list[pick % list.length]!.id;
				const toIndex = target % list.length;
				const write = orderForMove(list, moved, toIndex);
				const after = ids(applyWrites(list, moved, write));
				expect(after[toIndex]).toBe(moved);
				expect(after.filter((id) => id !== moved)).toEqual(ids(list).filter((id) => id !== moved));
				for (const key of [write.order, ...write.rekey.map((entry) => entry.order)]) {
					expect(isUsableKey(key)).toBe(true);
				}
			})
		);
	});

	it('insert a new item at any position of any list', () => {
		fc.assert(
			fc.property(listArbitrary, fc.nat(), (list, target) => {
				const toIndex = target % (list.length + 1);
				const after = ids(applyWrites(list, 'new', orderForMove(list, 'new', toIndex)));
				expect(after[toIndex]).toBe('new');
				expect(after.filter((id) => id !== 'new')).toEqual(ids(list));
			})
		);
	});
});

describe('concurrent moves on two devices (property)', () => {
	type Writes = Map<string, string>;
	const writesOf = (id: string, write: OrderWrite): Writes =>
		new Map([[id, write.order], ...write.rekey.map((e): [string, string] => [e.id, e.order])]);

	/**
	 * A replica applying both devices' writes in the given order. Per item key the concurrent writes
	 * resolve as Yjs resolves them, by a fixed rank of the writers (here B over A), not by arrival.
	 */
	function replica(base: readonly Ordered[], a: Writes, b: Writes, aFirst: boolean): string[] {
		const orders = new Map(base.map((item) => [item.id, item.order]));
		const writer = new Map<string, 'a' | 'b'>();
		const apply = (writes: Writes, who: 'a' | 'b') => {
			for (const [id, order] of writes) {
				if (writer.get(id) === 'b' && who === 'a') continue;
				orders.set(id, order);
				writer.set(id, who);
			}
		};
		if (aFirst) {
			apply(a, 'a');
			apply(b, 'b');
		} else {
			apply(b, 'b');
			apply(a, 'a');
		}
		return ids([...orders].map(([id, order]) => ({ id, order })).sort(compareByOrder));
	}

	/** Between `moved` and each neighbour its mover chose, only items the other device wrote. */
	function keepsNeighbours(final: string[], own: string[], moved: string, other: Writes) {
		if (other.has(moved)) return;
		const at = own.indexOf(moved);
		for (const neighbour of [own[at - 1], own[at + 1]]) {
			if (neighbour === undefined || other.has(neighbour)) continue;
			const [from, to] = [final.indexOf(neighbour), final.indexOf(moved)].sort((x, y) => x - y);
			expect(final.indexOf(neighbour) < final.indexOf(moved)).toBe(own.indexOf(neighbour) < at);
			expect(final.slice(from! + 1, to).every((id) => other.has(id))).toBe(true);
		}
	}

	it('end in the same order whichever arrives first, each item beside the neighbours its mover chose', () => {
		fc.assert(
			fc.property(listArbitrary, fc.nat(), fc.nat(), fc.nat(), fc.nat(), (list, pa, pb, ta, tb) => {
				fc.pre(list.length >= 2);
				const movedA = list[pa % list.length]!.id;
				const movedB = list[(pa + 1 + (pb % (list.length - 1))) % list.length]!.id;
				const writeA = orderForMove(list, movedA, ta % list.length);
				const writeB = orderForMove(list, movedB, tb % list.length);
				const a = writesOf(movedA, writeA);
				const b = writesOf(movedB, writeB);

				const first = replica(list, a, b, true);
				expect(replica(list, a, b, false)).toEqual(first);
				keepsNeighbours(first, ids(applyWrites(list, movedA, writeA)), movedA, b);
				keepsNeighbours(first, ids(applyWrites(list, movedB, writeB)), movedB, a);
			})
		);
	});

	it('with distinct keys, write only the moved items and keep both beside their chosen neighbours', () => {
		const list = ['A', 'B', 'C', 'D', 'E'].map((id, i) => ({ id, order: `a${i}` }));
		// Device 1 drops E between A and B; device 2 drops A between C and D.
		const writeE = orderForMove(list, 'E', 1);
		const writeA = orderForMove(list, 'A', 2);
		// E: between a0 and a1 → a0V. A: between a2 and a3 → a2V.
		expect(writeE).toEqual({ order: 'a0V', rekey: [] });
		expect(writeA).toEqual({ order: 'a2V', rekey: [] });
		const e = writesOf('E', writeE);
		const a = writesOf('A', writeA);
		// Keys a0V (E), a1 (B), a2 (C), a2V (A), a3 (D): E's chosen neighbour A moved away, so E stands
		// first, before B; A stands between C and D as its mover chose.
		expect(replica(list, e, a, true)).toEqual(['E', 'B', 'C', 'A', 'D']);
		expect(replica(list, e, a, false)).toEqual(['E', 'B', 'C', 'A', 'D']);
	});
});
