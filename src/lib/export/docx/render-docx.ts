// The ReportDocument as a Word file (ADR 19): real Heading 1–3 paragraphs (Word's navigation pane and
// screen readers list them), lists Word numbers itself, tables whose header row repeats on every page,
// charts Word draws from their figures, photos with alternative text, German as the language of every
// run, and page numbers in the footer. Runs in a module worker and in Node alike: no DOM, no $lib.
//
// Charts are native Word charts (docx/charts: c:radarChart, c:scatterChart with the figures in an
// embedded workbook), not SVG pictures: an SVG in a DOCX needs a PNG beside it for the programs that
// cannot show SVG, and neither a worker nor Node can rasterise an SVG without a large extra library.
// A native chart is vector in Word and LibreOffice, keeps its numbers editable, and carries its
// alternative text in the drawing's descr like a picture.
import {
	AlignmentType,
	BorderStyle,
	Document,
	Footer,
	HeadingLevel,
	ImageRun,
	LevelFormat,
	Packer,
	PageBreak,
	PageNumber,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type IRunOptions,
	type ParagraphChild
} from 'docx';
import { ChartRun } from 'docx/charts';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type {
	MatrixChart,
	RadarChart,
	ReportBlock,
	ReportChartBlock,
	ReportDocument,
	ReportFacts,
	ReportImage,
	ReportImages,
	ReportTable
} from '../../domain/documents/report-document';
import { formatCell } from '../format-cell';

const LANGUAGE = 'de-DE';
/** On every office system: Windows and macOS have it, LibreOffice shows it as Liberation Sans. */
const FONT = 'Arial';
/** A4 portrait with 2 cm margins, in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const CONTENT_TWIPS = PAGE.width - 2 * PAGE.margin;
/** The same width in pixels at 96 dpi, the unit docx sizes pictures and charts in. */
const CONTENT_PIXELS = Math.floor((CONTENT_TWIPS / 1440) * 96);
const MAX_PICTURE_HEIGHT_PIXELS = 560;
const CHART_SIZE = { width: CONTENT_PIXELS, height: Math.round(CONTENT_PIXELS * 0.62) };
const HEADER_FILL = 'E7EEF2';
const CHART_COLOURS = ['0B4F6C', 'C0392B', '2E7D32', '6A1B9A'];

const HEADINGS = {
	1: HeadingLevel.HEADING_1,
	2: HeadingLevel.HEADING_2,
	3: HeadingLevel.HEADING_3
} as const;

const ORDERED_LIST = 'report-ordered';
const BULLET_LIST = 'report-bullet';

/** Text the user typed, as a run: docx escapes it, so markup in it stays visible text. */
const text = (value: string, options: Omit<IRunOptions, 'text'> = {}): TextRun =>
	new TextRun({ ...options, text: value, language: { value: LANGUAGE } });

const caption = (value: string): Paragraph =>
	new Paragraph({ style: 'Caption', children: [text(value)] });

/** Ordered lists each count from 1: every list is its own instance of the numbering. */
class ListInstances {
	private next = 1;
	take(): number {
		return this.next++;
	}
}

/** Data tables are set a size smaller than the text (9 pt, in half-points), to fit more columns. */
const TABLE_TEXT_SIZE = 18;

function headerCell(value: string, width: number): TableCell {
	return new TableCell({
		width: { size: width, type: WidthType.DXA },
		shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' },
		children: [new Paragraph({ children: [text(value, { bold: true, size: TABLE_TEXT_SIZE })] })]
	});
}

function bodyCell(
	value: string,
	width: number,
	options: { bold: boolean; right: boolean; size?: number }
): TableCell {
	return new TableCell({
		width: { size: width, type: WidthType.DXA },
		children: [
			new Paragraph({
				alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
				children: [text(value, { bold: options.bold, size: options.size })]
			})
		]
	});
}

/** Twips per column, shared in proportion to the columns' relative widths. */
function columnWidths(weights: number[]): number[] {
	const total = weights.reduce((sum, weight) => sum + weight, 0);
	return weights.map((weight) => Math.floor((CONTENT_TWIPS * weight) / total));
}

/**
 * About the advance of a character of 9 pt Arial (bold a little wider), the unit a column's width is
 * estimated in; and a cell's side margins.
 */
const TABLE_CHARACTER_TWIPS = 100;
const CELL_MARGINS_TWIPS = 2 * 108;

/**
 * Each column gets the width of its longest word (a number with its unit is one word: the space in it
 * does not break), so that nothing breaks inside a word; what is left of the text width is shared in
 * proportion to the columns' relative widths. Where even the longest words do not fit, the columns
 * are shared in proportion alone.
 */
function tableColumnWidths(table: ReportTable): number[] {
	const weights = table.columns.map((column) => column.width ?? 1);
	const longestWord = (text: string) => Math.max(...text.split(/\s+/).map((word) => word.length));
	const minimums = table.columns.map((column, i) => {
		const characters = Math.max(
			longestWord(column.header),
			...table.rows.map((row) => longestWord(formatCell(row[i] ?? null, column.format)))
		);
		return CELL_MARGINS_TWIPS + characters * TABLE_CHARACTER_TWIPS;
	});
	const spare = CONTENT_TWIPS - minimums.reduce((sum, width) => sum + width, 0);
	if (spare < 0) return columnWidths(weights);
	const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
	return minimums.map((minimum, i) => minimum + Math.floor((spare * weights[i]!) / totalWeight));
}

function renderTable(table: ReportTable): (Paragraph | Table)[] {
	const widths = tableColumnWidths(table);
	const header = new TableRow({
		tableHeader: true,
		cantSplit: true,
		children: table.columns.map((column, i) => headerCell(column.header, widths[i]!))
	});
	const rows = table.rows.map(
		(row) =>
			new TableRow({
				cantSplit: true,
				children: table.columns.map((column, i) =>
					bodyCell(formatCell(row[i] ?? null, column.format), widths[i]!, {
						bold: table.rowHeaders === true && i === 0,
						right: column.format !== undefined && column.format !== 'date',
						size: TABLE_TEXT_SIZE
					})
				)
			})
	);
	return [
		new Paragraph({ style: 'Caption', keepNext: true, children: [text(table.caption)] }),
		new Table({
			width: { size: CONTENT_TWIPS, type: WidthType.DXA },
			columnWidths: widths,
			rows: [header, ...rows]
		})
	];
}

function renderFacts(facts: ReportFacts): (Paragraph | Table)[] {
	const widths = columnWidths([1, 2]);
	const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
	return [
		new Paragraph({ style: 'Caption', keepNext: true, children: [text(facts.caption)] }),
		new Table({
			width: { size: CONTENT_TWIPS, type: WidthType.DXA },
			columnWidths: widths,
			borders: {
				top: none,
				bottom: none,
				left: none,
				right: none,
				insideHorizontal: none,
				insideVertical: none
			},
			rows: facts.items.map(
				(item) =>
					new TableRow({
						cantSplit: true,
						children: [
							bodyCell(item.label, widths[0]!, { bold: true, right: false }),
							bodyCell(item.value, widths[1]!, { bold: false, right: false })
						]
					})
			)
		})
	];
}

const chartFont = { size: 9 };

function radarRun(chart: RadarChart, block: ReportChartBlock): ChartRun {
	return new ChartRun({
		type: 'radar',
		categories: chart.axes,
		series: chart.series.map((series, i) => ({
			name: series.label,
			values: series.values,
			color: CHART_COLOURS[i % CHART_COLOURS.length],
			line: { width: 2.25, dash: series.dashed === true ? 'dash' : 'solid' }
		})),
		markers: { shape: 'circle', size: 6 },
		emptyValues: 'gap',
		valueAxis: { minimum: 0, maximum: chart.max, font: chartFont },
		categoryAxis: { font: chartFont },
		legend: { position: 'bottom', font: chartFont },
		font: { name: FONT },
		transformation: CHART_SIZE,
		altText: { name: block.caption, title: block.caption, description: block.alt }
	});
}

/**
 * The matrix as a scatter chart: the items as labelled points; the lines between the quadrants are the
 * gridlines, one step from the lowest value to the centre apart (1–5 with centre 3: at 1, 3 and 5); the
 * quadrants' names are labels of unmarked points in the plot's corners, where items are rare.
 */
function matrixRun(chart: MatrixChart, block: ReportChartBlock): ChartRun {
	const { min, max, centre } = chart;
	const inset = (max - min) * 0.06;
	const quadrants = [
		{ x: min + inset, y: max - inset, name: chart.quadrants.topLeft, position: 'right' },
		{ x: max - inset, y: max - inset, name: chart.quadrants.topRight, position: 'left' },
		{ x: min + inset, y: min + inset, name: chart.quadrants.bottomLeft, position: 'right' },
		{ x: max - inset, y: min + inset, name: chart.quadrants.bottomRight, position: 'left' }
	] as const;
	const axis = (title: string) => ({
		title: { text: title, font: { size: 10 } },
		minimum: min,
		maximum: max,
		interval: centre - min,
		gridlines: true,
		font: chartFont
	});
	return new ChartRun({
		type: 'scatter',
		series: [
			{
				name: 'Quadranten',
				points: quadrants.map(({ x, y }) => ({ x, y })),
				markers: false,
				pointLabels: quadrants.map(({ name, position }) => ({
					text: name,
					position,
					font: { ...chartFont, italics: true, color: '595959' }
				}))
			},
			{
				name: block.caption,
				points: chart.points.map(({ x, y }) => ({ x, y })),
				color: CHART_COLOURS[0],
				markers: { shape: 'circle', size: 8 },
				pointLabels: chart.points.map(({ label }) => ({ text: label, position: 'right' as const }))
			}
		],
		xAxis: axis(chart.xLabel),
		yAxis: axis(chart.yLabel),
		legend: false,
		font: { name: FONT },
		transformation: CHART_SIZE,
		altText: { name: block.caption, title: block.caption, description: block.alt }
	});
}

function renderChart(block: ReportChartBlock): Paragraph[] {
	const run =
		block.chart.kind === 'radar' ? radarRun(block.chart, block) : matrixRun(block.chart, block);
	return [new Paragraph({ keepNext: true, children: [run] }), caption(block.caption)];
}

/** Fits the picture into the text width and a page's share of height, keeping its aspect ratio. */
function pictureSize(image: ReportImage): { width: number; height: number } {
	const aspect = image.width && image.height ? image.height / image.width : 3 / 4;
	const width = Math.min(CONTENT_PIXELS, MAX_PICTURE_HEIGHT_PIXELS / aspect);
	return { width: Math.round(width), height: Math.round(width * aspect) };
}

function renderImage(image: ReportImage, images: ReportImages): Paragraph[] {
	const data = images.get(image.sha256);
	if (data === undefined) {
		// The photo's bytes were not handed over (not yet synced to this device): its words stand in.
		return [
			new Paragraph({
				children: [text(`[Foto nicht verfügbar: ${image.alt}]`, { italics: true })]
			}),
			caption(image.caption)
		];
	}
	const picture = new ImageRun({
		type: image.mediaType === 'image/png' ? 'png' : 'jpg',
		data,
		transformation: pictureSize(image),
		altText: { name: image.caption, title: image.caption, description: image.alt }
	});
	return [new Paragraph({ keepNext: true, children: [picture] }), caption(image.caption)];
}

function renderBlock(
	block: ReportBlock,
	images: ReportImages,
	lists: ListInstances
): (Paragraph | Table)[] {
	switch (block.kind) {
		case 'heading':
			return [
				new Paragraph({
					heading: HEADINGS[block.level],
					keepNext: true,
					children: [text(block.text)]
				})
			];
		case 'paragraph':
			return block.style === 'note'
				? [
						new Paragraph({
							indent: { left: 567 },
							children: [text(block.text, { size: 20, color: '4D4D4D' })]
						})
					]
				: [new Paragraph({ children: [text(block.text)] })];
		case 'list': {
			const reference = block.ordered ? ORDERED_LIST : BULLET_LIST;
			const instance = lists.take();
			return block.items.map(
				(item) =>
					new Paragraph({
						numbering: { reference, level: 0, instance },
						children: [text(item)]
					})
			);
		}
		case 'facts':
			return renderFacts(block);
		case 'table':
			return renderTable(block);
		case 'chart':
			return renderChart(block);
		case 'image':
			return renderImage(block, images);
		case 'pageBreak':
			return [new Paragraph({ children: [new PageBreak()] })];
	}
}

function footer(): Footer {
	const pageNumbers: ParagraphChild[] = [
		text('Seite '),
		new TextRun({ children: [PageNumber.CURRENT], language: { value: LANGUAGE } }),
		text(' von '),
		new TextRun({ children: [PageNumber.TOTAL_PAGES], language: { value: LANGUAGE } })
	];
	return new Footer({
		children: [new Paragraph({ alignment: AlignmentType.CENTER, children: pageNumbers })]
	});
}

const escapeXml = (value: string): string =>
	value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * docProps/core.xml as docx writes it, but with the document's own creation time: docx stamps "now",
 * and a file made twice from the same document should say when its content was made, not when saved.
 */
function coreProperties(doc: ReportDocument): string {
	const created = new Date(doc.createdAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
	const element = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
	return (
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
		'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
		' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
		' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
		element('dc:title', doc.title) +
		element('dc:subject', doc.subject) +
		element('dc:creator', doc.author) +
		element('dc:language', doc.language) +
		`<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
		'</cp:coreProperties>'
	);
}

/**
 * The document as DOCX bytes. `onProgress` hears (blocks done, blocks + 1) after each block and once
 * more when the file is packed.
 */
export async function renderDocx(
	doc: ReportDocument,
	images: ReportImages,
	onProgress?: (done: number, total: number) => void
): Promise<Uint8Array> {
	const total = doc.blocks.length + 1;
	const lists = new ListInstances();
	const children: (Paragraph | Table)[] = [];
	doc.blocks.forEach((block, i) => {
		children.push(...renderBlock(block, images, lists));
		onProgress?.(i + 1, total);
	});
	// Title, subject and author go into docProps/core.xml, which coreProperties writes whole.
	const file = new Document({
		styles: {
			default: {
				document: { run: { font: FONT, size: 22, language: { value: LANGUAGE } } }
			}
		},
		numbering: {
			config: [
				{
					reference: ORDERED_LIST,
					levels: [
						{
							level: 0,
							format: LevelFormat.DECIMAL,
							text: '%1.',
							alignment: AlignmentType.START,
							style: { paragraph: { indent: { left: 567, hanging: 340 } } }
						}
					]
				},
				{
					reference: BULLET_LIST,
					levels: [
						{
							level: 0,
							format: LevelFormat.BULLET,
							text: '•',
							alignment: AlignmentType.START,
							style: { paragraph: { indent: { left: 567, hanging: 340 } } }
						}
					]
				}
			]
		},
		sections: [
			{
				properties: {
					page: {
						size: { width: PAGE.width, height: PAGE.height },
						margin: {
							top: PAGE.margin,
							bottom: PAGE.margin,
							left: PAGE.margin,
							right: PAGE.margin
						}
					}
				},
				footers: { default: footer() },
				children
			}
		]
	});
	const bytes = await Packer.pack(file, 'uint8array', false, [
		{ path: 'docProps/core.xml', data: coreProperties(doc) }
	]);
	const german = chartsInGerman(bytes);
	onProgress?.(total, total);
	return german;
}

const CHART_PART = /^word\/charts\/chart\d+\.xml$/;

/**
 * docx writes every chart's text as US English (c:lang, and lang on each run of a label or title), with
 * no option to change it; a screen reader would read "Großes Projekt" with English rules. The chart
 * parts are rewritten to German, the rest of the package is kept as it is.
 */
function chartsInGerman(docx: Uint8Array): Uint8Array {
	const parts: Zippable = {};
	for (const [path, content] of Object.entries(unzipSync(docx))) {
		if (CHART_PART.test(path)) {
			const xml = strFromU8(content)
				.replace('<c:lang val="en-US"/>', `<c:lang val="${LANGUAGE}"/>`)
				.replaceAll(' lang="en-US"', ` lang="${LANGUAGE}"`);
			parts[path] = strToU8(xml);
		} else if (path.startsWith('word/media/')) {
			// Photos are compressed already: storing them saves the time of deflating them again.
			parts[path] = [content, { level: 0 }];
		} else {
			parts[path] = content;
		}
	}
	return zipSync(parts, { level: 6 });
}
