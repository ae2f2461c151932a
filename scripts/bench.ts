// `npm run bench`: figures for the foundation's budgets, printed, never asserted (tests never time).
//  1. JavaScript the start route loads, gzip bytes (goal ≤ 100 KB): what the browser fetches until the
//     network is idle, and the static import graph of `/` in the build (scripts/start-route.ts, ADR 14).
//  2. Offline cold start of the start page from the service worker, as a ratio to a blank page served by
//     the same service worker in the same run (goal ≤ 1.5×).
//  3. Digital-Check scoring of one municipality with 40 respondents: median of scoreRound, as a ratio to
//     a plain loop summing the numbers of the same answers, measured alternately in the same run.
//  4. Digital-Check scoring of all 440 municipalities of generateFullSet: the generation time, and the
//     total time of scoring every round (with the same plain loop over all answers as the baseline).
//  5. The generated full workshop day opened offline from IndexedDB and rendered as the Kartenabfrage, as
//     a ratio to Y.applyUpdate of the same bytes in the same tab (goal ≤ 1.3×); the day's IndexedDB
//     bytes (scripts/bench-workshop.ts).
//  6. The generated day's 3,000 dot records counted, and its matrix recomputed after one changed score,
//     as ratios to reading the board's cards (scripts/bench-votes.ts).
//  7. LAN load on loopback: 40 clients × 5 edits/s for 30 s in one workshop document; edit-to-visible
//     p50/p95 and lost updates on the full app server, and the ratio to a bare Hocuspocus Server driven
//     by the same clients in the same run, timed alternately in halves (goals: p95 ≤ 50 ms and ≤ 1.3×,
//     0 lost; scripts/bench-lan-load.ts).
//  8. Central ingest: 440 generated municipalities' profile and check-round documents synced by a fleet
//     of laptops into the central server on PostgreSQL, until every document is durably acknowledged
//     (goal ≤ 60 s), as a ratio to writing the same states straight into the store
//     (scripts/bench-central-ingest.ts).
//  9. The generated day's Maßnahmen counted; the roadmap and the plan's rows for 200 measures built, and
//     the roadmap and plan pages rendered with them in the app, as ratios to reading the measures from
//     the board in the same run (scripts/bench-measures.ts).
// 10. Another client's message delay while the server stores a board near the 64 MiB limit, beside a baseline with the
//     board idle in the same run (goal: max ≤ 100 ms; scripts/bench-store-delay.ts, ADR 18).
// 11. The sample report's DOCX and XLSX: render time and size, beside the same document as zipped JSON
//     (scripts/bench-office.ts).
// 12. The sample report as a tagged PDF: time and size, as ratios to a document without blocks in the
//     same run (scripts/bench-pdf.ts).
// 13. The generated full workshop day's protocol as PDF, DOCX and XLSX, as the workshop page makes
//     them: time and size of each, as ratios to the same day's protocol with nothing done, in the same
//     run (scripts/bench-handover.ts).
// Parts 7 and 8 run their server in a child process (scripts/bench-sync-server.ts) and the clients in
// this one, both on the same machine: on 2 cores they share the CPU.
// `npm run bench -- --only start` runs 1 and 2 alone (needs the build), under a minute.
// `npm run bench -- --only check` runs 3 and 4 alone: no build, no browser, a few seconds.
// `npm run bench -- --only workshop` runs 5 alone (needs the build).
// `npm run bench -- --only votes` runs 6 alone: no build, no browser, a few seconds.
// `npm run bench -- --only measures` runs 9 alone (needs the build), about a minute.
// `npm run bench -- --only lan` runs 7 alone: no build, no browser, about 1.5 minutes; `--seconds N`
//    measures N seconds per server instead of 30.
// `npm run bench -- --only ingest` runs 8 alone: no build, no browser, about a minute (needs PostgreSQL
//    15, as the server tests do); `--municipalities N` takes the first N, `--laptops N` puts N online at
//    a time (40).
// `npm run bench -- --only store` runs 9 alone: no build, no browser, a few minutes (seeding and loading
//    the board take most of it); `--board-mib N` and `--seconds N` (15 per phase) change it.
// `npm run bench -- --only office` runs 11 alone: no build, no browser, under a minute.
// `npm run bench -- --only pdf` runs 12 alone: no build, no browser, about half a minute.
// `npm run bench -- --only handover` runs 13 alone: no build, no browser, about a minute.
// `--server-cpu-prof DIR` (with 7 or 8) writes a V8 CPU profile of each server process into DIR.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { freePort } from '../server/test/free-port';
import { CURRENT_CATALOG } from '../src/lib/domain/check/catalog';
import { scoreRound } from '../src/lib/domain/check/check-scoring';
import {
	generateCheckRound,
	generateFullSet,
	generateMunicipalities,
	type GeneratedRespondent
} from '../src/lib/demo/municipality-generator';
import { AppServer } from '../tests/e2e/support/app-server';
import { alternateMedians, median, sink } from './bench-stats';
import { documentEngineIn, START_ROUTE_BUDGET_BYTES, startRouteChunks } from './start-route';
import { benchCentralIngest } from './bench-central-ingest';
import { benchHandover } from './bench-handover';
import { benchLanLoad } from './bench-lan-load';
import { benchPdf } from './bench-pdf';
import { benchMeasures, benchMeasuresRendering } from './bench-measures';
import { benchOffice } from './bench-office';
import { benchStoreDelay } from './bench-store-delay';
import { numberArgument, stringArgument } from './bench-sync-support';
import { benchVotes } from './bench-votes';
import { benchWorkshop } from './bench-workshop';

const RUNS = 9;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** A copy of the build with a blank page added to the precache, as the baseline document. */
function buildWithBlankPage(): string {
	const dir = mkdtempSync(join(tmpdir(), 'kw-bench-build-'));
	cpSync('build', dir, { recursive: true });
	writeFileSync(
		join(dir, 'bench-blank.html'),
		'<!doctype html><html lang="de"><meta charset="utf-8"><title>Leer</title><h1>Leer</h1></html>'
	);
	const swPath = join(dir, 'sw.js');
	const sw = readFileSync(swPath, 'utf8');
	if (!sw.includes('url:"200.html"')) throw new Error('unexpected sw.js: no 200.html entry');
	writeFileSync(
		swPath,
		sw.replace('{url:"200.html"', '{url:"bench-blank.html",revision:"1"},{url:"200.html"')
	);
	return dir;
}

async function startRouteScriptBytes(browser: Browser, origin: string): Promise<number> {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	const bodies: Promise<Buffer>[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() === 'script') bodies.push(response.body());
	});
	await page.goto(origin + '/');
	await page.getByRole('heading', { level: 1 }).waitFor();
	await page.waitForLoadState('networkidle');
	const total = (await Promise.all(bodies)).reduce((sum, body) => sum + gzipSync(body).length, 0);
	await context.close();
	return total;
}

/** Runs in the page before its own scripts: notes when the first heading enters the document. */
function recordHeadingTime(): void {
	const w = window as unknown as { kwHeadingAt?: number };
	const observer = new MutationObserver(() => {
		if (w.kwHeadingAt === undefined && document.querySelector('h1')) {
			w.kwHeadingAt = performance.now();
			observer.disconnect();
		}
	});
	observer.observe(document, { childList: true, subtree: true });
}

/** Milliseconds from navigation start until the page's first heading exists. */
async function timeToHeading(page: Page, path: string): Promise<number> {
	const response = await page.goto(path, { waitUntil: 'commit' });
	if (!response?.fromServiceWorker())
		throw new Error(`${path} was not served by the service worker`);
	const handle = await page.waitForFunction(
		() => (window as unknown as { kwHeadingAt?: number }).kwHeadingAt
	);
	return (await handle.jsonValue()) as number;
}

// ---------------------------------------------------------------------------------------------------
// Digital-Check scoring (3, 4): pure functions, timed in this process.

const CHECK_SEED = 2026;
const CHECK_SAMPLES = 41;
/** Calls per sample: one scoring takes about a millisecond, the baseline a few microseconds. */
const CHECK_CALLS_PER_SAMPLE = 10;
const FULL_SET_PASSES = 5;

/** The baseline: one plain pass over the same answers, summing every number in them. */
function sumAnswers(respondents: readonly GeneratedRespondent[]): number {
	let sum = 0;
	for (const respondent of respondents) {
		for (const answer of Object.values(respondent.answers)) {
			if (answer.kind === 'level' || answer.kind === 'likert') sum += answer.value;
			else if (answer.kind === 'checklist') sum += answer.ticked.length;
			else if (answer.kind === 'fact' && typeof answer.value === 'number') sum += answer.value;
		}
	}
	return sum;
}

function benchCheckScoring(): void {
	const largest = generateMunicipalities({ seed: CHECK_SEED }).reduce((a, b) =>
		b.profile.population > a.profile.population ? b : a
	);
	const round = generateCheckRound(largest, { seed: CHECK_SEED, respondents: 40 });
	const answers = round.respondents.reduce((n, r) => n + Object.keys(r.answers).length, 0);
	const score = () => scoreRound(CURRENT_CATALOG, round.respondents, round.targets).flags.length;
	const loop = () => sumAnswers(round.respondents);
	alternateMedians([score, loop], 5, CHECK_CALLS_PER_SAMPLE); // warm-up
	const [scoreMs, loopMs] = alternateMedians(
		[score, loop],
		CHECK_SAMPLES,
		CHECK_CALLS_PER_SAMPLE
	) as [number, number];
	console.log(
		`Digital-Check scoring, one municipality with 40 respondents (${answers} answers), ` +
			`median of ${CHECK_SAMPLES}×${CHECK_CALLS_PER_SAMPLE}: scoreRound ${scoreMs.toFixed(3)} ms, ` +
			`plain loop over the same answers ${loopMs.toFixed(3)} ms, ratio ${(scoreMs / loopMs).toFixed(1)}×`
	);

	const generationStart = performance.now();
	const set = generateFullSet(CHECK_SEED);
	const generationMs = performance.now() - generationStart;
	const respondents = set.reduce((n, { round: r }) => n + r.respondents.length, 0);
	const allAnswers = set.reduce(
		(n, { round: r }) => n + r.respondents.reduce((m, x) => m + Object.keys(x.answers).length, 0),
		0
	);
	const scoreAll = () => {
		let flags = 0;
		for (const { round: r } of set)
			flags += scoreRound(CURRENT_CATALOG, r.respondents, r.targets).flags.length;
		return flags;
	};
	const loopAll = () => set.reduce((sum, { round: r }) => sum + sumAnswers(r.respondents), 0);
	const coldStart = performance.now();
	sink.value += scoreAll();
	const coldMs = performance.now() - coldStart;
	const [allMs, allLoopMs] = alternateMedians([scoreAll, loopAll], FULL_SET_PASSES, 1) as [
		number,
		number
	];
	console.log(
		`Digital-Check scoring, all ${set.length} municipalities (${respondents} respondents, ` +
			`${allAnswers} answers): generation ${generationMs.toFixed(0)} ms; scoring every round ` +
			`${allMs.toFixed(0)} ms in total, median of ${FULL_SET_PASSES} passes ` +
			`(${(allMs / set.length).toFixed(2)} ms per municipality; first pass ${coldMs.toFixed(0)} ms), ` +
			`plain loop over the same answers ${allLoopMs.toFixed(1)} ms, ratio ${(allMs / allLoopMs).toFixed(1)}×`
	);
	if (Number.isNaN(sink.value)) console.log(sink.value);
}

const PARTS = [
	'start',
	'check',
	'workshop',
	'votes',
	'measures',
	'lan',
	'ingest',
	'store',
	'office',
	'pdf',
	'handover'
] as const;
type Part = (typeof PARTS)[number];

function onlyArgument(): Part | null {
	const index = process.argv.indexOf('--only');
	if (index === -1) return null;
	const value = process.argv[index + 1];
	if (!PARTS.includes(value as Part))
		throw new Error(`--only takes one of ${PARTS.join(', ')}, not ${String(value)}`);
	return value as Part;
}

/** Parts 7 and 8, with their command-line options. */
const syncBenchmarks = {
	lan: () =>
		benchLanLoad({
			seconds: numberArgument('seconds', 30),
			cpuProfileDir: stringArgument('server-cpu-prof')
		}),
	ingest: () =>
		benchCentralIngest({
			municipalities: numberArgument('municipalities', 440),
			laptops: numberArgument('laptops', 40),
			cpuProfileDir: stringArgument('server-cpu-prof')
		})
};

/** Parts 1 and 2: the start route's JavaScript, and its offline cold start. Leaves the server stopped. */
async function benchStartPage(browser: Browser, server: AppServer): Promise<void> {
	await server.start();

	const scriptBytes = await startRouteScriptBytes(browser, server.origin);
	const goal = START_ROUTE_BUDGET_BYTES;
	const chunks = startRouteChunks();
	const graphBytes = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
	const engine = [...new Set(chunks.flatMap(documentEngineIn))];
	console.log(
		`start-route JavaScript: ${(scriptBytes / 1024).toFixed(1)} KB gzip fetched until the network ` +
			`is idle (goal ≤ 100 KB; ${(scriptBytes / goal).toFixed(2)}× the goal); its static import ` +
			`graph in the build: ${chunks.length} chunks, ${(graphBytes / 1024).toFixed(1)} KB gzip, ` +
			(engine.length === 0 ? 'no Yjs or y-indexeddb' : `with ${engine.join(' and ')}`)
	);

	const context = await browser.newContext({ locale: 'de-DE' });
	const first = await context.newPage();
	await first.goto(server.origin + '/');
	await first.waitForFunction(() => navigator.serviceWorker?.controller !== null);
	await first.close();
	await server.stop();

	const app: number[] = [];
	const blank: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		// Alternate, so both see the same machine state; each run is a fresh page (cold JS heap).
		for (const [path, samples] of [
			['/', app],
			['/bench-blank.html', blank]
		] as const) {
			const page = await context.newPage();
			await page.addInitScript(recordHeadingTime);
			samples.push(await timeToHeading(page, server.origin + path));
			await page.close();
		}
	}
	const appMs = median(app);
	const blankMs = median(blank);
	console.log(
		`offline cold start from the service worker, median of ${RUNS}: start page ${appMs.toFixed(1)} ms, ` +
			`blank page ${blankMs.toFixed(1)} ms, ratio ${(appMs / blankMs).toFixed(2)}× (goal ≤ 1.5×)`
	);
	await context.close();
}

async function main(): Promise<void> {
	const only = onlyArgument();
	if (only === 'check') return benchCheckScoring();
	if (only === 'votes') return benchVotes();
	if (only === 'store') return benchStoreDelay();
	if (only === 'office') return benchOffice();
	if (only === 'pdf') return benchPdf();
	if (only === 'handover') return benchHandover();
	if (only === 'lan' || only === 'ingest') return syncBenchmarks[only]();
	if (!existsSync('build/200.html'))
		throw new Error('build/ is missing: run `npm run build` first.');
	const buildDir = buildWithBlankPage();
	const server = new AppServer({ port: await freePort(), buildDir });
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: CHROMIUM_ARGS
	});
	try {
		if (only === null || only === 'start') await benchStartPage(browser, server);
		// Each its own context (empty storage) and server start: the same whether it runs alone or not.
		if (only === null || only === 'workshop') await benchWorkshop(browser, server, RUNS);
		if (only === null || only === 'measures') await benchMeasuresRendering(browser, server, RUNS);
	} finally {
		await browser.close();
		await server.dispose();
		rmSync(buildDir, { recursive: true, force: true });
	}
	if (only === 'measures') benchMeasures();
	if (only === null) {
		benchCheckScoring();
		benchVotes();
		benchMeasures();
		await syncBenchmarks.lan();
		await syncBenchmarks.ingest();
		await benchStoreDelay();
		await benchOffice();
		await benchPdf();
		await benchHandover();
	}
}

await main();
