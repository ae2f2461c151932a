// The convergence harness outside `npm test` (server/convergence/, ADR 10).
//
//   SEED=17 npm run soak             replays one seed, alone, against its own server, phase by phase
//   RUNS=2000 npm run soak           runs many seeds from a random start (printed), in batches
//   RUNS=2000 FROM=1 BATCH=100 npm run soak
//   DEBOUNCE_MS=150 MAX_DEBOUNCE_MS=600 …   another store debounce window for the server
//   SERVER_LOG_LEVEL=debug SEED=17 …          more of the server's log in a failure's report
//
// A replayed seed makes the same edits, disconnects, restarts and kills; how concurrent messages meet
// depends on timing and may differ between a batch and a replay.
import { describeFailures, startHarness, type BatchReport } from '../server/convergence/harness';

const env = process.env;
const number = (name: string): number | undefined => {
	const raw = env[name]?.trim();
	if (!raw) return undefined;
	const value = Number(raw);
	if (!Number.isSafeInteger(value) || value < 0) {
		console.error(`${name} must be a whole number ≥ 0, got "${raw}"`);
		process.exit(2);
	}
	return value;
};

const seed = number('SEED');
const runs = seed === undefined ? (number('RUNS') ?? 200) : 1;
const from = seed ?? number('FROM') ?? Math.floor(Math.random() * 1_000_000_000);
const batchSize = seed === undefined ? (number('BATCH') ?? 50) : 1;
const single = seed !== undefined;

const started = performance.now();
const harness = await startHarness({
	debounceMs: number('DEBOUNCE_MS'),
	maxDebounceMs: number('MAX_DEBOUNCE_MS'),
	serverLogLevel: env.SERVER_LOG_LEVEL?.trim() || undefined,
	log: single ? (line) => console.log(`  ${line}`) : undefined
});
console.log(
	single
		? `seed ${from}: one run against its own server (store debounce ${harness.debounceMs} ms)`
		: `${runs} runs, seeds ${from}–${from + runs - 1}, batches of ${batchSize} (store debounce ${harness.debounceMs} ms)`
);

const reports: BatchReport[] = [];
let failed = 0;
try {
	for (let first = from; first < from + runs; first += batchSize) {
		const seeds = Array.from(
			{ length: Math.min(batchSize, from + runs - first) },
			(_, i) => first + i
		);
		const report = await harness.runBatch(seeds);
		reports.push(report);
		const failures = describeFailures(report.results);
		failed += report.results.filter((result) => result.failure !== null).length;
		const caught = report.kills.map((kill) => `${kill.inWindow}/${kill.runs}`).join(' ');
		console.log(
			`seeds ${seeds[0]}–${seeds.at(-1)}: ${Math.round(report.durationMs)} ms, kills caught unstored edits of ${caught} runs` +
				(failures ? `\n${failures}` : '')
		);
	}
} finally {
	if (failed > 0) console.log(`\nlast server output:\n${harness.server.output()}\n`);
	await harness.close();
}

const results = reports.flatMap((report) => report.results);
const sum = (pick: (stats: (typeof results)[number]['stats']) => number) =>
	results.reduce((total, result) => total + pick(result.stats), 0);
const probeTimes = reports.flatMap((report) => report.kills.map((kill) => kill.probeToKillMs));
console.log(
	[
		`${results.length} runs, ${failed} failed, ${Math.round((performance.now() - started) / 1000)} s`,
		`edits ${sum((s) => s.edits)} (offline ${sum((s) => s.offlineEdits)}), disconnects ${sum((s) => s.disconnects)}, device restarts ${sum((s) => s.restarts)} (offline ${sum((s) => s.offlineRestarts)})`,
		`kills per run ${sum((s) => s.kills)}, inside the debounce window ${sum((s) => s.killsInWindow)}, acknowledgements checked ${sum((s) => s.acks)}`,
		`kill edits to SIGKILL: max ${Math.round(Math.max(...probeTimes))} ms (window ${harness.debounceMs} ms)`,
		`server starts: ${harness.server.startTimes.length}, median ${Math.round(median(harness.server.startTimes))} ms`
	].join('\n')
);
process.exit(failed > 0 ? 1 : 0);

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
