// ADR 14: the start route loads no document engine. Walks the chunks `/` loads before its first paint
// (scripts/start-route.ts) in the last `vite build` and looks for the code of Yjs and y-indexeddb; and
// no file library either (ADR 19): pdfkit is loaded only when a person asks for a PDF.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	allClientChunks,
	documentEngineIn,
	DOCUMENT_ENGINE_MARKERS,
	START_ROUTE_BUDGET_BYTES,
	startRouteChunks
} from '../../scripts/start-route';

/** A message in pdfkit's code that a minifier keeps (a template literal), found in no other package. */
const PDFKIT_MARKER = 'out of bounds, current buffer covers pages';
const PDFKIT_SOURCE = 'node_modules/pdfkit/js/pdfkit.browser.mjs';
/** The ARS of Schönewörde, a row of the shipped register list and nowhere else in the code (ADR 23). */
const REGISTER_MARKER = '031515407026';
const REGISTER_SOURCE = 'src/lib/domain/register/niedersachsen.json';

describe('the start route', () => {
	it('loads no chunk with Yjs or y-indexeddb before its first paint', () => {
		const chunks = startRouteChunks();
		const withEngine = chunks
			.map((chunk) => ({ chunk: chunk.file, packages: documentEngineIn(chunk) }))
			.filter(({ packages }) => packages.length > 0);
		expect(chunks.length).toBeGreaterThan(3);
		expect(withEngine).toEqual([]);
	});

	it('loads at most 100 KB of gzipped JavaScript before its first paint', () => {
		const bytes = startRouteChunks().reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
		expect(bytes).toBeLessThanOrEqual(START_ROUTE_BUDGET_BYTES);
	});

	it('would see them: each package holds its marker, and the lazy chunks of the build do', () => {
		const chunks = allClientChunks();
		for (const { pkg, marker, source } of DOCUMENT_ENGINE_MARKERS) {
			expect(readFileSync(source, 'utf8'), `${pkg} in ${source}`).toContain(marker);
			expect(
				chunks.filter((chunk) => chunk.code.includes(marker)).length,
				`chunks of the build with ${pkg}'s code`
			).toBeGreaterThan(0);
		}
	});

	it('loads no chunk with pdfkit before its first paint', () => {
		// The marker must be in the code the build bundles, or this test could not fail.
		expect(readFileSync(PDFKIT_SOURCE, 'utf8')).toContain(PDFKIT_MARKER);
		const withPdfkit = startRouteChunks()
			.filter((chunk) => chunk.code.includes(PDFKIT_MARKER))
			.map((chunk) => chunk.file);
		expect(withPdfkit).toEqual([]);
	});

	it('loads no chunk with the register list before its first paint', () => {
		expect(readFileSync(REGISTER_SOURCE, 'utf8')).toContain(REGISTER_MARKER);
		expect(allClientChunks().filter((chunk) => chunk.code.includes(REGISTER_MARKER))).toHaveLength(1);
		const withRegister = startRouteChunks()
			.filter((chunk) => chunk.code.includes(REGISTER_MARKER))
			.map((chunk) => chunk.file);
		expect(withRegister).toEqual([]);
	});
});
