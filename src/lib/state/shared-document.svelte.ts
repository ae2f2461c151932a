// One document held open once for everything a feature reads and writes in it (ADR 12): its live views
// (LiveDocument), its writes, and the parts that need the handle itself (presence, undo) share one lease
// of the document registry. A write while the document is shown goes into the Y.Doc already open and
// waits for IndexedDB (SPEC S1); only a write while nothing shows it opens the document for itself.

import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import type { DocumentHandle } from '../sync/open-document';
import { sharedHandle } from '../sync/shared-handle';
import { appErrorOf, type AppErrorCode, type Result } from './app-error';

interface Lease {
	readonly handle: DocumentHandle;
	release(): void;
}

export class SharedDocument {
	#open: () => Promise<DocumentHandle>;
	#opening: Promise<DocumentHandle> | null = null;
	#holders = 0;
	/** The handle while something renders the document; views read it. */
	#shown: DocumentHandle | null = null;
	#version = $state(0);
	#loading = $state(true);
	#error = $state<AppErrorCode | null>(null);
	#connected = $state(false);
	#subscribe: () => void;

	constructor(open: () => Promise<DocumentHandle>) {
		this.#open = open;
		this.#subscribe = createSubscriber(() => {
			let stopped = false;
			let stop = () => {};
			this.#hold().then(
				({ handle, release }) => {
					if (stopped) return release();
					const changed = () => this.#version++;
					handle.doc.on('update', changed);
					const stopStatus = handle.onStatus((s) => (this.#connected = s === 'connected'));
					this.#shown = handle;
					this.#connected = handle.status === 'connected';
					this.#error = null;
					this.#loading = false;
					this.#version++;
					stop = () => {
						handle.doc.off('update', changed);
						stopStatus();
						this.#shown = null;
						release();
					};
				},
				(error: unknown) => {
					if (stopped) return;
					this.#error = appErrorOf(error);
					this.#loading = false;
				}
			);
			return () => {
				stopped = true;
				stop();
			};
		});
	}

	/** Counts up on every change of the document while rendered; reading it opens the document. */
	get version(): number {
		this.#subscribe();
		return this.#version;
	}

	get loading(): boolean {
		this.#subscribe();
		return this.#loading;
	}

	get error(): AppErrorCode | null {
		this.#subscribe();
		return this.#error;
	}

	/** Whether the document is synced with the server now. */
	get connected(): boolean {
		this.#subscribe();
		return this.#connected;
	}

	/** Reads the document as it is now; null while nothing renders it (it is closed). */
	readNow<U>(read: (doc: Y.Doc) => U): U | null {
		return this.#shown === null ? null : read(this.#shown.doc);
	}

	/**
	 * Applies `change` to the document and resolves once it is stored on this device, with what `change`
	 * returned, or the code of why it could not be stored.
	 */
	async write<R>(change: (doc: Y.Doc) => R): Promise<Result<R>> {
		let lease: Lease;
		try {
			lease = await this.#hold();
		} catch (error) {
			return { ok: false, error: appErrorOf(error) };
		}
		try {
			const value = change(lease.handle.doc);
			await lease.handle.whenStored();
			return { ok: true, value };
		} catch (error) {
			return { ok: false, error: appErrorOf(error) };
		} finally {
			lease.release();
		}
	}

	/**
	 * The document's handle for a part that follows it itself (presence, undo), sharing this lease;
	 * its `close` gives the share back.
	 */
	async borrow(): Promise<DocumentHandle> {
		const { handle, release } = await this.#hold();
		return sharedHandle(handle, release);
	}

	/** Opens the document once for every holder; the last release closes it. */
	async #hold(): Promise<Lease> {
		this.#holders += 1;
		const opening = (this.#opening ??= this.#open());
		let handle: DocumentHandle;
		try {
			handle = await opening;
		} catch (error) {
			// A failed open is forgotten, so the next use tries again.
			if (this.#opening === opening) this.#opening = null;
			this.#holders -= 1;
			throw error;
		}
		let released = false;
		return {
			handle,
			release: () => {
				if (released) return;
				released = true;
				this.#holders -= 1;
				if (this.#holders > 0 || this.#opening !== opening) return;
				this.#opening = null;
				void handle.close();
			}
		};
	}
}
