// `npm start` stops as a whole when the process that was started (npm) is signalled: npm ends, or
// passes the signal to the shell it runs the script in, which ends, so scripts/start.mjs and the server
// notice that npm or the shell is gone and stop, storing first (ADR 16). (Ctrl-C in a terminal reaches
// the whole process group, and start.mjs passes it on itself.)
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useCleanup } from './test/cleanup';
import { freePort } from './test/free-port';
import { storedTextInSqlite } from './test/seed';
import { connectSyncClient } from './test/sync-client';
import { createFakeBuild, createTempDir, removeDir } from './test/test-server';
import { TOKEN_SECRET_FILE } from './token-secret';
import { createTokenService } from './tokens';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROFILE = 'kommune/032410001001/profile';
const SECRET = 's'.repeat(48);
const defer = useCleanup();

const portIsFree = (port: number) =>
	new Promise<boolean>((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(false);
		});
		socket.once('error', () => resolve(true));
	});

describe('npm start', () => {
	it.each(['SIGTERM', 'SIGHUP', 'SIGKILL'] as const)(
		'%s to the npm process stores what was written and frees the port',
		{ timeout: 90_000 },
		async (signal) => {
			const dataDir = createTempDir('kw-data-');
			const buildDir = createFakeBuild();
			defer(() => removeDir(dataDir));
			defer(() => removeDir(buildDir));
			writeFileSync(join(dataDir, TOKEN_SECRET_FILE), `${SECRET}\n`, { mode: 0o600 });
			const port = await freePort();
			const npm = spawn('npm', ['start'], {
				cwd: ROOT,
				env: {
					...process.env,
					PORT: String(port),
					HOST: '127.0.0.1',
					DATA_DIR: dataDir,
					BUILD_DIR: buildDir
				},
				stdio: ['ignore', 'pipe', 'pipe']
			});
			const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
			defer(() => void (npm.exitCode === null && npm.kill('SIGKILL')));
			let output = '';
			npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
			npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
			await expect.poll(() => output, { timeout: 60_000 }).toContain('läuft');

			const { token } = await createTokenService(new TextEncoder().encode(SECRET)).issue({
				sub: 'owner',
				role: 'moderation',
				docs: ['kommune/*/**'],
				ttlSeconds: 600
			});
			const client = connectSyncClient({
				url: `ws://127.0.0.1:${port}/sync`,
				name: PROFILE,
				token
			});
			defer(() => client.destroy());
			await expect.poll(() => client.state.synced).toBe(true);
			client.doc.getText('t').insert(0, 'Vor dem Beenden geschrieben');
			// The server has the edit (not yet stored: its debounce is seconds).
			await expect.poll(() => client.provider.hasUnsyncedChanges).toBe(false);

			process.kill(npm.pid!, signal);
			await exited;
			await expect.poll(() => portIsFree(port), { timeout: 30_000 }).toBe(true);
			// The port is free as soon as the server stops listening, before its last write (on the store's
			// writer thread, ADR 18) has committed.
			await expect
				.poll(() => storedTextInSqlite(dataDir, PROFILE), { timeout: 30_000 })
				.toBe('Vor dem Beenden geschrieben');
		}
	);
});
