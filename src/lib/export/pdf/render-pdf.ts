// The report structure as a tagged PDF (PDF/UA, ADR 19): every piece of content belongs to a structure
// element (H1–H3, P, L/LI, Table/TR/TH/TD, Figure with Alt, Caption) or is marked as an artifact
// (borders, backgrounds, running headers, page numbers, table header rows repeated after a break), so
// a screen reader reads the document in order and a BITV check finds nothing untagged. Runs in a module
// worker, on a page and in Node alike: no file system, the fonts come from pdf-fonts.ts.
import PDFDocument from 'pdfkit';
import type {
	MatrixChart,
	RadarChart,
	ReportBlock,
	ReportChartBlock,
	ReportDocument,
	ReportFacts,
	ReportImage,
	ReportImages,
	ReportList,
	ReportTable
} from '../../domain/documents/report-document';
import { formatCell } from '../format-cell';
import { loadPdfFonts, type PdfFonts } from './pdf-fonts';

type Structure = PDFKit.PDFStructureElement;

/** Options pdfkit 0.20 understands that its type definitions (@types/pdfkit 0.17) do not list yet. */
interface StructureOptions {
	alt?: string;
	scope?: 'Column' | 'Row';
	bbox?: [number, number, number, number];
}

/** pdfkit 0.20 opens an image without drawing it; @types/pdfkit 0.17 does not list the method. */
interface OpensImages {
	openImage(src: Uint8Array): { width: number; height: number };
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = { top: 72, bottom: 72, left: 57, right: 57 };
const TEXT_SIZE = 10.5;
const NOTE_SIZE = 9;
const TABLE_SIZE = 9;
const HEADING_SIZE = { 1: 20, 2: 15, 3: 12.5 } as const;
const CELL_PADDING = 4;
const TEXT_COLOUR = '#1a1a1a';
const MUTED_COLOUR = '#4d4d4d';
const RULE_COLOUR = '#9a9a9a';
const HEADER_FILL = '#e6eef2';
const SERIES_COLOURS = ['#0b4f6c', '#b3420e', '#2f7d32', '#6b3fa0'];
const REGULAR = 'regular';
const BOLD = 'bold';

/** A table as it is drawn: the facts and the data tables share it. */
interface TableLayout {
	caption: string;
	header: string[] | null;
	rows: string[][];
	widths: number[];
	/** Right-aligned columns: numbers line up on their last digit. */
	numeric: boolean[];
	rowHeaders: boolean;
}

/**
 * The widths as given when they fit into `total`; otherwise every width above a common cap is cut to
 * it, the cap chosen so that the widths fill `total` exactly: narrow columns keep their words whole,
 * and the wide ones share what is left equally.
 */
export function fitWithin(widths: readonly number[], total: number): number[] {
	const sum = widths.reduce((a, b) => a + b, 0);
	if (sum <= total) return [...widths];
	const ascending = [...widths].sort((a, b) => a - b);
	let below = 0;
	let cap = total / widths.length;
	for (const [index, width] of ascending.entries()) {
		const capped = (total - below) / (widths.length - index);
		if (width >= capped) {
			cap = capped;
			break;
		}
		below += width;
	}
	return widths.map((width) => Math.min(width, cap));
}

class PdfWriter {
	readonly pdf: PDFKit.PDFDocument;
	private readonly images: ReportImages;

	/** The structure tree's one root element, as PDF/UA checkers expect. */
	private readonly root: Structure;

	constructor(pdf: PDFKit.PDFDocument, images: ReportImages) {
		this.pdf = pdf;
		this.images = images;
		this.root = pdf.struct('Document');
		pdf.addStructure(this.root);
	}

	private get left(): number {
		return MARGIN.left;
	}

	private get width(): number {
		return this.pdf.page.width - MARGIN.left - MARGIN.right;
	}

	private get bottom(): number {
		return this.pdf.page.height - MARGIN.bottom;
	}

	private get pageIsEmpty(): boolean {
		return this.pdf.y <= MARGIN.top + 0.5;
	}

	/** Starts a new page unless `height` still fits on this one (or this one is still empty). */
	private ensureSpace(height: number): void {
		if (!this.pageIsEmpty && this.pdf.y + height > this.bottom) this.pdf.addPage();
	}

	private struct(type: string, options: StructureOptions = {}): Structure {
		return this.pdf.struct(type, options as PDFKit.Mixins.StructureElementOptions);
	}

	/** A structure element under `parent` whose content is what `draw` puts on the page. */
	private tagged(
		parent: Structure | null,
		type: string,
		draw: () => void,
		options?: StructureOptions
	) {
		const element = this.struct(type, options);
		this.attach(parent, element);
		element.add(draw);
		element.end();
		return element;
	}

	private attach(parent: Structure | null, element: Structure): void {
		(parent ?? this.root).add(element);
	}

	/** Content that is decoration or repetition, which assistive technology skips. */
	private artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
		this.pdf.markContent('Artifact', { type });
		draw();
		this.pdf.endMarkedContent();
	}

	private style(font: string, size: number, colour = TEXT_COLOUR): void {
		this.pdf.font(font).fontSize(size).fillColor(colour);
	}

	block(block: ReportBlock): void {
		switch (block.kind) {
			case 'heading':
				return this.heading(block.level, block.text);
			case 'paragraph':
				return this.paragraph(block.text, block.style === 'note');
			case 'list':
				return this.list(block);
			case 'facts':
				return this.facts(block);
			case 'table':
				return this.table(block);
			case 'chart':
				return this.chart(block);
			case 'image':
				return this.image(block);
			case 'pageBreak':
				if (!this.pageIsEmpty) this.pdf.addPage();
				return;
		}
	}

	private heading(level: 1 | 2 | 3, text: string): void {
		const size = HEADING_SIZE[level];
		this.style(BOLD, size);
		const height = this.pdf.heightOfString(text, { width: this.width });
		if (!this.pageIsEmpty) this.pdf.y += size * 0.8;
		// A heading stays with at least three lines of what follows it.
		this.ensureSpace(height + 3 * TEXT_SIZE * 1.4);
		this.tagged(null, `H${level}`, () => {
			this.pdf.text(text, this.left, this.pdf.y, { width: this.width });
		});
		this.pdf.y += size * 0.4;
	}

	private paragraph(text: string, note: boolean, parent: Structure | null = null): void {
		const indent = note ? 12 : 0;
		if (note) this.style(REGULAR, NOTE_SIZE, MUTED_COLOUR);
		else this.style(REGULAR, TEXT_SIZE);
		this.ensureSpace(this.pdf.currentLineHeight(true));
		this.tagged(parent, 'P', () => {
			this.pdf.text(text, this.left + indent, this.pdf.y, { width: this.width - indent });
		});
		this.pdf.y += TEXT_SIZE * 0.6;
	}

	private list(list: ReportList): void {
		const element = this.struct('L');
		this.attach(null, element);
		this.style(REGULAR, TEXT_SIZE);
		const indent = 18;
		list.items.forEach((text, index) => {
			const item = this.struct('LI');
			element.add(item);
			this.ensureSpace(this.pdf.currentLineHeight(true));
			const y = this.pdf.y;
			const label = list.ordered ? `${index + 1}.` : '•';
			this.tagged(item, 'Lbl', () => {
				this.pdf.text(label, this.left, y, { width: indent, lineBreak: false });
			});
			this.tagged(item, 'LBody', () => {
				this.pdf.text(text, this.left + indent, y, { width: this.width - indent });
			});
			item.end();
			this.pdf.y += 2;
		});
		element.end();
		this.pdf.y += TEXT_SIZE * 0.5;
	}

	private facts(facts: ReportFacts): void {
		this.drawTable({
			caption: facts.caption,
			header: null,
			rows: facts.items.map(({ label, value }) => [label, value]),
			widths: [1, 2],
			numeric: [false, false],
			rowHeaders: true
		});
	}

	private table(table: ReportTable): void {
		this.drawTable({
			caption: table.caption,
			header: table.columns.map((column) => column.header),
			rows: table.rows.map((row) =>
				table.columns.map((column, index) => formatCell(row[index] ?? null, column.format))
			),
			widths: table.columns.map((column) => column.width ?? 1),
			numeric: table.columns.map(
				(column) => column.format !== undefined && column.format !== 'date'
			),
			rowHeaders: table.rowHeaders ?? false
		});
	}

	/**
	 * The page width shared in proportion to the relative widths, except that no column is narrower
	 * than its longest word (a date, "Personentage" or "Nutzen-Aufwand-Matrix" split inside a word is
	 * hard to read): such a column gets that width and the others share the rest, again in
	 * proportion. Only when the longest words of all columns together are wider than the page is a word
	 * broken: then the widest columns are narrowed to one common width, just enough to fit the page.
	 */
	private columnWidths(layout: TableLayout): number[] {
		const longest = layout.widths.map((_, index) => {
			let widest = 0;
			const measure = (text: string, font: string) => {
				this.pdf.font(font).fontSize(TABLE_SIZE);
				// Split where a line may break: not at the no-break space in "1.250,50 €".
				for (const word of text.split(/[ \t\n]+/)) {
					widest = Math.max(widest, this.pdf.widthOfString(word));
				}
			};
			if (layout.header) measure(layout.header[index]!, BOLD);
			const bold = layout.rowHeaders && index === 0;
			for (const row of layout.rows) measure(row[index]!, bold ? BOLD : REGULAR);
			return widest + 2 * CELL_PADDING + 1;
		});
		const minimum = fitWithin(longest, this.width);
		const fixed = new Set<number>();
		for (;;) {
			const fixedWidth = [...fixed].reduce((sum, index) => sum + minimum[index]!, 0);
			const shared = layout.widths.reduce((sum, width, i) => (fixed.has(i) ? sum : sum + width), 0);
			// Every column at its minimum: the minima fill the page (fitWithin), nothing is left to share.
			if (shared === 0) return minimum;
			const widths = layout.widths.map((width, index) =>
				fixed.has(index) ? minimum[index]! : (width / shared) * (this.width - fixedWidth)
			);
			const tooNarrow = widths.findIndex((width, index) => width < minimum[index]!);
			if (tooNarrow === -1) return widths;
			fixed.add(tooNarrow);
		}
	}

	private rowHeight(cells: string[], widths: number[], bold: (index: number) => boolean): number {
		const heights = cells.map((text, index) => {
			this.pdf.font(bold(index) ? BOLD : REGULAR).fontSize(TABLE_SIZE);
			return this.pdf.heightOfString(text, { width: widths[index]! - 2 * CELL_PADDING });
		});
		return Math.max(...heights) + 2 * CELL_PADDING;
	}

	private drawTable(layout: TableLayout): void {
		const widths = this.columnWidths(layout);
		const isHeaderCell = (index: number) => layout.rowHeaders && index === 0;
		const headerHeight = layout.header ? this.rowHeight(layout.header, widths, () => true) : 0;

		this.style(BOLD, TEXT_SIZE);
		const captionHeight = this.pdf.heightOfString(layout.caption, { width: this.width }) + 4;
		const firstRow = layout.rows[0];
		this.ensureSpace(
			captionHeight + headerHeight + (firstRow ? this.rowHeight(firstRow, widths, isHeaderCell) : 0)
		);
		const table = this.struct('Table');
		this.attach(null, table);
		this.tagged(table, 'Caption', () => {
			this.pdf.text(layout.caption, this.left, this.pdf.y, { width: this.width });
		});
		this.pdf.y += 4;

		const header = layout.header;
		if (header) this.drawRow(table, header, widths, headerHeight, 'header', layout.numeric);
		for (const row of layout.rows) {
			const height = this.rowHeight(row, widths, isHeaderCell);
			if (this.pdf.y + height > this.bottom) {
				this.pdf.addPage();
				// pdfkit does not repeat a header row after a page break. The repeated row is drawn as
				// a pagination artifact, not as a second TR of TH cells: the table's structure then
				// still has exactly one header row, and a screen reader neither reads the headers again
				// in the middle of the data nor counts the repetition as a data row, while readers of
				// the page see which column is which.
				if (header) this.drawRow(null, header, widths, headerHeight, 'header', layout.numeric);
			}
			this.drawRow(
				table,
				row,
				widths,
				height,
				layout.rowHeaders ? 'rowHeader' : 'data',
				layout.numeric
			);
		}
		table.end();
		this.pdf.y += TEXT_SIZE;
	}

	/**
	 * One row at the current position. `table` null draws it as an artifact (a repeated header row).
	 * `kind` says which cells are headers: all ('header'), the first ('rowHeader') or none ('data').
	 */
	private drawRow(
		table: Structure | null,
		cells: string[],
		widths: number[],
		height: number,
		kind: 'header' | 'rowHeader' | 'data',
		numeric: boolean[]
	): void {
		const top = this.pdf.y;
		this.artifact(() => {
			if (kind === 'header') {
				this.pdf.rect(this.left, top, this.width, height).fill(HEADER_FILL);
			}
			this.pdf
				.moveTo(this.left, top + height)
				.lineTo(this.left + this.width, top + height)
				.lineWidth(0.5)
				.stroke(RULE_COLOUR);
		});
		const row = table ? this.struct('TR') : null;
		if (table && row) table.add(row);
		let x = this.left;
		cells.forEach((text, index) => {
			const width = widths[index]!;
			const isHeader = kind === 'header' || (kind === 'rowHeader' && index === 0);
			this.style(isHeader ? BOLD : REGULAR, TABLE_SIZE);
			const cellX = x;
			const draw = () => {
				this.pdf.text(text, cellX + CELL_PADDING, top + CELL_PADDING, {
					width: width - 2 * CELL_PADDING,
					align: numeric[index] && !isHeader ? 'right' : 'left'
				});
			};
			if (row) {
				const options: StructureOptions = isHeader
					? { scope: kind === 'header' ? 'Column' : 'Row' }
					: {};
				this.tagged(row, isHeader ? 'TH' : 'TD', draw, options);
			} else {
				this.artifact(draw, 'Pagination');
			}
			x += width;
		});
		row?.end();
		this.pdf.y = top + height;
	}

	/** A figure (chart or photo) with its alternative text, and its caption below it. */
	private figure(alt: string, caption: string, height: number, draw: (top: number) => void): void {
		this.style(REGULAR, NOTE_SIZE, MUTED_COLOUR);
		const captionHeight = this.pdf.heightOfString(caption, { width: this.width });
		this.ensureSpace(height + captionHeight + 6);
		const top = this.pdf.y;
		const group = this.struct('Div');
		this.attach(null, group);
		this.tagged(group, 'Figure', () => draw(top), {
			alt,
			bbox: [this.left, top, this.left + this.width, top + height]
		});
		this.pdf.y = top + height + 6;
		this.style(REGULAR, NOTE_SIZE, MUTED_COLOUR);
		this.tagged(group, 'Caption', () => {
			this.pdf.text(caption, this.left, this.pdf.y, { width: this.width });
		});
		group.end();
		this.pdf.y += TEXT_SIZE;
	}

	private chart(block: ReportChartBlock): void {
		const chart = block.chart;
		if (chart.kind === 'radar') {
			const height = radarHeight(chart);
			this.figure(block.alt, block.caption, height, (top) => this.radar(chart, top, height));
		} else {
			this.figure(block.alt, block.caption, 320, (top) => this.matrix(chart, top, 320));
		}
	}

	private radar(chart: RadarChart, top: number, height: number): void {
		const pdf = this.pdf;
		const legendHeight = LEGEND_LINE * chart.series.length;
		const radius = RADAR_RADIUS;
		const cx = this.left + this.width / 2;
		const cy = top + 25 + radius;
		const count = chart.axes.length;
		const at = (index: number, share: number): [number, number] => {
			const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
			return [cx + Math.cos(angle) * radius * share, cy + Math.sin(angle) * radius * share];
		};
		pdf.save().lineWidth(0.5).strokeColor(RULE_COLOUR);
		for (const ring of [0.25, 0.5, 0.75, 1]) {
			chart.axes.forEach((_, index) => {
				const [x, y] = at(index, ring);
				if (index === 0) pdf.moveTo(x, y);
				else pdf.lineTo(x, y);
			});
			pdf.closePath().stroke();
		}
		chart.axes.forEach((_, index) => {
			const [x, y] = at(index, 1);
			pdf.moveTo(cx, cy).lineTo(x, y).stroke();
		});
		pdf.restore();

		this.style(REGULAR, NOTE_SIZE);
		chart.axes.forEach((axis, index) => {
			const [x, y] = at(index, 1.08);
			const labelWidth = 110;
			const align = Math.abs(x - cx) < 1 ? 'center' : x > cx ? 'left' : 'right';
			const left = align === 'center' ? x - labelWidth / 2 : align === 'left' ? x : x - labelWidth;
			const labelTop = y < cy - 1 ? y - NOTE_SIZE * 1.3 : y;
			pdf.text(axis, left, labelTop, { width: labelWidth, align, lineBreak: false });
		});

		chart.series.forEach((series, seriesIndex) => {
			const colour = SERIES_COLOURS[seriesIndex % SERIES_COLOURS.length]!;
			const points = series.values.map((value, index) =>
				value === null ? null : at(index, Math.min(Math.max(value / chart.max, 0), 1))
			);
			pdf.save().lineWidth(1.5).strokeColor(colour).fillColor(colour);
			if (series.dashed) pdf.dash(4, { space: 3 });
			// A missing value breaks the line: a point at the centre would claim a value of 0.
			points.forEach((point, index) => {
				const next = points[(index + 1) % points.length];
				if (point && next && (index + 1 < points.length || points.length > 2)) {
					pdf
						.moveTo(...point)
						.lineTo(...next)
						.stroke();
				}
			});
			pdf.undash();
			for (const point of points) if (point) pdf.circle(...point, 2.5).fill();
			pdf.restore();
		});

		let legendY = top + height - legendHeight;
		for (const [seriesIndex, series] of chart.series.entries()) {
			const colour = SERIES_COLOURS[seriesIndex % SERIES_COLOURS.length]!;
			const sampleX = this.left + this.width / 2 - 60;
			pdf.save().lineWidth(1.5).strokeColor(colour);
			if (series.dashed) pdf.dash(4, { space: 3 });
			pdf
				.moveTo(sampleX, legendY + 6)
				.lineTo(sampleX + 24, legendY + 6)
				.stroke();
			pdf.undash().restore();
			this.style(REGULAR, NOTE_SIZE);
			pdf.text(series.label, sampleX + 30, legendY + 1, { width: 150, lineBreak: false });
			legendY += LEGEND_LINE;
		}
	}

	private matrix(chart: MatrixChart, top: number, height: number): void {
		const pdf = this.pdf;
		const plot = {
			left: this.left + 40,
			top: top + 20,
			width: this.width - 60,
			height: height - 60
		};
		const span = chart.max - chart.min;
		const toX = (value: number) => plot.left + ((value - chart.min) / span) * plot.width;
		const toY = (value: number) =>
			plot.top + plot.height - ((value - chart.min) / span) * plot.height;

		pdf.save().lineWidth(0.75).strokeColor(RULE_COLOUR);
		pdf.rect(plot.left, plot.top, plot.width, plot.height).stroke();
		pdf
			.moveTo(toX(chart.centre), plot.top)
			.lineTo(toX(chart.centre), plot.top + plot.height)
			.stroke();
		pdf
			.moveTo(plot.left, toY(chart.centre))
			.lineTo(plot.left + plot.width, toY(chart.centre))
			.stroke();
		pdf.restore();

		this.style(REGULAR, NOTE_SIZE, MUTED_COLOUR);
		for (let tick = Math.ceil(chart.min); tick <= chart.max; tick++) {
			pdf.text(String(tick), toX(tick) - 10, plot.top + plot.height + 3, {
				width: 20,
				align: 'center',
				lineBreak: false
			});
			pdf.text(String(tick), plot.left - 24, toY(tick) - NOTE_SIZE / 2, {
				width: 18,
				align: 'right',
				lineBreak: false
			});
		}
		this.style(BOLD, NOTE_SIZE);
		pdf.text(chart.yLabel, this.left, top + 4, { width: 200, lineBreak: false });
		pdf.text(chart.xLabel, plot.left, plot.top + plot.height + 18, {
			width: plot.width,
			align: 'center',
			lineBreak: false
		});

		this.style(BOLD, NOTE_SIZE, MUTED_COLOUR);
		const quadrantWidth = toX(chart.centre) - plot.left - 12;
		const rightWidth = plot.left + plot.width - toX(chart.centre) - 12;
		const lowerTop = toY(chart.centre) + 6;
		const q = chart.quadrants;
		pdf.text(q.topLeft, plot.left + 6, plot.top + 6, { width: quadrantWidth, lineBreak: false });
		pdf.text(q.topRight, toX(chart.centre) + 6, plot.top + 6, {
			width: rightWidth,
			lineBreak: false
		});
		pdf.text(q.bottomLeft, plot.left + 6, lowerTop, { width: quadrantWidth, lineBreak: false });
		pdf.text(q.bottomRight, toX(chart.centre) + 6, lowerTop, {
			width: rightWidth,
			lineBreak: false
		});

		this.style(REGULAR, NOTE_SIZE);
		for (const point of chart.points) {
			const x = toX(point.x);
			const y = toY(point.y);
			pdf.save().fillColor(SERIES_COLOURS[0]!).circle(x, y, 3.5).fill().restore();
			pdf.text(point.label, x + 6, y - NOTE_SIZE / 2, { width: 120, lineBreak: false });
		}
	}

	private image(block: ReportImage): void {
		const bytes = this.images.get(block.sha256);
		if (!bytes) {
			this.paragraph(`Foto nicht verfügbar: ${block.alt}`, true);
			return;
		}
		// Opened once: its pixel size gives the aspect ratio, and pdfkit embeds the opened image.
		const image = (this.pdf as unknown as OpensImages).openImage(bytes);
		const fullPage = this.bottom - MARGIN.top - 40;
		let width = this.width;
		let height = (width * image.height) / image.width;
		if (height > fullPage) {
			width = (width * fullPage) / height;
			height = fullPage;
		}
		this.figure(block.alt, block.caption, height, (top) => {
			this.pdf.image(image as unknown as ArrayBuffer, this.left, top, { width, height });
		});
	}

	/** Running header (the title, from page 2) and "Seite n von m" on every page, as artifacts. */
	finish(title: string): void {
		this.root.end();
		const { start, count } = this.pdf.bufferedPageRange();
		for (let index = start; index < start + count; index++) {
			this.pdf.switchToPage(index);
			// Below the bottom margin pdfkit would start a new page for the footer line.
			const bottomMargin = this.pdf.page.margins.bottom;
			this.pdf.page.margins.bottom = 0;
			this.style(REGULAR, NOTE_SIZE, MUTED_COLOUR);
			if (index > start) {
				this.artifact(() => {
					this.pdf.text(title, this.left, MARGIN.top - 36, {
						width: this.width,
						lineBreak: false,
						ellipsis: true
					});
				}, 'Pagination');
			}
			this.artifact(() => {
				this.pdf.text(
					`Seite ${index - start + 1} von ${count}`,
					this.left,
					this.pdf.page.height - MARGIN.bottom + 28,
					{ width: this.width, align: 'center', lineBreak: false }
				);
			}, 'Pagination');
			this.pdf.page.margins.bottom = bottomMargin;
		}
	}
}

const RADAR_RADIUS = 110;
const LEGEND_LINE = 18;

/**
 * The radar's height: room for the top label, the radius up and down to the lowest corner (with three
 * axes the lowest corner is half the radius below the centre, so a square would leave a gap above the
 * legend), the lower labels, then a line of legend per series.
 */
function radarHeight(chart: RadarChart): number {
	const lowest = Math.max(
		...chart.axes.map((_, index) =>
			Math.sin(-Math.PI / 2 + (2 * Math.PI * index) / chart.axes.length)
		)
	);
	return (
		25 + RADAR_RADIUS * (1 + lowest * 1.08) + 2 * NOTE_SIZE + 16 + LEGEND_LINE * chart.series.length
	);
}

function collect(pdf: PDFKit.PDFDocument): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		const chunks: Uint8Array[] = [];
		pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
		pdf.on('error', reject);
		pdf.on('end', () => {
			const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
			let offset = 0;
			for (const chunk of chunks) {
				bytes.set(chunk, offset);
				offset += chunk.byteLength;
			}
			resolve(bytes);
		});
	});
}

/** Draws the document with the given fonts; `renderPdf` loads them itself. */
export function renderPdfWithFonts(
	doc: ReportDocument,
	images: ReportImages,
	fonts: PdfFonts,
	onProgress?: (done: number, total: number) => void
): Promise<Uint8Array> {
	const pdf = new PDFDocument({
		size: A4,
		margins: MARGIN,
		// PDF/UA-1 is built on PDF 1.7.
		pdfVersion: '1.7',
		subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
		tagged: true,
		lang: doc.language,
		displayTitle: true,
		bufferPages: true,
		// No Helvetica: every glyph comes from the embedded font (a standard font is never embedded).
		font: null as unknown as string,
		info: {
			Title: doc.title,
			Author: doc.author,
			Subject: doc.subject,
			Creator: doc.author,
			CreationDate: new Date(doc.createdAt)
		}
	});
	const bytes = collect(pdf);
	pdf.registerFont(REGULAR, fonts.regular as unknown as ArrayBuffer);
	pdf.registerFont(BOLD, fonts.bold as unknown as ArrayBuffer);
	const writer = new PdfWriter(pdf, images);
	doc.blocks.forEach((block, index) => {
		writer.block(block);
		onProgress?.(index + 1, doc.blocks.length);
	});
	writer.finish(doc.title);
	pdf.end();
	return bytes;
}

export async function renderPdf(
	doc: ReportDocument,
	images: ReportImages,
	onProgress?: (done: number, total: number) => void
): Promise<Uint8Array> {
	return renderPdfWithFonts(doc, images, await loadPdfFonts(), onProgress);
}
