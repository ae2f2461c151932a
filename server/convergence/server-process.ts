// The real server as a child process, for the convergence harness and the state classes' tests that
// talk to the laptop (src/lib/state/test-laptop.ts): `server/main.ts` exactly as `npm start` runs it,
// configured through the environment, killed with SIGKILL and started again on the same port and the
// same data directory.
//
// Start-up time matters because one harness run restarts the server many times: `node --import tsx`
// needs about 1.0–1.7 s to listen on this machine, a bundle made once with esbuild about 0.55 s. The
// bundle keeps every package external (they load from node_modules as usual) and so lives in
// node_modules/.cache, where Node finds them; if esbuild is missing, the harness falls back to tsx.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SQLITE_FILE_NAME } from '../storage/sqlite-store';

// Without `new URL(…, base)`: a test environment with its own URL class (happy-dom) starts this too.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ENTRY = join(ROOT, 'server', 'main.ts');
/** The line server/main.ts prints once it listens. */
const READY_LINE = 'Kommunalwerkstatt läuft:';
const START_TIMEOUT_MS = 20_000;
const OUTPUT_LINES_KEPT = 200;

export interface ServerProcessOptions {
	port: number;
	dataDir: string;
	tokenSecret: string;
	/** SYNC_DEBOUNCE_MS and SYNC_MAX_DEBOUNCE_MS: the store debounce window a kill has to land in. */
	debounceMs: number;
	maxDebounceMs: number;
	/** LOG_LEVEL; warnings and errors end up in output() for a failing run's report. */
	logLevel?: string;
}

export interface ServerProcess {
	readonly syncUrl: string;
	/** The SQLite file the server writes; read it only while the server is not running. */
	readonly sqliteFile: string;
	readonly running: boolean;
	/** How long each start took until the server listened (ms), in order. */
	readonly startTimes: readonly number[];
	start(): Promise<void>;
	/** SIGKILL: no shutdown flush, pending debounced stores are lost with the process. */
	kill(): Promise<void>;
	/** SIGTERM: the server's own shutdown, which stores every loaded document. Resolves with the exit code. */
	stop(): Promise<number | null>;
	/** The process' last lines of stdout and stderr. */
	output(): string;
}

let command: Promise<string[]> | null = null;

/** The node arguments that start the server: the bundle, made once per process, or tsx. */
export function serverCommand(): Promise<string[]> {
	command ??= bundleServer().catch(() => ['--import', 'tsx', ENTRY]);
	return command;
}

async function bundleServer(): Promise<string[]> {
	const esbuild = await import('esbuild');
	const result = await esbuild.build({
		entryPoints: [ENTRY],
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		packages: 'external',
		write: false,
		logLevel: 'silent',
		plugins: [
			{
				// In a bundle, import.meta.url would name the bundle; config.ts reads ../package.json from it.
				name: 'own-import-meta-url',
				setup(build) {
					build.onLoad({ filter: /\.ts$/ }, ({ path }) => {
						const source = readFileSync(path, 'utf8');
						const url = JSON.stringify(pathToFileURL(path).href);
						return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
					});
				}
			}
		]
	});
	const code = result.outputFiles[0]!.contents;
	const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
	const dir = join(ROOT, 'node_modules', '.cache', 'kommunalwerkstatt-convergence');
	const file = join(dir, `server-${hash}.mjs`);
	if (!existsSync(file)) {
		mkdirSync(dir, { recursive: true });
		// Another process may write the same bundle at the same time: the rename makes either complete.
		const temporary = `${file}.${process.pid}.tmp`;
		writeFileSync(temporary, code);
		renameSync(temporary, file);
	}
	return [file];
}

export function createServerProcess(options: ServerProcessOptions): ServerProcess {
	const lines: string[] = [];
	const startTimes: number[] = [];
	let child: ChildProcess | null = null;
	let exited: Promise<number | null> = Promise.resolve(null);

	const remember = (prefix: string) => (chunk: Buffer) => {
		for (const line of chunk.toString('utf8').split('\n')) {
			if (line.trim() === '') continue;
			lines.push(`${prefix} ${line}`);
			if (lines.length > OUTPUT_LINES_KEPT) lines.shift();
		}
	};
	// A harness that dies must not leave a server holding the port.
	const killOnExit = () => child?.kill('SIGKILL');

	async function start(): Promise<void> {
		if (child) throw new Error('the server is already running');
		const args = await serverCommand();
		const began = performance.now();
		const started = spawn(process.execPath, args, {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				...process.env,
				PORT: String(options.port),
				HOST: '127.0.0.1',
				DATA_DIR: options.dataDir,
				// Nothing to serve: the harness speaks only to /sync.
				BUILD_DIR: join(options.dataDir, 'no-build'),
				DATABASE_URL: '',
				TOKEN_SECRET: options.tokenSecret,
				LOG_LEVEL: options.logLevel ?? 'warn',
				SYNC_DEBOUNCE_MS: String(options.debounceMs),
				SYNC_MAX_DEBOUNCE_MS: String(options.maxDebounceMs)
			}
		});
		child = started;
		process.on('exit', killOnExit);
		lines.push(`--- start (pid ${started.pid})`);
		exited = new Promise((resolve) => {
			started.once('exit', (code, signal) => {
				lines.push(`--- exit (code ${code}, signal ${signal})`);
				if (child === started) child = null;
				process.off('exit', killOnExit);
				resolve(code);
			});
		});
		started.stderr!.on('data', remember('stderr'));
		await new Promise<void>((resolve, reject) => {
			let stdout = '';
			const timer = setTimeout(() => {
				started.kill('SIGKILL');
				reject(new Error(`the server did not listen within ${START_TIMEOUT_MS} ms\n${output()}`));
			}, START_TIMEOUT_MS);
			const onData = (chunk: Buffer) => {
				remember('stdout')(chunk);
				stdout += chunk.toString('utf8');
				if (stdout.includes(READY_LINE)) {
					clearTimeout(timer);
					started.stdout!.off('data', onData);
					started.stdout!.on('data', remember('stdout'));
					resolve();
				}
			};
			started.stdout!.on('data', onData);
			void exited.then(() => {
				clearTimeout(timer);
				reject(new Error(`the server exited before it listened\n${output()}`));
			});
		});
		startTimes.push(performance.now() - began);
	}

	async function kill(): Promise<void> {
		const running = child;
		if (!running) return;
		running.kill('SIGKILL');
		await exited;
	}

	async function stop(): Promise<number | null> {
		const running = child;
		if (!running) return null;
		running.kill('SIGTERM');
		const timer = setTimeout(() => running.kill('SIGKILL'), 20_000);
		const code = await exited;
		clearTimeout(timer);
		return code;
	}

	function output(): string {
		return lines.join('\n');
	}

	return {
		syncUrl: `ws://127.0.0.1:${options.port}/sync`,
		sqliteFile: join(options.dataDir, SQLITE_FILE_NAME),
		get running() {
			return child !== null;
		},
		startTimes,
		start,
		kill,
		stop,
		output
	};
}
