import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createTempDir, removeDir } from '../test/test-server';
import { runAccessRecordStoreContract } from './access-record-store.contract';
import { runDocumentStoreContract } from './document-store.contract';
import { openSqliteAccessRecords } from './sqlite-access-records';
import { openSqliteStore, SQLITE_FILE_NAME } from './sqlite-store';

const dir = createTempDir('kw-sqlite-');
afterAll(() => removeDir(dir));

runDocumentStoreContract('SQLite', () => ({
	open: async () => openSqliteStore(join(dir, SQLITE_FILE_NAME))
}));

runAccessRecordStoreContract('SQLite', async () =>
	openSqliteAccessRecords(join(dir, SQLITE_FILE_NAME))
);
