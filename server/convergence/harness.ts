// The convergence harness: many seeded runs at once against one real server process, which is killed
// with SIGKILL inside its store debounce window and restarted on the same port, while devices running
// the client's document engine (device.ts) edit, lose the network, edit offline, restart from their own
// IndexedDB and come back. Nothing an edit made may be lost (SPEC S1), tabs agree through the relay
// alone (S4), and what a device shows as stored on the server is in its database (ADR 10).
//
// A batch of runs shares each kill. Before a kill every run waits until the server has stored all that
// its online devices hold (so the debounce starts afresh), then all runs make their kill edits at once,
// and the server is killed as soon as it has applied all of them in memory: well inside the debounce
// window, since the debounced store runs `debounceMs` after a document's last change. Whether it was
// inside is not assumed but checked: the run's marker edit must be missing from the database. A run
// that no kill caught that way gets extra kills; if none catches it, it fails.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredDocument } from '../storage/document-store';
import { openSqliteStore } from '../storage/sqlite-store';
import { freeRestartablePort } from '../test/free-port';
import { createTokenService } from '../tokens';
import { makePlan, PLAN_LIMITS } from './plan';
import { Run, type RunStats } from './run';
import { createServerProcess, type ServerProcess } from './server-process';

export interface HarnessOptions {
	/** The server's SYNC_DEBOUNCE_MS / SYNC_MAX_DEBOUNCE_MS. */
	debounceMs?: number;
	maxDebounceMs?: number;
	/** Kills beyond the planned ones for runs whose marker edit was stored before a kill. */
	extraKills?: number;
	/** The server's LOG_LEVEL (default warn); its last lines are in `server.output()`. */
	serverLogLevel?: string;
	/** Progress lines (the soak script prints them). */
	log?: (line: string) => void;
}

export interface RunResult {
	seed: number;
	/** Null when the run passed; else what went wrong, and at which stage. */
	failure: string | null;
	stats: RunStats;
}

export interface BatchReport {
	results: RunResult[];
	durationMs: number;
	/**
	 * Per kill: ms from the kill edits to SIGKILL, how many runs made them, and how many of those the
	 * kill caught with the edits applied in memory and not stored.
	 */
	kills: { probeToKillMs: number; runs: number; inWindow: number }[];
}

export interface Harness {
	readonly server: ServerProcess;
	readonly debounceMs: number;
	runBatch(seeds: readonly number[]): Promise<BatchReport>;
	/** Stops the server (SIGTERM) and removes its data directory. */
	close(): Promise<void>;
}

const SETTLE_TIMEOUT_MS = 20_000;
const PROBE_TIMEOUT_MS = 5_000;
const CONVERGE_TIMEOUT_MS = 30_000;
const TOKEN_TTL_SECONDS = 60 * 60;

export function replayCommand(seed: number): string {
	return `SEED=${seed} npm run soak`;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
	const debounceMs = options.debounceMs ?? 500;
	const maxDebounceMs = options.maxDebounceMs ?? 2_000;
	const extraKills = options.extraKills ?? 3;
	const log = options.log ?? (() => {});
	const dataDir = mkdtempSync(join(tmpdir(), 'kw-convergence-'));
	const tokenSecret = randomBytes(36).toString('base64url');
	const tokens = createTokenService(new TextEncoder().encode(tokenSecret));
	const server = createServerProcess({
		port: await freeRestartablePort(),
		dataDir,
		tokenSecret,
		debounceMs,
		maxDebounceMs,
		logLevel: options.serverLogLevel
	});
	try {
		await server.start();
	} catch (error) {
		rmSync(dataDir, { recursive: true, force: true });
		throw error;
	}
	/** A seed names its run's document, so it may run only once against this data directory. */
	const seedsRun = new Set<number>();

	const token = async (sub: string) =>
		(
			await tokens.issue({
				sub,
				role: 'moderation',
				docs: ['kommune/*/**'],
				ttlSeconds: TOKEN_TTL_SECONDS
			})
		).token;

	async function readDatabase(runs: Run[]): Promise<Map<Run, StoredDocument | null>> {
		const store = openSqliteStore(server.sqliteFile);
		try {
			const stored = new Map<Run, StoredDocument | null>();
			for (const run of runs) stored.set(run, await store.load(run.documentName));
			return stored;
		} finally {
			await store.close();
		}
	}

	async function runBatch(seeds: readonly number[]): Promise<BatchReport> {
		const began = performance.now();
		for (const seed of seeds) {
			if (seedsRun.has(seed)) throw new Error(`seed ${seed} ran already against this server`);
			seedsRun.add(seed);
		}
		if (!server.running) await server.start();
		const runs = await Promise.all(
			seeds.map(async (seed) => {
				const plan = makePlan(seed);
				const deviceTokens = await Promise.all(
					Array.from({ length: plan.devices }, (_, i) => token(`soak-${seed}-device-${i}`))
				);
				return new Run(plan, server.syncUrl, deviceTokens);
			})
		);
		const active = () => runs.filter((run) => run.failure === null);
		const kills: BatchReport['kills'] = [];

		const phase = (name: string) => log(`${Math.round(performance.now() - began)} ms: ${name}`);

		/**
		 * One kill. `probing` runs get ready and make their kill edits first; the database is checked
		 * for every run still going.
		 */
		async function kill(index: number, probing: Run[]): Promise<void> {
			phase(`getting ready for kill ${index}`);
			await Promise.all(
				probing.map((run) =>
					run.guard(`getting ready for kill ${index}`, () => run.settle(SETTLE_TIMEOUT_MS))
				)
			);
			const ready = probing.filter((run) => run.failure === null);
			phase(`kill ${index}: edits`);
			const probeStart = performance.now();
			for (const run of ready) run.probe(index);
			const applied = await Promise.all(ready.map((run) => run.probeApplied(PROBE_TIMEOUT_MS)));
			const probeToKillMs = performance.now() - probeStart;
			await server.kill();
			const checked = active();
			const stored = await readDatabase(checked);
			let inWindow = 0;
			for (const run of checked) {
				const i = ready.indexOf(run);
				const before = run.stats.killsInWindow;
				await run.guard(`database after kill ${index}`, () =>
					run.checkAtKill(stored.get(run) ?? null, i === -1 ? null : applied[i]!)
				);
				if (run.stats.killsInWindow > before) inWindow += 1;
			}
			kills.push({ probeToKillMs, runs: ready.length, inWindow });
			log(
				`kill ${index}: ${Math.round(probeToKillMs)} ms after the kill edits, ${inWindow} of ${ready.length} runs caught with unstored edits`
			);
		}

		try {
			await Promise.all(runs.map((run) => run.guard('opening the devices', () => run.start())));
			// The server restarts while the runs go on editing: their devices are offline meanwhile.
			let restarting: Promise<void> = Promise.resolve();
			for (let index = 0; index < PLAN_LIMITS.kills; index++) {
				phase(`segment ${index}`);
				await Promise.all([
					restarting,
					...active().map((run) => run.guard(`segment ${index}`, () => run.playSegment(index)))
				]);
				await kill(index, active());
				restarting = server.start();
			}
			// Only the runs no kill caught yet make kill edits again: fewer edits, a faster kill.
			for (let extra = 0; extra < extraKills; extra++) {
				const uncaught = active().filter((run) => run.stats.killsInWindow === 0);
				if (uncaught.length === 0) break;
				await restarting;
				await kill(PLAN_LIMITS.kills + extra, uncaught);
				restarting = server.start();
			}
			for (const run of active()) {
				if (run.stats.killsInWindow === 0) {
					run.fail(
						`no server kill found the run's newest edits applied in memory and not yet stored (${run.stats.kills} kills, debounce ${debounceMs} ms)`
					);
				}
			}
			await Promise.all([
				restarting,
				...active().map((run) =>
					run.guard(`segment ${PLAN_LIMITS.kills}`, () => run.playSegment(PLAN_LIMITS.kills))
				)
			]);
			phase('convergence');
			await Promise.all(
				active().map((run) => run.guard('convergence', () => run.converge(CONVERGE_TIMEOUT_MS)))
			);
			phase('last kill');

			// Everything is acknowledged as stored now; a last kill must not lose any of it.
			await server.kill();
			const stored = await readDatabase(active());
			for (const run of active()) {
				await run.guard('database after the last kill', () =>
					run.checkFinalStore(stored.get(run) ?? null)
				);
			}
			await Promise.all(runs.map((run) => run.destroy()));
			phase('restart for new devices');
			await server.start();
			await Promise.all(
				active().map(async (run) => {
					const readerToken = await token(`soak-${run.seed}-reader`);
					await run.guard('loading after the restart', () =>
						run.checkFreshLoad(server.syncUrl, readerToken, SETTLE_TIMEOUT_MS)
					);
				})
			);
		} finally {
			await Promise.all(runs.map((run) => run.destroy()));
		}
		phase('done');
		return {
			results: runs.map((run) => ({ seed: run.seed, failure: run.failure, stats: run.stats })),
			durationMs: performance.now() - began,
			kills
		};
	}

	return {
		server,
		debounceMs,
		runBatch,
		async close() {
			try {
				const code = await server.stop();
				if (code !== 0 && code !== null) log(`the server exited with code ${code}`);
			} finally {
				rmSync(dataDir, { recursive: true, force: true });
			}
		}
	};
}

/** One line per failed run: seed, reason, and the command that replays it. */
export function describeFailures(results: readonly RunResult[]): string {
	return results
		.filter((result) => result.failure !== null)
		.map(
			(result) => `seed ${result.seed}: ${result.failure}\n  replay: ${replayCommand(result.seed)}`
		)
		.join('\n');
}
