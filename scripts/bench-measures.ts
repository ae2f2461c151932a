// `npm run bench`, part 9 (`--only measures` runs it alone: needs the build, about a minute): the
// Maßnahmen of the generated workshop day.
//  - The sample day counted: its measures, Handlungsfelder, status changes and SMART warnings, as read
//    back from the board (in Node).
//  - The same day with 200 measures, in Node: building the roadmap (every measure by quarter under its
//    Handlungsfeld, filters applied) and the plan's rows (sorted by due, each with its status history
//    and SMART warnings), each as a ratio to reading the measures, their status changes and the
//    Handlungsfelder from the board, measured alternately in the same run.
//  - The same 200 measures in the app (the build, the real server, Chromium): written into a workshop's
//    board through the server as a facilitator's other device would, then opened once untimed (the board
//    reaches IndexedDB). Then, alternately, a fresh tab on the workshop's roadmap and one on the
//    municipality's plan; the figure is performance.now() (milliseconds since the navigation started) at
//    the first paint after every measure is a row of the page's table. The baseline, in the same tab
//    right after: the board's stored rows merged (untimed), applied to a fresh Y.Doc and read with the
//    app's readers (scripts/bench-measures-page.ts, bundled like the app); the tab's first read is the
//    figure, as cold as the page's own, later reads are printed as "warm".
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import * as Y from 'yjs';
import { addActionField, readActionFields } from '../src/lib/crdt/workshop-action-fields';
import { addMeasure, addStatusChange, readMeasures } from '../src/lib/crdt/workshop-measures';
import { generateWorkshopDay } from '../src/lib/demo/workshop-generator';
import { writeWorkshopDay } from '../src/lib/demo/write-workshop-day';
import { filterMeasures, roadmap, sortMeasures } from '../src/lib/domain/measures/roadmap';
import { smartWarnings } from '../src/lib/domain/measures/smart-check';
import { historyOf } from '../src/lib/domain/measures/status-history';
import { workshopBoardDocName } from '../src/lib/domain/document-names';
import { KommuneFormPage } from '../tests/e2e/pages/kommune-form';
import { WorkshopPage } from '../tests/e2e/pages/workshop-page';
import type { AppServer } from '../tests/e2e/support/app-server';
import { writeServerDocument } from '../tests/e2e/support/server-documents';
import { KOMMUNEN } from '../tests/e2e/support/test-data';
import { alternateMedians, median } from './bench-stats';
import { pageScript } from './bench-workshop';

const SEED = 20260302;
const MANY = 200;
const SAMPLES = 21;
/** Calls per sample: each call takes a millisecond or less. */
const CALLS = 10;

function boardOf(measures: number): Y.Doc {
	// Measures do not depend on the edits, so the days are written without them.
	const plan = generateWorkshopDay({ seed: SEED, textEdits: 0, measures });
	const docs = { control: new Y.Doc(), board: new Y.Doc() };
	writeWorkshopDay(plan, docs);
	return docs.board;
}

export function benchMeasures(): void {
	const sample = boardOf(25);
	const day = readMeasures(sample);
	const dayFields = readActionFields(sample).fields;
	const dayWarnings = [...smartWarnings(day.measures).values()].flat();
	console.log(
		`generated workshop day (seed ${SEED}): ${day.measures.length} measures under ` +
			`${dayFields.length} Handlungsfelder, ${day.changes.length} status changes, ` +
			`${dayWarnings.length} SMART warnings (${day.malformed} malformed)`
	);

	const board = boardOf(MANY);
	const { measures, changes } = readMeasures(board);
	const fields = readActionFields(board).fields;
	if (measures.length !== MANY)
		throw new Error(`expected ${MANY} measures, read ${measures.length}`);

	const readFromDocument = () => {
		const read = readMeasures(board);
		return read.measures.length + read.changes.length + readActionFields(board).fields.length;
	};
	const buildRoadmap = () => {
		const map = roadmap(filterMeasures(measures, {}), fields);
		return map.quarters.length + map.rows.reduce((n, row) => n + row.measures.length, 0);
	};
	const buildPlanRows = () => {
		const warnings = smartWarnings(measures);
		return sortMeasures(measures, 'due', 'asc', fields).map((measure) => ({
			measure,
			history: historyOf(changes, measure.id),
			warnings: warnings.get(measure.id) ?? []
		})).length;
	};

	alternateMedians([readFromDocument, buildRoadmap, buildPlanRows], 3, CALLS); // warm-up
	const [readMs, roadmapMs, planMs] = alternateMedians(
		[readFromDocument, buildRoadmap, buildPlanRows],
		SAMPLES,
		CALLS
	) as [number, number, number];
	console.log(
		`${MANY} measures under ${fields.length} Handlungsfelder (${changes.length} status changes), ` +
			`median of ${SAMPLES}×${CALLS}: reading them from the board ${readMs.toFixed(3)} ms ` +
			`(baseline); building the roadmap ${roadmapMs.toFixed(3)} ms ` +
			`(${(roadmapMs / readMs).toFixed(2)}×); the plan's rows ${planMs.toFixed(3)} ms ` +
			`(${(planMs / readMs).toFixed(2)}×)`
	);
}

// ---------------------------------------------------------------------------------------------------
// The roadmap and the plan in the app.

const RENDER_TIMEOUT_MS = 60_000;
/** The tables' captions (messages/de.json roadmap_table, plan_title). */
const ROADMAP_TABLE = 'Maßnahmen als Tabelle';
const PLAN_TABLE = 'Maßnahmenplan';

interface Figures {
	render: number;
	read: number;
	warm: number;
}

interface RenderWindow {
	kwTableAt?: number;
	KwBenchMeasures?: typeof import('./bench-measures-page');
}

/**
 * Runs in the page before its own scripts: notes the first paint after the table captioned `caption`
 * has `rows` body rows (a frame, then a task: the frame that shows them has been produced).
 */
function recordTableTime(expected: { caption: string; rows: number }): void {
	const w = window as unknown as RenderWindow;
	const observer = new MutationObserver(() => {
		const table = [...document.querySelectorAll('table')].find(
			(t) => t.caption?.textContent?.trim() === expected.caption
		);
		if ((table?.tBodies[0]?.rows.length ?? 0) < expected.rows) return;
		observer.disconnect();
		requestAnimationFrame(() => setTimeout(() => (w.kwTableAt = performance.now())));
	});
	observer.observe(document, { childList: true, subtree: true });
}

/** A fresh tab on `url`; resolves with the milliseconds until its table was painted. */
async function timeTable(
	context: BrowserContext,
	url: string,
	caption: string,
	rows: number
): Promise<{ page: Page; ms: number }> {
	const page = await context.newPage();
	await page.addInitScript(recordTableTime, { caption, rows });
	await page.goto(url, { waitUntil: 'commit' });
	const at = await page.waitForFunction(
		() => (window as unknown as RenderWindow).kwTableAt,
		undefined,
		{
			timeout: RENDER_TIMEOUT_MS
		}
	);
	return { page, ms: (await at.jsonValue()) as number };
}

/** Further reads after the first in each tab, for the warm figure. */
const WARM_READS = 5;

/** The board read in `page` with the reader bundle evaluated in it: the tab's first read, and later ones. */
async function timeReadingIn(
	page: Page,
	script: string,
	board: string
): Promise<{ cold: number; warm: number }> {
	await page.evaluate(script);
	const times = await page.evaluate(
		({ name, repeats }) =>
			(window as unknown as RenderWindow).KwBenchMeasures!.timeReading(name, repeats),
		{ name: board, repeats: 1 + WARM_READS }
	);
	return { cold: times[0]!, warm: median(times.slice(1)) };
}

export async function benchMeasuresRendering(
	browser: Browser,
	server: AppServer,
	runs: number
): Promise<void> {
	const script = await pageScript(
		fileURLToPath(new URL('./bench-measures-page.ts', import.meta.url)),
		'KwBenchMeasures'
	);
	const plan = generateWorkshopDay({ seed: SEED, textEdits: 0, measures: MANY });
	// Not the workshop part's municipality: both run against the same server's data.
	const kommune = KOMMUNEN[1]!;
	await server.start();
	const context = await browser.newContext({ locale: 'de-DE', baseURL: server.origin });
	try {
		const setup = await context.newPage();
		await new KommuneFormPage(setup).create(kommune);
		await new WorkshopPage(setup).createWorkshop('Maßnahmen-Benchmark', '2027-03-15');
		const [, ars, wid] = /\/kommune\/(\d{12})\/workshop\/([^/?#]+)/.exec(setup.url()) ?? [];
		if (!ars || !wid) throw new Error(`unexpected workshop page ${setup.url()}`);
		await setup.close();
		const board = workshopBoardDocName(ars, wid);
		await writeServerDocument(server, board, (doc) =>
			doc.transact(() => {
				for (const field of plan.actionFields) addActionField(doc, field, field.createdAt);
				for (const measure of plan.measures) addMeasure(doc, measure, measure.createdAt);
				for (const change of plan.statusChanges) addStatusChange(doc, change, change.at);
			})
		);
		const pages = [
			{ url: `/kommune/${ars}/workshop/${wid}/massnahmen/roadmap`, caption: ROADMAP_TABLE },
			{ url: `/kommune/${ars}/massnahmen`, caption: PLAN_TABLE }
		];
		// Untimed: the board comes from the server into IndexedDB, as on the facilitator's laptop.
		for (const { url, caption } of pages) {
			const { page } = await timeTable(context, url, caption, MANY);
			await page.close();
		}

		const times = pages.map(() => ({
			render: [] as number[],
			read: [] as number[],
			warm: [] as number[]
		}));
		for (let i = 0; i < runs; i++) {
			for (const [index, { url, caption }] of pages.entries()) {
				// One tab at a time: another tab holding the board would hand it over through the tab relay.
				const { page, ms } = await timeTable(context, url, caption, MANY);
				times[index]!.render.push(ms);
				const { cold, warm } = await timeReadingIn(page, script, board);
				times[index]!.read.push(cold);
				times[index]!.warm.push(warm);
				await page.close();
			}
		}
		const [roadmapPage, planPage] = times.map(({ render, read, warm }) => ({
			render: median(render),
			read: median(read),
			warm: median(warm)
		})) as [Figures, Figures];
		const said = (name: string, f: Figures) =>
			`${name} ${f.render.toFixed(0)} ms, reading the board in the same tab ${f.read.toFixed(1)} ms ` +
			`(warm ${f.warm.toFixed(1)} ms), ratio ${(f.render / f.read).toFixed(1)}× ` +
			`(${(f.render / f.warm).toFixed(1)}× to the warm read)`;
		console.log(
			`${MANY} measures under ${plan.actionFields.length} Handlungsfelder in the app (build, real ` +
				`server, Chromium), median of ${runs}, ms after navigation start until the table is ` +
				`painted: ${said('roadmap', roadmapPage)}; ${said('plan', planPage)}`
		);
	} finally {
		await context.close();
		await server.stop();
	}
}
