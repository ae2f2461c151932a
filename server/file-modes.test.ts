// H2: DATA_DIR holds every document and the token secret; only the user running the server may read it.
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCleanup } from './test/cleanup';
import { seedSqlite } from './test/seed';
import { connectSyncClient } from './test/sync-client';
import { createTempDir, removeDir, startTestServer, type TestServer } from './test/test-server';
import { SQLITE_FILE_NAME } from './storage/sqlite-store';

const PROFILE = 'kommune/032410001001/profile';
const defer = useCleanup();

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** The mode of DATA_DIR and of every file in it, as octal strings. */
function modes(dataDir: string): Record<string, string> {
	const result: Record<string, string> = { '.': modeOf(dataDir) };
	for (const name of readdirSync(dataDir)) result[name] = modeOf(join(dataDir, name));
	return result;
}

/** Writes through the server and waits until the write is stored, so the WAL files exist. */
async function writeThrough(test: TestServer): Promise<void> {
	const { token } = await test.server.tokens.issue({
		sub: 'moderatorin',
		role: 'moderation',
		docs: ['kommune/*/**'],
		ttlSeconds: 600
	});
	const client = connectSyncClient({ url: test.syncUrl, name: PROFILE, token });
	defer(() => client.destroy());
	await expect.poll(() => client.state.synced).toBe(true);
	client.doc.getText('t').insert(0, 'Vertraulich');
	await expect.poll(() => client.acks.length).toBeGreaterThan(0);
}

describe('files in DATA_DIR', () => {
	it('a new DATA_DIR is readable only by its owner: the directory 0700, the SQLite files and the token secret 0600 (H2)', async () => {
		const parent = createTempDir('kw-parent-');
		defer(() => removeDir(parent));
		const dataDir = join(parent, 'data');
		const test = await startTestServer({ dataDir });
		defer(() => test.close());
		await writeThrough(test);

		expect(modes(dataDir)).toEqual({
			'.': '700',
			'token-secret': '600',
			[SQLITE_FILE_NAME]: '600',
			[`${SQLITE_FILE_NAME}-wal`]: '600',
			[`${SQLITE_FILE_NAME}-shm`]: '600'
		});
	});

	it('a DATA_DIR restored with wider modes is narrowed when the server starts (H2)', async () => {
		const parent = createTempDir('kw-parent-');
		defer(() => removeDir(parent));
		const dataDir = join(parent, 'data');
		mkdirSync(dataDir);
		await seedSqlite(dataDir, PROFILE, 'Profil');
		writeFileSync(join(dataDir, `${SQLITE_FILE_NAME}-wal`), '');
		writeFileSync(join(dataDir, `${SQLITE_FILE_NAME}-shm`), '');
		writeFileSync(join(dataDir, 'token-secret'), `${'s'.repeat(48)}\n`);
		for (const name of readdirSync(dataDir)) chmodSync(join(dataDir, name), 0o644);
		chmodSync(dataDir, 0o755);

		const test = await startTestServer({ dataDir });
		defer(() => test.close());
		await writeThrough(test);

		expect(modes(dataDir)).toEqual({
			'.': '700',
			'token-secret': '600',
			[SQLITE_FILE_NAME]: '600',
			[`${SQLITE_FILE_NAME}-wal`]: '600',
			[`${SQLITE_FILE_NAME}-shm`]: '600'
		});
	});
});
