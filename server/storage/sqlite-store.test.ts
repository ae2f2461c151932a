import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createTempDir, removeDir } from '../test/test-server';
import { runDocumentStoreContract } from './document-store.contract';
import { openSqliteStore, SQLITE_FILE_NAME } from './sqlite-store';

const dir = createTempDir('kw-sqlite-');
afterAll(() => removeDir(dir));

runDocumentStoreContract('SQLite', () => ({
	open: async () => openSqliteStore(join(dir, SQLITE_FILE_NAME))
}));
