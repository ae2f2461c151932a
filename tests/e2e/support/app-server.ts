// The product's own server as a child process: a test can stop it to prove offline
// behaviour and start it again on the same port, so the origin (IndexedDB, service worker) stays the same.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface AppServerOptions {
	port: number;
	buildDir?: string;
	env?: Record<string, string>;
}

export class AppServer {
	readonly port: number;
	readonly dataDir = mkdtempSync(join(tmpdir(), 'kw-e2e-data-'));
	buildDir: string;
	#env: Record<string, string>;
	#child: ChildProcess | null = null;
	#output = '';

	constructor(options: AppServerOptions) {
		this.port = options.port;
		this.buildDir = options.buildDir ?? 'build';
		this.#env = options.env ?? {};
	}

	/** TOKEN_SECRET when the server is configured with one (central mode); else it lives in dataDir. */
	get tokenSecret(): string | null {
		return this.#env.TOKEN_SECRET ?? null;
	}

	get origin(): string {
		return `http://localhost:${this.port}`;
	}

	get isRunning(): boolean {
		return this.#child !== null;
	}

	async start(): Promise<void> {
		if (this.#child) return;
		const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
			env: {
				...process.env,
				PORT: String(this.port),
				HOST: '127.0.0.1',
				DATA_DIR: this.dataDir,
				BUILD_DIR: this.buildDir,
				OPERATOR_NAME: 'Testbetrieb Kommunalwerkstatt',
				OPERATOR_EMAIL: 'barrierefreiheit@example.org',
				// A store falls due 200 ms after the last change instead of the 2 s the product waits, so a
				// test that waits for "gesichert" (a write and its acknowledgement, ADR 10) waits for the
				// write, not for the pause. No browser test is about the length of the pause; a test that
				// is sets its own.
				SYNC_DEBOUNCE_MS: '200',
				...this.#env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		this.#child = child;
		child.stdout?.on('data', (chunk: Buffer) => (this.#output += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (this.#output += chunk.toString()));
		child.once('exit', () => {
			if (this.#child === child) this.#child = null;
		});
		await this.#waitUntilHealthy();
	}

	async stop(): Promise<void> {
		const child = this.#child;
		if (!child) return;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		child.kill('SIGTERM');
		await exited;
		this.#child = null;
	}

	async dispose(): Promise<void> {
		await this.stop();
		rmSync(this.dataDir, { recursive: true, force: true });
	}

	get output(): string {
		return this.#output;
	}

	async #waitUntilHealthy(): Promise<void> {
		const deadline = Date.now() + 30_000;
		while (Date.now() < deadline) {
			if (!this.#child) throw new Error(`server exited during start:\n${this.#output}`);
			try {
				const response = await fetch(`${this.origin}/api/health`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`server did not become healthy:\n${this.#output}`);
	}
}
