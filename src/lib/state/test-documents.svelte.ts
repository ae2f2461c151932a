// Helpers for the state-class tests (not imported by app code): real Y.Docs behind LiveDocuments, read
// while a test "renders" them, and writes that change the document as the app's write paths do.

import { flushSync } from 'svelte';
import { expect } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocumentHandle } from '../sync/open-document';
import { NO_DURABILITY } from '../sync/test-support';
import { Clock } from './clock.svelte';
import { LiveDocument } from './live-document.svelte';
import { EMPTY_CONTROL, readControl, WorkshopControl } from './workshop-control.svelte';

const stops: (() => void)[] = [];

/** Ends every `render` of the test; call it in afterEach. */
export function unrender(): void {
	for (const stop of stops.splice(0)) stop();
}

/**
 * Reads `read` in an effect until the test ends, as a page showing it does (documents open then).
 * Returns the stop, for a page that goes away earlier.
 */
export function render(read: () => unknown): () => void {
	const stop = $effect.root(() => {
		$effect(() => {
			void read();
		});
	});
	stops.push(stop);
	flushSync();
	return stop;
}

/** A session of `doc` on this device: no IndexedDB; `connected`: synced with a server. */
export function handleOn(doc: Y.Doc, connected = false): DocumentHandle {
	return {
		name: 'test-document',
		doc,
		awareness: new Awareness(doc),
		status: connected ? 'connected' : 'local',
		onStatus: () => () => {},
		...NO_DURABILITY,
		whenStored: async () => {},
		close: async () => {}
	};
}

export function liveOn<T>(
	doc: Y.Doc,
	read: (doc: Y.Doc) => T,
	initial: T,
	connected = false
): LiveDocument<T> {
	const handle = handleOn(doc, connected);
	return new LiveDocument(async () => handle, read, initial);
}

/** Writes into `doc` at once and succeeds, as writing to a document open on this device does. */
export const writeTo =
	(doc: Y.Doc) =>
	async (change: (doc: Y.Doc) => void): Promise<null> => {
		change(doc);
		return null;
	};

/** A workshop's control document as a page reads it (no server clock). */
export function controlOn(doc: Y.Doc): WorkshopControl {
	return new WorkshopControl(liveOn(doc, readControl, EMPTY_CONTROL), new Clock(async () => null));
}

/** Sends each device's changes to the other, as the server does once both are connected. */
export function exchange(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Waits until every LiveDocument the `loading` getter reads has loaded. */
export async function loaded(state: { readonly loading: boolean }): Promise<void> {
	render(() => state.loading);
	await expect.poll(() => state.loading).toBe(false);
}

export { NO_PHOTO_BLOBS } from './photos/test-support';
