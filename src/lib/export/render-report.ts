// One entry to the three renderers (ADR 19): the format picks the renderer, which is loaded only now,
// so a person asking for a spreadsheet never loads pdfkit and its font.
import type {
	ReportDocument,
	ReportFormat,
	ReportImages
} from '../domain/documents/report-document';

export type Progress = (done: number, total: number) => void;

export async function renderReport(
	format: ReportFormat,
	doc: ReportDocument,
	images: ReportImages,
	onProgress?: Progress
): Promise<Uint8Array> {
	switch (format) {
		case 'pdf':
			return (await import('./pdf/render-pdf')).renderPdf(doc, images, onProgress);
		case 'docx':
			return (await import('./docx/render-docx')).renderDocx(doc, images, onProgress);
		case 'xlsx':
			return (await import('./xlsx/render-xlsx')).renderXlsx(doc, onProgress);
	}
}
