// `npm run bench`, part 13 (`--only handover` runs it alone, in Node, about a minute): the generated full
// workshop day's protocol as the workshop page makes it (scripts/handover-day.svelte.ts reads the day
// through a WorkshopWorkspace and state/handover/protocol-source.ts), rendered as PDF, DOCX and XLSX:
// each file's render time and size, beside a baseline measured alternately in the same run: the
// protocol of the same day with nothing done (no agenda, votes, matrices, measures or photos), which
// costs each library's set-up, the title page and the file's furniture and nothing else. Building the
// protocol's structure from the day is timed apart.
import { register } from 'node:module';
import { buildWorkshopProtocol } from '../src/lib/domain/documents/workshop-protocol';
import type { ReportDocument } from '../src/lib/domain/documents/report-document';
import { renderDocx } from '../src/lib/export/docx/render-docx';
import { loadPdfFonts } from '../src/lib/export/pdf/pdf-fonts';
import { renderPdfWithFonts } from '../src/lib/export/pdf/render-pdf';
import { renderXlsx } from '../src/lib/export/xlsx/render-xlsx';
import { median } from './bench-stats';

const SEED = 20260302;
const SAMPLES = 5;

export async function benchHandover(): Promise<void> {
	// The state classes are rune modules: compiled for the client on import (before the first one).
	register('./svelte-runes-hooks.mjs', import.meta.url);
	const { generatedDayInput } = await import('./handover-day.svelte');
	const input = await generatedDayInput(SEED);
	const buildStart = performance.now();
	const day = buildWorkshopProtocol(input);
	const buildMs = performance.now() - buildStart;
	const empty = buildWorkshopProtocol({
		...input,
		blocks: [],
		votes: [],
		matrices: [],
		actionFields: [],
		measures: [],
		photos: []
	});
	const fonts = await loadPdfFonts();
	// The generated day has no photos, so no image bytes are needed.
	const images = new Map<string, Uint8Array>();
	const formats: [string, (doc: ReportDocument) => Promise<Uint8Array>][] = [
		['PDF', (doc) => renderPdfWithFonts(doc, images, fonts)],
		['DOCX', (doc) => renderDocx(doc, images)],
		['XLSX', (doc) => renderXlsx(doc)]
	];
	const lines: string[] = [];
	for (const [name, render] of formats) {
		const times = { day: [] as number[], empty: [] as number[] };
		const sizes = { day: 0, empty: 0 };
		// Round 0 warms up the library and the JIT and is not counted.
		for (let round = 0; round <= SAMPLES; round++) {
			for (const [which, doc] of [
				['day', day],
				['empty', empty]
			] as const) {
				const start = performance.now();
				const bytes = await render(doc);
				if (round > 0) times[which].push(performance.now() - start);
				sizes[which] = bytes.byteLength;
			}
		}
		const dayMs = median(times.day);
		const emptyMs = median(times.empty);
		lines.push(
			`${name} ${dayMs.toFixed(0)} ms, ${(sizes.day / 1024).toFixed(1)} KB (empty day ` +
				`${emptyMs.toFixed(0)} ms, ${(sizes.empty / 1024).toFixed(1)} KB: ` +
				`${(dayMs / emptyMs).toFixed(1)}× the time, ${(sizes.day / sizes.empty).toFixed(1)}× the size)`
		);
	}
	const count = (kind: string) => day.blocks.filter((block) => block.kind === kind).length;
	console.log(
		`protocol of the generated full day (seed ${SEED}: ${input.blocks.length} agenda blocks, ` +
			`${input.measures.length} measures; ${day.blocks.length} document blocks of which tables ` +
			`${count('table')}, charts ${count('chart')}; built in ${buildMs.toFixed(1)} ms), median of ${SAMPLES}, ` +
			`baseline the same day's protocol with nothing done: ${lines.join('; ')}`
	);
}
