// Order of agenda blocks, cards and clusters (ADR 8): a fractional-index key per item, ties
// broken by id, compared by code units so every device sorts alike whatever its locale.
//
// Two devices that insert at the same place offline get the same key, and a peer may write anything.
// A new key must then lie strictly between two valid, different keys, so a move may also re-key a few
// neighbours: the caller writes the moved item's `order` and every `rekey` entry in one transaction.

import { generateNKeysBetween } from 'fractional-indexing';

export interface Ordered {
	id: string;
	order: string;
}

export interface OrderWrite {
	/** The new key of the moved or inserted item. */
	order: string;
	/** New keys of other items, needed when their keys were equal, malformed or too long. */
	rekey: Array<{ id: string; order: string }>;
}

// Documents refuse longer keys. Dropping items into the same gap again and again lengthens keys by
// about one character per six drops, so a move re-keys neighbours rather than exceed this.
const MAX_KEY_LENGTH = 64;
const SMALLEST_INTEGER = 'A' + '0'.repeat(26);

/** What fractional-indexing accepts (it throws on anything else), within the length documents allow. */
export function isOrderKey(key: unknown): key is string {
	if (typeof key !== 'string') return false;
	if (!/^[0-9A-Za-z]+$/.test(key) || key.length > MAX_KEY_LENGTH) return false;
	if (key === SMALLEST_INTEGER) return false;
	let integerLength: number;
	if (key[0]! >= 'a') integerLength = key.charCodeAt(0) - 'a'.charCodeAt(0) + 2;
	else if (key[0]! >= 'A') integerLength = 'Z'.charCodeAt(0) - key.charCodeAt(0) + 2;
	else return false;
	return key.length >= integerLength && (key.length === integerLength || !key.endsWith('0'));
}

export function compareByOrder(a: Ordered, b: Ordered): number {
	if (a.order !== b.order) return a.order < b.order ? -1 : 1;
	if (a.id !== b.id) return a.id < b.id ? -1 : 1;
	return 0;
}

/**
 * Keys that put a new item at `index` of `others` (sorted): the smallest run of items around the gap
 * whose outer neighbours have valid, different keys gets fresh keys between them. With no neighbours
 * left the whole list is re-keyed from scratch, which always succeeds.
 */
function placeAt(others: readonly Ordered[], index: number): OrderWrite {
	for (let extra = 0; ; extra++) {
		for (let before = 0; before <= extra; before++) {
			const after = extra - before;
			const first = index - before;
			const end = index + after;
			if (first < 0 || end > others.length) continue;
			const lower = first > 0 ? others[first - 1]!.order : null;
			const upper = end < others.length ? others[end]!.order : null;
			if (lower !== null && !isOrderKey(lower)) continue;
			if (upper !== null && !isOrderKey(upper)) continue;
			if (lower !== null && upper !== null && lower >= upper) continue;
			const keys = generateNKeysBetween(lower, upper, extra + 1);
			if (keys.some((key) => key.length > MAX_KEY_LENGTH)) continue;
			const run = [...others.slice(first, index), null, ...others.slice(index, end)];
			return {
				order: keys[before]!,
				rekey: run.flatMap((item, i) => (item === null ? [] : [{ id: item.id, order: keys[i]! }]))
			};
		}
	}
}

/**
 * The writes that move the item `itemId` to position `toIndex` of the list as it will be after the
 * move (0 = first; clamped to the list). An id that is not in the list is inserted there as a new
 * item. An item whose key already puts it there keeps it, with nothing to re-key.
 */
export function orderForMove(
	sortedItems: readonly Ordered[],
	itemId: string,
	toIndex: number
): OrderWrite {
	// Sorted again so that a list sorted some other way cannot make keys and positions disagree.
	const others = sortedItems.filter((item) => item.id !== itemId).sort(compareByOrder);
	const index = Math.min(Math.max(Math.trunc(toIndex) || 0, 0), others.length);
	const item = sortedItems.find((candidate) => candidate.id === itemId);
	const before = others[index - 1];
	const after = others[index];
	if (
		item !== undefined &&
		isOrderKey(item.order) &&
		(before === undefined || compareByOrder(before, item) < 0) &&
		(after === undefined || compareByOrder(item, after) < 0)
	) {
		return { order: item.order, rekey: [] };
	}
	return placeAt(others, index);
}

/** The writes for a new item after every other. */
export const orderAtEnd = (sortedItems: readonly Ordered[]): OrderWrite =>
	placeAt([...sortedItems].sort(compareByOrder), sortedItems.length);

/** The writes for a new item before every other. */
export const orderAtStart = (sortedItems: readonly Ordered[]): OrderWrite =>
	placeAt([...sortedItems].sort(compareByOrder), 0);
