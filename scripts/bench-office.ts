// `npm run bench`, the DOCX and XLSX of the sample report (`--only office` runs it alone, in Node,
// under a minute): the time to render each file and its size, beside a baseline measured alternately in
// the same run: the same document as JSON, deflated into a zip (what writing its content into any
// zipped file costs at least). The sample has every block kind and a 60-row table
// (src/lib/export/sample-report.fixture.ts); the full day's files are part 13 (scripts/bench-handover.ts).
import { strToU8, zipSync } from 'fflate';
import { renderDocx } from '../src/lib/export/docx/render-docx';
import { sampleImages, sampleReport } from '../src/lib/export/sample-report.fixture';
import { renderXlsx } from '../src/lib/export/xlsx/render-xlsx';
import { median } from './bench-stats';

const SAMPLES = 9;

export async function benchOffice(): Promise<void> {
	const doc = sampleReport();
	const images = sampleImages();
	const makers: [string, () => Promise<Uint8Array>][] = [
		['JSON zip', async () => zipSync({ 'report.json': strToU8(JSON.stringify(doc)) })],
		['DOCX', () => renderDocx(doc, images)],
		['XLSX', () => renderXlsx(doc)]
	];
	const times = makers.map(() => [] as number[]);
	const sizes = makers.map(() => 0);
	for (let sample = -1; sample < SAMPLES; sample++) {
		// Sample -1 warms up the libraries (their first call compiles most of their code).
		for (const [m, [, make]] of makers.entries()) {
			const start = performance.now();
			const bytes = await make();
			if (sample >= 0) times[m]!.push(performance.now() - start);
			sizes[m] = bytes.length;
		}
	}
	const [baseMs, ...fileMs] = times.map(median) as [number, number, number];
	const [baseBytes] = sizes as [number];
	const files = makers.slice(1).map(([name], i) => {
		const ms = fileMs[i]!;
		const bytes = sizes[i + 1]!;
		return (
			`${name} ${ms.toFixed(1)} ms (${(ms / baseMs).toFixed(0)}×), ` +
			`${(bytes / 1024).toFixed(1)} KB (${(bytes / baseBytes).toFixed(1)}×)`
		);
	});
	console.log(
		`sample report (${doc.blocks.length} blocks, a 60-row table, 2 charts, 1 photo), median of ` +
			`${SAMPLES}: its JSON zipped ${baseMs.toFixed(2)} ms, ${(baseBytes / 1024).toFixed(1)} KB ` +
			`(baseline); ${files.join('; ')}`
	);
}
