import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
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
