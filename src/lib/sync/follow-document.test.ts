import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { followDocument } from './follow-document';
import type { DocumentHandle } from './open-document';
import { NO_DURABILITY } from './test-support';

function fakeHandle(): DocumentHandle & { closed: number } {
	const doc = new Y.Doc();
	const handle = {
		name: 'kommune/032410001001/profile',
		doc,
		awareness: null as never,
		status: 'local' as const,
		onStatus: () => () => {},
		...NO_DURABILITY,
		whenStored: () => Promise.resolve(),
		closed: 0,
		close: async () => void (handle.closed += 1)
	};
	return handle;
}

describe('following a document', () => {
	it('reports it once opened and after every change, and not after stopping', async () => {
		const handle = fakeHandle();
		const seen: string[] = [];
		const stop = followDocument(async () => handle, {
			onChange: (h) => seen.push(h.doc.getText('t').toString()),
			onError: () => seen.push('error')
		});
		await expect.poll(() => seen).toEqual(['']);
		handle.doc.getText('t').insert(0, 'a');
		expect(seen).toEqual(['', 'a']);
		stop();
		handle.doc.getText('t').insert(1, 'b');
		expect(seen).toEqual(['', 'a']);
		expect(handle.closed).toBe(1);
	});

	it('a document that opens after stopping is released at once and never reported', async () => {
		const handle = fakeHandle();
		let resolve!: (h: DocumentHandle) => void;
		const seen: unknown[] = [];
		const stop = followDocument(() => new Promise((r) => (resolve = r)), {
			onChange: (h) => seen.push(h),
			onError: (e) => seen.push(e)
		});
		stop();
		resolve(handle);
		await expect.poll(() => handle.closed).toBe(1);
		expect(seen).toEqual([]);
	});

	it('a failed open is reported as an error', async () => {
		const failure = new Error('storage');
		const errors: unknown[] = [];
		followDocument(() => Promise.reject(failure), {
			onChange: () => errors.push('changed'),
			onError: (e) => errors.push(e)
		});
		await expect.poll(() => errors).toEqual([failure]);
	});
});
