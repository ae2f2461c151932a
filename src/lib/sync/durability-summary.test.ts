import { describe, expect, it } from 'vitest';
import type { DocumentDurability, PlaceDurability } from './durability';
import {
	SAVE_GRACE_MS,
	hasUnsavedOwnChanges,
	summarizeDurability,
	type DurabilityEntry
} from './durability-summary';

const laptop = (over: Partial<PlaceDurability> = {}): PlaceDurability => ({
	place: 'laptop',
	connected: true,
	storedAt: 1_000,
	covered: true,
	...over
});

const entry = (
	name: string,
	places: PlaceDurability[],
	over: Partial<DocumentDurability> = {}
): DurabilityEntry => ({
	name,
	durability: { localStoredAt: 500, ownChangesPending: false, places, ...over }
});

describe('the one word for all open documents', () => {
	it('says nothing about storage while no document is open', () => {
		expect(summarizeDurability([], 0, null).state).toBe('none');
	});

	it('is gesichert when every open document is covered, with the oldest of their latest writes', () => {
		const summary = summarizeDurability(
			[
				entry('a', [laptop({ storedAt: 5_000 })]),
				entry('b', [
					laptop({ storedAt: 2_000 }),
					{ place: 'central', connected: true, storedAt: 3_000, covered: true }
				])
			],
			9_000,
			null
		);
		// b's latest write is the central one at 3,000; a's at 5,000; the older of the two is 3,000.
		expect(summary).toEqual({ state: 'saved', storedAt: 3_000, place: 'central' });
	});

	it('says wird gesichert during the grace period while connected, then nicht gesichert', () => {
		const entries = [entry('a', [laptop()]), entry('b', [laptop({ covered: false })])];
		expect(summarizeDurability(entries, 10_000, 10_000 - SAVE_GRACE_MS + 1).state).toBe('saving');
		expect(summarizeDurability(entries, 10_000, 10_000 - SAVE_GRACE_MS).state).toBe('unsaved');
	});

	it('is nicht gesichert at once for an uncovered document without a connection', () => {
		const entries = [entry('a', [laptop({ covered: false, connected: false })])];
		expect(summarizeDurability(entries, 10_000, 10_000).state).toBe('unsaved');
	});

	it('is nur auf diesem Gerät when no open document has a server', () => {
		expect(summarizeDurability([entry('a', [])], 0, 0).state).toBe('local');
	});
});

describe('the warning before closing the page', () => {
	it('is due for an own change no server covers, and not for a read-only view waiting for a write', () => {
		const own = entry('a', [laptop({ covered: false })], { ownChangesPending: true });
		const viewer = entry('b', [laptop({ covered: false })], { ownChangesPending: false });
		expect(hasUnsavedOwnChanges([own, viewer])).toBe(true);
		expect(hasUnsavedOwnChanges([viewer])).toBe(false);
	});

	it('is not due on a device that has no server at all', () => {
		expect(hasUnsavedOwnChanges([entry('a', [], { ownChangesPending: true })])).toBe(false);
	});
});
