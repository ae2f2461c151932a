// The convergence harness in `npm test` (server/convergence/; SPEC S1, S4, ADR 10): 200 seeded runs of
// devices built from the client's document engine against the real server in a child process, four
// batches of 50 sharing each SIGKILL. A failing run names its seed; `SEED=<n> npm run soak` replays it alone, and
// `RUNS=<n> npm run soak` tries more seeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	describeFailures,
	startHarness,
	type Harness,
	type RunResult
} from './convergence/harness';
import { PLAN_LIMITS } from './convergence/plan';

const RUNS = 200;
const BATCH = 50;
const batches = Array.from({ length: RUNS / BATCH }, (_, b) => {
	const seeds = Array.from({ length: BATCH }, (_, i) => b * BATCH + i + 1);
	return { from: seeds[0]!, to: seeds.at(-1)!, seeds };
});

/** Runs that did not do what the harness promises, so a passing run proves less than it claims. */
function shortfalls(results: readonly RunResult[]): string[] {
	return results.flatMap(({ seed, stats }) => {
		const missing: string[] = [];
		if (stats.devices < PLAN_LIMITS.minDevices) missing.push(`${stats.devices} devices`);
		if (stats.edits < PLAN_LIMITS.minEdits) missing.push(`${stats.edits} edits`);
		if (stats.disconnects < 1 || stats.offlineEdits < PLAN_LIMITS.offlineEdits) {
			missing.push(`${stats.disconnects} disconnects, ${stats.offlineEdits} offline edits`);
		}
		if (stats.offlineRestarts < 1) missing.push('no restart while offline');
		if (stats.killsInWindow < 1) missing.push('no kill inside the store debounce window');
		if (stats.claims < 1) missing.push('no state shown as stored on the server to check');
		return missing.length > 0 ? [`seed ${seed}: ${missing.join(', ')}`] : [];
	});
}

describe('devices editing through disconnects, restarts and server kills', () => {
	let harness: Harness;

	beforeAll(async () => {
		harness = await startHarness();
	}, 60_000);

	afterAll(async () => {
		await harness?.close();
	}, 30_000);

	it.each(batches)(
		'converge without losing an edit, and the database holds every state a device showed as stored (seeds $from–$to)',
		async ({ seeds }) => {
			const { results } = await harness.runBatch(seeds);
			const failures = describeFailures(results);
			const serverOutput = failures ? `\n\nserver output:\n${harness.server.output()}` : '';
			expect(failures + serverOutput, 'failed runs').toBe('');
			expect(shortfalls(results), 'runs that tested less than promised').toEqual([]);
		},
		150_000
	);
});
