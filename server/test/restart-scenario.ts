// "Data survives a server restart", shared by the SQLite and the PostgreSQL tests: write through a
// real client, stop the server (which stores), start a new one on the same storage, read back.
import { expect } from 'vitest';
import type { Cleanup } from './cleanup';
import { connectSyncClient, textOf } from './sync-client';
import { startTestServer, type TestServerOptions } from './test-server';

const BOARD = 'kommune/032410001001/workshop/w1/board';

export async function expectDataSurvivesRestart(
	options: () => TestServerOptions,
	defer: (cleanup: Cleanup) => void
): Promise<void> {
	const first = await startTestServer(options());
	defer(() => first.close());
	const { token } = await first.server.tokens.issue({
		sub: 'owner',
		role: 'moderation',
		docs: ['kommune/*/**'],
		ttlSeconds: 600
	});
	const writer = connectSyncClient({ url: first.syncUrl, name: BOARD, token });
	defer(() => writer.destroy());
	await expect.poll(() => writer.state.synced).toBe(true);
	writer.doc.getText('t').insert(0, 'Handlungsfeld: Digitale Verwaltung');
	await expect.poll(() => writer.provider.hasUnsyncedChanges).toBe(false);
	writer.destroy();
	await first.close();

	const second = await startTestServer(options());
	defer(() => second.close());
	const reader = connectSyncClient({ url: second.syncUrl, name: BOARD, token });
	defer(() => reader.destroy());
	await expect.poll(() => textOf(reader.doc)).toBe('Handlungsfeld: Digitale Verwaltung');
}
