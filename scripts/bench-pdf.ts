// `npm run bench`, part 11 (`--only pdf` runs it alone, in Node, about half a minute): the hand-made
// sample report (every block kind, a 60-row table over four pages, both charts, a photo) as a tagged PDF,
// beside a baseline measured alternately in the same run: a document of the same title and no blocks,
// which costs pdfkit's set-up, the embedded font and the page furniture and nothing else. The full
// workshop day's PDF is part 13 (scripts/bench-handover.ts).
import { loadPdfFonts } from '../src/lib/export/pdf/pdf-fonts';
import { renderPdfWithFonts } from '../src/lib/export/pdf/render-pdf';
import { sampleImages, sampleReport } from '../src/lib/export/sample-report.fixture';
import { median } from './bench-stats';

const SAMPLES = 9;

export async function benchPdf(): Promise<void> {
	const fontStart = performance.now();
	const fonts = await loadPdfFonts();
	const fontMs = performance.now() - fontStart;
	const sample = sampleReport();
	const empty = { ...sample, blocks: [] };
	const images = sampleImages();

	const times = { sample: [] as number[], empty: [] as number[] };
	const sizes = { sample: 0, empty: 0 };
	// The first round warms up pdfkit and the JIT and is not counted.
	for (let i = 0; i <= SAMPLES; i++) {
		for (const [name, doc] of [
			['sample', sample],
			['empty', empty]
		] as const) {
			const start = performance.now();
			const bytes = await renderPdfWithFonts(doc, images, fonts);
			if (i > 0) times[name].push(performance.now() - start);
			sizes[name] = bytes.byteLength;
		}
	}
	const sampleMs = median(times.sample);
	const emptyMs = median(times.empty);
	console.log(
		`PDF of the sample report (${sample.blocks.length} blocks), median of ${SAMPLES}: ` +
			`${sampleMs.toFixed(0)} ms, ${(sizes.sample / 1024).toFixed(1)} KB; a document without ` +
			`blocks ${emptyMs.toFixed(0)} ms, ${(sizes.empty / 1024).toFixed(1)} KB (baseline); ratio ` +
			`${(sampleMs / emptyMs).toFixed(1)}× the time, ${(sizes.sample / sizes.empty).toFixed(1)}× ` +
			`the size; reading both fonts ${fontMs.toFixed(0)} ms once`
	);
}
