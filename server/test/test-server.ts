// A real server for tests: a loopback address (127.0.0.1 unless env.HOST names another), port 0, a
// temporary DATA_DIR, a tiny fake build, no log output.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServer, type AppServer, type AppServerOptions } from '../app-server';
import { loadConfig, type Env, type ServerConfig } from '../config';
import { createLogger } from '../logger';
import { isLoopbackAddress } from '../owner';
import type { Role } from '../../src/lib/domain/access';
import { docPatternsFor, type ScopeTarget } from '../../src/lib/domain/token-scope';

export const FAKE_BOOT_SCRIPT = 'window.__kwBooted = true;';

export function createTempDir(prefix: string): string {
	return mkdtempSync(join(tmpdir(), prefix));
}

/** What adapter-static + the PWA plugin produce, reduced to the files the server treats specially. */
export function createFakeBuild(): string {
	const dir = createTempDir('kw-build-');
	mkdirSync(join(dir, '_app', 'immutable', 'entry'), { recursive: true });
	writeFileSync(
		join(dir, '200.html'),
		`<!doctype html><html><head><script type="module" src="/_app/immutable/entry/start.js"></script></head>` +
			`<body><div><script>${FAKE_BOOT_SCRIPT}</script></div></body></html>`
	);
	writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("install", () => {});');
	writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"Kommunalwerkstatt"}');
	writeFileSync(join(dir, '_app', 'immutable', 'entry', 'start.js'), 'export {};');
	return dir;
}

export interface TestServerOptions extends AppServerOptions {
	dataDir?: string;
	buildDir?: string;
	env?: Env;
	configure?: (config: ServerConfig) => ServerConfig;
}

export interface TestServer {
	server: AppServer;
	config: ServerConfig;
	dataDir: string;
	port: number;
	/** ws://<host>:<port>/sync, e.g. ws://127.0.0.1:<port>/sync */
	syncUrl: string;
	close(): Promise<void>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
	const dataDir = options.dataDir ?? createTempDir('kw-data-');
	const buildDir = options.buildDir ?? createFakeBuild();
	const { config: loaded } = loadConfig({
		PORT: '0',
		HOST: '127.0.0.1',
		DATA_DIR: dataDir,
		BUILD_DIR: buildDir,
		...options.env
	});
	const fast: ServerConfig = {
		...loaded,
		sync: { ...loaded.sync, debounceMs: 20, maxDebounceMs: 100, expirySweepMs: 50 },
		persistence: { retryBaseMs: 20, retryMaxMs: 200 },
		shutdownTimeoutMs: 3_000
	};
	const config = options.configure ? options.configure(fast) : fast;
	if (!isLoopbackAddress(config.host)) {
		throw new Error(`test servers listen on loopback only, not on ${config.host}`);
	}
	const server = createAppServer(config, {
		logger: options.logger ?? createLogger('silent'),
		store: options.store,
		onPersisted: options.onPersisted,
		budgetClock: options.budgetClock
	});
	await server.listen();
	return {
		server,
		config,
		dataDir,
		port: server.port,
		syncUrl: `ws://${config.host.includes(':') ? `[${config.host}]` : config.host}:${server.port}/sync`,
		async close() {
			await server.close();
			if (!options.buildDir) rmSync(buildDir, { recursive: true, force: true });
			if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

export function removeDir(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
}

/** A token the test server issues for `role` over what `target` names (as `npm run token` does). */
export async function tokenFor(
	test: TestServer,
	role: Role,
	target: ScopeTarget,
	sub: string
): Promise<string> {
	const scope = docPatternsFor(role, target);
	if (!scope.ok) throw new Error(scope.error);
	const { token } = await test.server.tokens.issue({
		sub,
		role,
		docs: scope.docs,
		ttlSeconds: 600
	});
	return token;
}
