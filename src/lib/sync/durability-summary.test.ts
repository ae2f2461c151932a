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
	durability: {
		localStoredAt: 500,
		ownChangesPending: false,
		uncoveredSince: null,
		acknowledgedAt: null,
		places,
		...over
	}
});

const NOW = 100_000;
const uncovered = (over: Partial<DocumentDurability>, place: Partial<PlaceDurability> = {}) =>
	entry('a', [laptop({ covered: false, ...place })], over);

describe('the one word for all open documents', () => {
	it('says nothing about storage while no document is open', () => {
		expect(summarizeDurability([], NOW).state).toBe('none');
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
			NOW
		);
		// b's latest write is the central one at 3,000; a's at 5,000; the older of the two is 3,000.
		expect(summary).toEqual({ state: 'saved', storedAt: 3_000, place: 'central' });
	});

	it('says wird gesichert for a connected document uncovered for less than the grace period, then nicht gesichert', () => {
		const fresh = uncovered({ uncoveredSince: NOW - SAVE_GRACE_MS + 1 });
		const stale = uncovered({ uncoveredSince: NOW - SAVE_GRACE_MS });
		expect(summarizeDurability([entry('b', [laptop()]), fresh], NOW).state).toBe('saving');
		expect(summarizeDurability([entry('b', [laptop()]), stale], NOW).state).toBe('unsaved');
	});

	it('keeps saying wird gesichert while acknowledgements keep coming for a document edited without pause', () => {
		const typing = uncovered({
			uncoveredSince: NOW - 10 * SAVE_GRACE_MS,
			acknowledgedAt: NOW - 2_000
		});
		expect(summarizeDurability([typing], NOW).state).toBe('saving');
		const failing = uncovered({
			uncoveredSince: NOW - 10 * SAVE_GRACE_MS,
			acknowledgedAt: NOW - SAVE_GRACE_MS
		});
		expect(summarizeDurability([failing], NOW).state).toBe('unsaved');
	});

	it('is nicht gesichert at once for an uncovered document without a connection', () => {
		const offline = uncovered({ uncoveredSince: NOW }, { connected: false });
		expect(summarizeDurability([offline], NOW).state).toBe('unsaved');
	});

	it('is nur auf diesem Gerät when no open document has a server', () => {
		expect(summarizeDurability([entry('a', [])], NOW).state).toBe('local');
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
