// `npm run bench`: figures for the foundation's budgets, printed, never asserted (tests never time).
//  1. JavaScript the start route loads, gzip bytes (goal ≤ 100 KB).
//  2. Offline cold start of the start page from the service worker, as a ratio to a blank page served by
//     the same service worker in the same run (goal ≤ 1.5×).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { freePort } from '../server/test/free-port';
import { AppServer } from '../tests/e2e/support/app-server';

const RUNS = 9;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];

const median = (values: number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
};

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

async function main(): Promise<void> {
	if (!existsSync('build/200.html'))
		throw new Error('build/ is missing: run `npm run build` first.');
	const buildDir = buildWithBlankPage();
	const server = new AppServer({ port: await freePort(), buildDir });
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: CHROMIUM_ARGS
	});
	try {
		await server.start();

		const scriptBytes = await startRouteScriptBytes(browser, server.origin);
		const goal = 100 * 1024;
		console.log(
			`start-route JavaScript: ${(scriptBytes / 1024).toFixed(1)} KB gzip ` +
				`(goal ≤ 100 KB; ${(scriptBytes / goal).toFixed(2)}× the goal)`
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
	} finally {
		await browser.close();
		await server.dispose();
		rmSync(buildDir, { recursive: true, force: true });
	}
}

await main();
