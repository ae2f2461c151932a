// `npm run bench`, part 5 (`--only workshop` runs it alone): the generated full workshop day (30
// participants, 500 cards, 20,000 text edits) opened from IndexedDB and rendered as the Kartenabfrage.
//
//  A: the app. Offline (the server stopped, so only IndexedDB counts), a fresh tab navigates to
//     /kommune/<ars>/workshop/<wid>/karten; the figure is performance.now() (milliseconds since the
//     navigation started) at the first DOM mutation after which every cluster and every card of the
//     shown block is in the document. The counts to wait for come from the stored bytes, read in Node.
//  B: the baseline, in the same tab right after A: the board's rows are read from its IndexedDB
//     database and merged with Y.mergeUpdates (untimed), then `Y.applyUpdate(new Y.Doc(), merged)` is
//     timed. Yjs is the project's own (node_modules, the version the app bundles), bundled by Vite and
//     minified as the app's build is, evaluated through DevTools: the page has no global Yjs, and its
//     Content-Security-Policy (script hashes) refuses an injected <script>. The first call in the tab is
//     the figure, as cold as the app's own first load of the board; later calls are printed as "warm".
//
// The day is made by the municipality page's own button. Its seed is Date.now() % 2^31
// (SessionsSection.svelte), so that tab's Date.now is pinned while the button runs: the same day on
// every run without a hook in the app. The generator's title for the seed is checked against the title
// the app lists, which proves the pinned seed was used.
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { build } from 'vite';
import * as Y from 'yjs';
import { readCards, readClusters } from '../src/lib/crdt/workshop-cards';
import { generateWorkshopDay } from '../src/lib/demo/workshop-generator';
import { workshopBoardDocName, workshopControlDocName } from '../src/lib/domain/document-names';
import { boardView } from '../src/lib/domain/workshop/cards';
import { COMPACT_ON_OPEN_ROWS } from '../src/lib/sync/local-persistence';
import { KommuneFormPage } from '../tests/e2e/pages/kommune-form';
import type { AppServer } from '../tests/e2e/support/app-server';
import { KOMMUNEN } from '../tests/e2e/support/test-data';
import { median } from './bench-stats';

/** What Date.now() says while the button runs: a plausible instant, so the stored timestamps are too. */
const CREATED_AT = Date.UTC(2027, 2, 15, 7, 30);
const SEED = CREATED_AT % 2 ** 31;
/** Further applies after the first in each tab, for the warm figure. */
const WARM_APPLIES = 5;
const GENERATION_TIMEOUT_MS = 120_000;
const RENDER_TIMEOUT_MS = 60_000;

/** y-indexeddb's object store (one database per document, named like the document). */
const UPDATES_STORE = 'updates';

// CardBoardPanel.svelte and CardCard.svelte: one `section.group` per cluster plus one for the unsorted
// cards, one `li[data-card]` per card shown.
const GROUP_SELECTOR = 'section.group';
const CARD_SELECTOR = 'li[data-card]';

interface BoardCounts {
	groups: number;
	cards: number;
}

interface WorkshopDocs {
	url: string;
	board: string;
	control: string;
	title: string;
}

interface BenchWindow {
	kwHeadingAt?: number;
	kwBoardAt?: number;
	kwBench?: {
		Y: typeof Y;
		readRows(name: string): Promise<Uint8Array[]>;
	};
}

/**
 * A module (a path) as one classic script that sets the global `name`, built and minified like the
 * app's chunks: evaluated in a page through DevTools, it brings the project's own code along.
 */
export async function pageScript(entry: string, name: string): Promise<string> {
	const result = await build({
		configFile: false,
		logLevel: 'silent',
		publicDir: false,
		build: { write: false, lib: { entry, formats: ['iife'], name } }
	});
	const outputs = Array.isArray(result) ? result : [result];
	for (const output of outputs) {
		if (!('output' in output)) continue;
		for (const chunk of output.output) if (chunk.type === 'chunk') return chunk.code;
	}
	throw new Error(`vite built no chunk for ${entry}`);
}

/** Yjs from node_modules as one classic script that sets `KwBenchYjs`. */
const yjsScript = () => pageScript(fileURLToPath(import.meta.resolve('yjs')), 'KwBenchYjs');

/**
 * Makes Yjs and a reader of y-indexeddb's rows available in the page as `kwBench`. Evaluated through
 * DevTools, not a <script>: the app's Content-Security-Policy allows only its own scripts.
 */
async function installBenchTools(page: Page, script: string): Promise<void> {
	await page.evaluate(script);
	await page.evaluate((store) => {
		const w = window as unknown as BenchWindow & { KwBenchYjs: typeof Y };
		// A method, not an arrow in a const: tsx would wrap the latter in a `__name` helper the page lacks.
		w.kwBench = {
			Y: w.KwBenchYjs,
			readRows(name: string) {
				return new Promise<Uint8Array[]>((resolve, reject) => {
					const open = indexedDB.open(name);
					// Never create a database: a missing one is a bug in the bench.
					open.onupgradeneeded = () => open.transaction?.abort();
					open.onerror = () => reject(open.error ?? new Error(`cannot open ${name}`));
					open.onsuccess = () => {
						const db = open.result;
						const reading = db.transaction(store, 'readonly').objectStore(store).getAll();
						reading.onsuccess = () => {
							db.close();
							resolve(reading.result as Uint8Array[]);
						};
						reading.onerror = () => reject(reading.error);
					};
				});
			}
		};
	}, UPDATES_STORE);
}

/** The rows of a document's database, read in the page (which must have the bench tools). */
async function storedRows(page: Page, name: string): Promise<Uint8Array[]> {
	const rows = await page.evaluate(
		(n) => (window as unknown as BenchWindow).kwBench!.readRows(n),
		name
	);
	// Playwright hands typed arrays over as such; the check keeps a change there from going unnoticed.
	if (!rows.every((row) => row instanceof Uint8Array)) throw new Error('rows are not Uint8Arrays');
	return rows;
}

/**
 * Creates the municipality and the sample day through the UI, in one tab with Date.now pinned (see the
 * top of this file). Returns the workshop's Kartenabfrage URL and document names.
 */
async function createDay(context: BrowserContext, origin: string): Promise<WorkshopDocs> {
	const page = await context.newPage();
	const kommune = KOMMUNEN[0]!;
	await new KommuneFormPage(page).create(kommune);
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
	await page.evaluate((now) => {
		const w = window as unknown as { kwRealDateNow?: () => number };
		w.kwRealDateNow = Date.now;
		Date.now = () => now;
	}, CREATED_AT);
	await page.getByRole('button', { name: 'Beispiel-Workshop erzeugen' }).click();
	await page
		.getByRole('status')
		.filter({ hasText: 'Der Beispiel-Workshop steht in der Liste.' })
		.waitFor({ timeout: GENERATION_TIMEOUT_MS });
	await page.evaluate(() => {
		Date.now = (window as unknown as { kwRealDateNow: () => number }).kwRealDateNow;
	});
	const link = page
		.getByRole('region', { name: 'Workshops', exact: true })
		.getByRole('list')
		.getByRole('link');
	const title = (await link.textContent())?.trim() ?? '';
	const expectedTitle = generateWorkshopDay({ seed: SEED }).workshop.title;
	if (title !== expectedTitle)
		throw new Error(`the app made "${title}", seed ${SEED} gives "${expectedTitle}"`);
	const href = (await link.getAttribute('href')) ?? '';
	const [, ars, wid] = /\/kommune\/(\d{12})\/workshop\/([^/?#]+)/.exec(href) ?? [];
	if (!ars || !wid) throw new Error(`unexpected workshop link ${href}`);
	await page.close();
	return {
		url: `${origin}/kommune/${ars}/workshop/${wid}/karten`,
		board: workshopBoardDocName(ars, wid),
		control: workshopControlDocName(ars, wid),
		title
	};
}

/**
 * Runs in the page before its own scripts: notes when the whole board is in the document, and when
 * the first heading was (the app has booted: what is left is loading and rendering the board).
 */
function recordBoardTime(expected: BoardCounts & { groupSelector: string; cardSelector: string }) {
	const w = window as unknown as BenchWindow;
	const observer = new MutationObserver(() => {
		if (w.kwHeadingAt === undefined && document.querySelector('h1'))
			w.kwHeadingAt = performance.now();
		if (
			document.querySelectorAll(expected.cardSelector).length === expected.cards &&
			document.querySelectorAll(expected.groupSelector).length === expected.groups
		) {
			w.kwBoardAt = performance.now();
			observer.disconnect();
		}
	});
	observer.observe(document, { childList: true, subtree: true });
}

/** A fresh tab on the Kartenabfrage, offline: it must be served by the service worker. */
async function openBoard(context: BrowserContext, url: string, counts?: BoardCounts) {
	const page = await context.newPage();
	if (counts)
		await page.addInitScript(recordBoardTime, {
			...counts,
			groupSelector: GROUP_SELECTOR,
			cardSelector: CARD_SELECTOR
		});
	const response = await page.goto(url, { waitUntil: 'commit' });
	if (!response?.fromServiceWorker())
		throw new Error(`${url} was not served by the service worker`);
	return page;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Row count, stored bytes, and the bytes of the one row the app's merge would write instead. */
function storageFigures(rows: Uint8Array[]): { rows: number; bytes: number; merged: number } {
	const doc = new Y.Doc();
	Y.transact(doc, () => rows.forEach((row) => Y.applyUpdate(doc, row)));
	return {
		rows: rows.length,
		bytes: rows.reduce((sum, row) => sum + row.byteLength, 0),
		merged: Y.encodeStateAsUpdate(doc).byteLength
	};
}

export async function benchWorkshop(
	browser: Browser,
	server: AppServer,
	runs: number
): Promise<void> {
	const script = await yjsScript();
	await server.start();
	const context = await browser.newContext({ locale: 'de-DE', baseURL: server.origin });
	try {
		const day = await createDay(context, server.origin);
		await server.stop();

		// A first, untimed open: the app merges the stored rows if there are enough (the figures below
		// are after it), and the block the page shows tells which cards it must render.
		const first = await openBoard(context, day.url);
		const blockId = await first.locator('#cards-block').inputValue({ timeout: RENDER_TIMEOUT_MS });
		await installBenchTools(first, script);
		// Read once the page shows the block: the app has loaded (and merged) the rows by then.
		const boardRows = await storedRows(first, day.board);
		const doc = new Y.Doc();
		Y.transact(doc, () => boardRows.forEach((row) => Y.applyUpdate(doc, row)));
		const view = boardView(readCards(doc).cards, readClusters(doc), blockId);
		const counts: BoardCounts = {
			groups: view.clusters.length + 1,
			cards: view.clusters.reduce((n, group) => n + group.cards.length, view.unclustered.length)
		};
		await first.waitForFunction(
			({ counts: c, groupSelector, cardSelector }) =>
				document.querySelectorAll(cardSelector).length === c.cards &&
				document.querySelectorAll(groupSelector).length === c.groups,
			{ counts, groupSelector: GROUP_SELECTOR, cardSelector: CARD_SELECTOR },
			{ timeout: RENDER_TIMEOUT_MS }
		);
		// The same board, not only as many cards: the clusters' names in the page's order.
		const names = await first.locator(`${GROUP_SELECTOR} > h3`).allTextContents();
		const expectedNames = [...view.clusters.map((group) => group.cluster.name), 'Ohne Gruppe'];
		if (JSON.stringify(names) !== JSON.stringify(expectedNames))
			throw new Error(`the page shows groups ${names.join(', ')}`);
		const board = storageFigures(boardRows);
		const control = storageFigures(await storedRows(first, day.control));
		await first.close();

		const app: number[] = [];
		const heading: number[] = [];
		const cold: number[] = [];
		const warm: number[] = [];
		let mergedBytes = 0;
		for (let i = 0; i < runs; i++) {
			// One tab at a time: another tab holding the documents would hand them over through the
			// tab relay instead of IndexedDB.
			const page = await openBoard(context, day.url, counts);
			const at = await page.waitForFunction(
				() => (window as unknown as BenchWindow).kwBoardAt,
				undefined,
				{ timeout: RENDER_TIMEOUT_MS }
			);
			app.push((await at.jsonValue()) as number);
			heading.push(await page.evaluate(() => (window as unknown as BenchWindow).kwHeadingAt!));
			await installBenchTools(page, script);
			const applied = await page.evaluate(
				async ({ name, repeats }) => {
					const { Y: Yjs, readRows } = (window as unknown as BenchWindow).kwBench!;
					const merged = Yjs.mergeUpdates(await readRows(name));
					const times: number[] = [];
					for (let r = 0; r < repeats; r++) {
						const start = performance.now();
						Yjs.applyUpdate(new Yjs.Doc(), merged);
						times.push(performance.now() - start);
					}
					return { bytes: merged.byteLength, times };
				},
				{ name: day.board, repeats: 1 + WARM_APPLIES }
			);
			mergedBytes = applied.bytes;
			cold.push(applied.times[0]!);
			warm.push(median(applied.times.slice(1)));
			await page.close();
		}

		const appMs = median(app);
		const coldMs = median(cold);
		const warmMs = median(warm);
		console.log(
			`generated workshop day (seed ${SEED}, "${day.title}"), Kartenabfrage offline from IndexedDB, ` +
				`median of ${runs}: board rendered (${counts.cards} cards in ${counts.groups - 1} ` +
				`clusters + unsorted) ${appMs.toFixed(0)} ms after navigation start (first heading at ` +
				`${median(heading).toFixed(0)} ms); ` +
				`Y.applyUpdate of the board's ${kb(mergedBytes)} into a fresh Y.Doc in the same tab ` +
				`${coldMs.toFixed(1)} ms (warm ${warmMs.toFixed(1)} ms); ratio ${(appMs / coldMs).toFixed(1)}× ` +
				`(goal ≤ 1.3×; ${(appMs / warmMs).toFixed(1)}× to the warm apply)`
		);
		console.log(
			`workshop day in IndexedDB after one open: board ${board.rows} rows, ${kb(board.bytes)}; ` +
				`control ${control.rows} rows, ${kb(control.bytes)} (the app merges rows on open from ` +
				`${COMPACT_ON_OPEN_ROWS} rows; merged: board ${kb(board.merged)}, control ${kb(control.merged)})`
		);
	} finally {
		await context.close();
	}
}
