// A sync server in a process of its own, for the sync benchmarks (scripts/bench-lan-load.ts,
// scripts/bench-central-ingest.ts). Its own process, so it has its own event loop as a real server does,
// and the client harness, which plays 40 devices or a fleet of laptops, does not queue in front of it (on
// a 2-core machine the two still share the CPU). Run through `startSyncServer`, never by hand.
//
// kind 'full': createAppServer with loadConfig's defaults (auth, limits, presence, persistence; the 2 s
//   store debounce, forced after 10 s), on 127.0.0.1 with a port of its own, a temporary DATA_DIR (its
//   SQLite file, unless `env` sets DATABASE_URL) and a tiny fake build. Log level warn, so a rate limit
//   or a failed store shows up in the bench output.
// kind 'bare': Hocuspocus' own Server with no extensions and no configuration beyond port and address.
//
// Messages over the IPC channel: the child sends { type: 'ready', url } once listening; the parent asks
// 'tokens' (full only: server.tokens.issue for each request), 'cpu' (this process' CPU time and RSS) and
// 'close' (stop the server the normal way, answer, exit).
import { fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Server } from '@hocuspocus/server';
import { createAppServer, type AppServer } from '../server/app-server';
import { loadConfig } from '../server/config';
import { createFakeBuild, createTempDir } from '../server/test/test-server';
import type { TokenRequest } from '../server/tokens';

export type SyncServerKind = 'full' | 'bare';

export interface SyncServerOptions {
	kind: SyncServerKind;
	/** Added to the full server's environment (e.g. DATABASE_URL and TOKEN_SECRET for central mode). */
	env?: Record<string, string>;
	/** Write a V8 CPU profile of the server process into this directory (node --cpu-prof). */
	cpuProfileDir?: string;
}

export interface CpuSample {
	/** Microseconds of CPU time (user + system) since the process started. */
	cpuMicros: number;
	rssBytes: number;
	/** Microseconds the full server spent judging participants' updates (server/SPEC.md W1); 0 bare. */
	writeRulesMicros: number;
}

export interface SyncServerProcess {
	/** ws://127.0.0.1:<port>/sync (full) or ws://127.0.0.1:<port> (bare). */
	url: string;
	issueTokens(requests: TokenRequest[]): Promise<string[]>;
	cpu(): Promise<CpuSample>;
	close(): Promise<void>;
}

type RequestBody =
	{ type: 'tokens'; requests: TokenRequest[] } | { type: 'cpu' } | { type: 'close' };
type Request = RequestBody & { id: number };

type Reply =
	| { type: 'ready'; url: string }
	| { type: 'tokens'; id: number; tokens: string[] }
	| { type: 'cpu'; id: number; sample: CpuSample }
	| { type: 'closed'; id: number }
	| { type: 'error'; id: number | null; message: string };

const SELF = fileURLToPath(import.meta.url);

/** Starts the server process and resolves once it listens. */
export function startSyncServer(options: SyncServerOptions): Promise<SyncServerProcess> {
	const execArgv = ['--import', 'tsx'];
	if (options.cpuProfileDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`);
	const child = fork(SELF, ['--child', JSON.stringify(options)], {
		execArgv,
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	let nextId = 1;
	const pending = new Map<number, (reply: Reply) => void>();
	// A server that dies fails whatever waits for it, instead of leaving the benchmark hanging.
	child.once('exit', (code) => {
		for (const settle of pending.values()) {
			settle({ type: 'error', id: null, message: `process exited (code ${String(code)})` });
		}
		pending.clear();
	});
	/** Sends a request and resolves with the reply of the expected type; an error reply rejects. */
	function ask<T extends Reply['type']>(
		request: RequestBody,
		expected: T
	): Promise<Extract<Reply, { type: T }>> {
		return new Promise((resolve, reject) => {
			const id = nextId++;
			pending.set(id, (reply) => {
				if (reply.type === expected) resolve(reply as Extract<Reply, { type: T }>);
				else
					reject(new Error(`sync server: ${reply.type === 'error' ? reply.message : reply.type}`));
			});
			child.send({ ...request, id });
		});
	}

	return new Promise((resolve, reject) => {
		const onExit = (code: number | null) =>
			reject(new Error(`sync server process exited early (code ${String(code)})`));
		child.once('exit', onExit);
		child.on('message', (reply: Reply) => {
			if (reply.type === 'ready' || (reply.type === 'error' && reply.id === null)) {
				child.off('exit', onExit);
				if (reply.type === 'ready') resolve(handle(reply.url));
				else reject(new Error(`sync server failed to start: ${reply.message}`));
				return;
			}
			const settle = reply.id === null ? undefined : pending.get(reply.id);
			if (settle) {
				pending.delete(reply.id!);
				settle(reply);
			}
		});
	});

	function handle(url: string): SyncServerProcess {
		return {
			url,
			issueTokens: async (requests) => (await ask({ type: 'tokens', requests }, 'tokens')).tokens,
			cpu: async () => (await ask({ type: 'cpu' }, 'cpu')).sample,
			async close() {
				const exited = new Promise<void>((done) => child.once('exit', () => done()));
				await ask({ type: 'close' }, 'closed');
				await exited;
			}
		};
	}
}

// ---------------------------------------------------------------------------------------------------
// The child.

interface Running {
	url: string;
	issue(requests: TokenRequest[]): Promise<string[]>;
	close(): Promise<void>;
}

/** Time the write rules took in this process (full server only). */
let writeRulesMicros = 0;

async function startFull(env: Record<string, string>): Promise<Running> {
	const dataDir = createTempDir('kw-bench-data-');
	const buildDir = createFakeBuild();
	const { config } = loadConfig({
		PORT: '0',
		HOST: '127.0.0.1',
		DATA_DIR: dataDir,
		BUILD_DIR: buildDir,
		LOG_LEVEL: 'warn',
		...env
	});
	const server: AppServer = createAppServer(config, {
		onWriteRulesJudged: (micros) => (writeRulesMicros += micros)
	});
	await server.listen();
	return {
		url: `ws://127.0.0.1:${server.port}/sync`,
		issue: (requests) =>
			Promise.all(requests.map(async (request) => (await server.tokens.issue(request)).token)),
		async close() {
			await server.close();
			rmSync(dataDir, { recursive: true, force: true });
			rmSync(buildDir, { recursive: true, force: true });
		}
	};
}

async function startBare(): Promise<Running> {
	const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
	await server.listen();
	return {
		url: `ws://127.0.0.1:${server.address.port}`,
		issue: () => Promise.reject(new Error('the bare server has no tokens')),
		close: () => server.destroy()
	};
}

async function runChild(options: SyncServerOptions): Promise<void> {
	const send = (reply: Reply, then?: () => void) => process.send!(reply, undefined, {}, then);
	let running: Running;
	try {
		running = options.kind === 'full' ? await startFull(options.env ?? {}) : await startBare();
	} catch (error) {
		send({ type: 'error', id: null, message: String(error) });
		process.exit(1);
	}
	process.on('message', (request: Request) => {
		const answer = async (): Promise<Reply> => {
			switch (request.type) {
				case 'tokens':
					return { type: 'tokens', id: request.id, tokens: await running.issue(request.requests) };
				case 'cpu': {
					const { user, system } = process.cpuUsage();
					const sample = {
						cpuMicros: user + system,
						rssBytes: process.memoryUsage.rss(),
						writeRulesMicros
					};
					return { type: 'cpu', id: request.id, sample };
				}
				case 'close':
					await running.close();
					return { type: 'closed', id: request.id };
			}
		};
		answer().then(
			// Exit once the answer is on its way (node --cpu-prof writes its profile on exit).
			(reply) => (reply.type === 'closed' ? send(reply, () => process.exit(0)) : send(reply)),
			(error: unknown) => send({ type: 'error', id: request.id, message: String(error) })
		);
	});
	// The benchmark is gone (killed, crashed): no server is left behind.
	process.on('disconnect', () => process.exit(1));
	send({ type: 'ready', url: running.url });
}

if (process.argv[2] === '--child') {
	await runChild(JSON.parse(process.argv[3]!) as SyncServerOptions);
}
