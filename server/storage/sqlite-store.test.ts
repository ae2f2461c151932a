import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTempDir, removeDir } from '../test/test-server';
import { runAccessRecordStoreContract } from './access-record-store.contract';
import { runBlobStoreContract } from './blob-store.contract';
import { runDocumentStoreContract } from './document-store.contract';
import { openSqliteBlobs } from './sqlite-blobs';
import { openSqliteAccessRecords } from './sqlite-access-records';
import { openSqliteStore, SQLITE_FILE_NAME } from './sqlite-store';

const dir = createTempDir('kw-sqlite-');
afterAll(() => removeDir(dir));

runDocumentStoreContract('SQLite', () => ({
	open: async (compaction) => openSqliteStore(join(dir, SQLITE_FILE_NAME), compaction),
	async unmerged(name) {
		const db = new Database(join(dir, SQLITE_FILE_NAME), { readonly: true });
		try {
			const row = db
				.prepare<[string], { count: number }>(
					'SELECT count(*) AS count FROM document_updates WHERE name = ?'
				)
				.get(name);
			return row?.count ?? 0;
		} finally {
			db.close();
		}
	}
}));

runAccessRecordStoreContract('SQLite', async () =>
	openSqliteAccessRecords(join(dir, SQLITE_FILE_NAME))
);

runBlobStoreContract('SQLite', async () => openSqliteBlobs(join(dir, SQLITE_FILE_NAME)));

describe('loading a document with increments not yet merged (ADR 18)', () => {
	it('has the writer merge them before the load returns, so the event loop does not', async () => {
		const file = join(dir, 'load-merge.sqlite');
		const never = { maxUpdates: 1e9, minBytes: 1e12, stateShare: 1 };
		const name = 'kommune/032410001001/workshop/w-load/board';
		const doc = new Y.Doc();
		const increments: Uint8Array[] = [];
		doc.on('updateV2', (update: Uint8Array) => increments.push(update));
		for (let i = 0; i < 5; i++) doc.getMap('cards').set(`card-${i}/text`, `Karte ${i}`);
		const first = openSqliteStore(file, never);
		for (const increment of increments) await first.append(name, increment);
		await first.close();

		const second = openSqliteStore(file, never);
		try {
			const stored = await second.load(name);
			// Counted before anything else can run: the merged state is what the load read.
			const db = new Database(file, { readonly: true });
			const unmerged = db
				.prepare<[string], { count: number }>(
					'SELECT count(*) AS count FROM document_updates WHERE name = ?'
				)
				.get(name);
			db.close();
			expect(unmerged?.count).toBe(0);
			expect(stored?.state).toEqual(Y.encodeStateAsUpdateV2(doc));
		} finally {
			await second.close();
		}
	});
});
