import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SYNC_PATH, WS_MAX_PAYLOAD_BYTES } from '../src/lib/contract/protocol';
import { useCleanup } from './test/cleanup';
import { seedSqlite } from './test/seed';
import { connectSyncClient, textOf } from './test/sync-client';
import { createTempDir, removeDir, startTestServer } from './test/test-server';

const PROFILE = 'kommune/032410001001/profile';
const defer = useCleanup();

async function start() {
	const dataDir = createTempDir('kw-data-');
	defer(() => removeDir(dataDir));
	await seedSqlite(dataDir, PROFILE, 'Profil');
	const test = await startTestServer({ dataDir });
	defer(() => test.close());
	return test;
}

type UpgradeResult = { opened: true; socket: WebSocket } | { opened: false; status: number };

/** Opens a raw socket and reports whether the upgrade succeeded or with which HTTP status it failed. */
function tryUpgrade(url: string, options: WebSocket.ClientOptions = {}): Promise<UpgradeResult> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(url, options);
		defer(() => socket.terminate());
		socket.once('open', () => resolve({ opened: true, socket }));
		socket.once('unexpected-response', (_req, res) => {
			resolve({ opened: false, status: res.statusCode ?? 0 });
			res.resume();
		});
		socket.once('error', (error) => reject(error));
	});
}

describe('sync endpoint', () => {
	it('refuses a WebSocket upgrade from a foreign origin', async () => {
		const { syncUrl } = await start();
		for (const origin of ['http://evil.example', 'http://evil.example:8420', 'null']) {
			expect(await tryUpgrade(syncUrl, { origin })).toEqual({ opened: false, status: 403 });
		}
	});

	it('accepts an upgrade from its own origin, from the LAN host name the page came from, and from Node without Origin', async () => {
		const { port, syncUrl } = await start();
		const own = await tryUpgrade(syncUrl, { origin: `http://localhost:${port}` });
		expect(own.opened).toBe(true);
		const lan = await tryUpgrade(syncUrl, {
			origin: `http://kw-lan.test:${port}`,
			headers: { Host: `kw-lan.test:${port}` }
		});
		expect(lan.opened).toBe(true);
		expect((await tryUpgrade(syncUrl)).opened).toBe(true);
	});

	it('refuses an upgrade on any other path', async () => {
		const { port } = await start();
		const result = await tryUpgrade(`ws://127.0.0.1:${port}/not-sync`);
		expect(result).toEqual({ opened: false, status: 404 });
		expect(SYNC_PATH).not.toBe('/not-sync');
	});

	it('closes a connection that sends more than the payload limit and keeps serving others', async () => {
		const { server, syncUrl } = await start();
		const { token } = await server.tokens.issue({
			sub: 'owner',
			role: 'moderation',
			docs: ['kommune/*/**'],
			ttlSeconds: 600
		});
		const bystander = connectSyncClient({ url: syncUrl, name: PROFILE, token });
		defer(() => bystander.destroy());
		await expect.poll(() => textOf(bystander.doc)).toBe('Profil');

		const result = await tryUpgrade(syncUrl);
		if (!result.opened) throw new Error('upgrade failed');
		const closed = new Promise<number>((resolve) =>
			result.socket.once('close', (code) => resolve(code))
		);
		result.socket.on('error', () => {});
		result.socket.send(new Uint8Array(WS_MAX_PAYLOAD_BYTES + 1024));
		expect(await closed).toBe(1009);

		bystander.doc.getText('t').insert(0, 'Neues ');
		const newcomer = connectSyncClient({ url: syncUrl, name: PROFILE, token });
		defer(() => newcomer.destroy());
		await expect.poll(() => textOf(newcomer.doc)).toBe('Neues Profil');
	});
});
