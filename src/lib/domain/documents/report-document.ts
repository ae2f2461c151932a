// A document made for people (the workshop protocol, the Digital-Check report) as structure, before it
// becomes a file. The protocol and report builders (pure, tested by hand) produce one; the renderers in
// src/lib/export/ turn the same structure into a tagged PDF, a DOCX or sheets of an XLSX, so what goes
// into which section is decided once and the three files cannot disagree (ADR 19).
//
// Everything here is plain data: strings as the user typed them (renderers write them as text, never
// as markup), numbers as numbers (renderers format them the German way), charts as the figures they
// show (renderers draw them as vectors from these figures, and every chart carries its own table-free
// description for people who do not read charts).

export interface ReportDocument {
	/** The document's title: PDF Title (shown instead of the file name), DOCX core title. */
	title: string;
	/** One line saying what the document is for, e.g. "Protokoll des Workshops vom 14.03.2027". */
	subject: string;
	/** Always German for now; written into the PDF catalog (Lang) and every DOCX run. */
	language: 'de-DE';
	/** File name without extension, safe on every file system, e.g. "Protokoll-Celle-2027-03-14". */
	fileName: string;
	/** Who made it, e.g. "Kommunalwerkstatt": PDF Author/Creator, DOCX creator. */
	author: string;
	/** When the builder made it (ISO 8601); shown nowhere but in the file's metadata. */
	createdAt: string;
	blocks: ReportBlock[];
}

export type ReportBlock =
	| ReportHeading
	| ReportParagraph
	| ReportList
	| ReportFacts
	| ReportTable
	| ReportChartBlock
	| ReportImage
	| ReportPageBreak;

/** Level 1 is the document's title on its title page; sections start at 2. */
export interface ReportHeading {
	kind: 'heading';
	level: 1 | 2 | 3;
	text: string;
}

export interface ReportParagraph {
	kind: 'paragraph';
	text: string;
	/** 'note' is set off (smaller, indented): an empty state or an explanation of figures. */
	style?: 'normal' | 'note';
}

export interface ReportList {
	kind: 'list';
	ordered: boolean;
	items: string[];
}

/** Label/value pairs such as the title page's facts; rendered as a two-column table with row headers. */
export interface ReportFacts {
	kind: 'facts';
	/** Names the facts for assistive technology (the table's caption or summary). */
	caption: string;
	items: { label: string; value: string }[];
}

export type ReportCell = string | number | null;

export interface ReportColumn {
	header: string;
	/** How a number in this column is shown; text columns leave it out. */
	format?: 'integer' | 'decimal1' | 'percent' | 'euro' | 'date';
	/** Relative width; renderers share the page width in proportion (default 1). */
	width?: number;
}

/**
 * A data table: the header row is repeated on every page it runs onto (PDF) and marked as header
 * (DOCX, XLSX). `rows` hold one cell per column; a `date` cell is an ISO date (yyyy-mm-dd).
 */
export interface ReportTable {
	kind: 'table';
	caption: string;
	columns: ReportColumn[];
	rows: ReportCell[][];
	/** The first column names its row (scope=row in PDF, bold in DOCX). */
	rowHeaders?: boolean;
	/** The XLSX sheet this table becomes (≤ 31 characters); tables without one stay out of the XLSX. */
	sheetName?: string;
}

export type ReportChart = RadarChart | MatrixChart;

/** The Digital-Check's dimensions as a radar; values 0–100, null where nobody answered. */
export interface RadarChart {
	kind: 'radar';
	axes: string[];
	series: { label: string; values: (number | null)[]; dashed?: boolean }[];
	max: number;
}

/** Impact × effort (1–5 each) with the four quadrants named; the labels are the items' short names. */
export interface MatrixChart {
	kind: 'matrix';
	xLabel: string;
	yLabel: string;
	min: number;
	max: number;
	/** The line where a quadrant starts, e.g. 3. */
	centre: number;
	quadrants: { topLeft: string; topRight: string; bottomLeft: string; bottomRight: string };
	points: { label: string; x: number; y: number }[];
}

export interface ReportChartBlock {
	kind: 'chart';
	chart: ReportChart;
	/** Alternative text: what the chart shows, in words (PDF Alt on the Figure, DOCX descr). */
	alt: string;
	caption: string;
}

/** A photo from the photo protocol, referenced by its blob's SHA-256 (the renderer is given the bytes). */
export interface ReportImage {
	kind: 'image';
	sha256: string;
	mediaType: 'image/jpeg' | 'image/png';
	alt: string;
	caption: string;
	/** Pixel size when known, so renderers can keep the aspect ratio without decoding. */
	width?: number;
	height?: number;
}

export interface ReportPageBreak {
	kind: 'pageBreak';
}

/** The bytes of the photos a document references, by SHA-256; a missing one is drawn as its alt text. */
export type ReportImages = ReadonlyMap<string, Uint8Array>;

/** The files a document becomes (src/lib/export/render-report.ts). */
export const REPORT_FORMATS = ['pdf', 'docx', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What a page asks the rendering worker for (src/lib/export/render-report.worker.ts). */
export interface RenderRequest {
	format: ReportFormat;
	doc: ReportDocument;
	/** The photos the document references, by SHA-256. */
	images: [string, Uint8Array][];
}

/** What the worker answers: progress, then the bytes or why it failed. */
export type RenderReply =
	| { kind: 'progress'; done: number; total: number }
	| { kind: 'done'; bytes: Uint8Array }
	| { kind: 'failed'; message: string };

const UNSAFE_IN_FILE_NAMES = /[^\p{L}\p{N}._-]+/gu;

/**
 * A file name from its parts, e.g. ("Protokoll", "Celle", "2027-03-14") → "Protokoll-Celle-2027-03-14":
 * spaces and characters that some file systems refuse become one hyphen; umlauts stay (every current
 * system keeps them).
 */
export function reportFileName(...parts: string[]): string {
	return parts
		.map((part) =>
			part
				.normalize('NFC')
				.replace(UNSAFE_IN_FILE_NAMES, '-')
				.replace(/^-+|-+$/g, '')
		)
		.filter((part) => part.length > 0)
		.join('-');
}
