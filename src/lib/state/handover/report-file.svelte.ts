// Making one document for people (ADR 19) on a page that holds its data: builds the document from what
// the page already reads, renders it off the page's thread with progress, and hands the file to the
// browser. The renderers load only here, on the person's request.

import type {
	RenderReply,
	RenderRequest,
	ReportDocument,
	ReportFormat,
	ReportImages
} from '../../domain/documents/report-document';

export type ReportFileError = 'report_not_ready' | 'report_failed' | 'code_load_failed';

/** File extensions and media types by format; kept here so the page need not load the renderers. */
const FILE_TYPES: Record<ReportFormat, { extension: string; mediaType: string }> = {
	pdf: { extension: 'pdf', mediaType: 'application/pdf' },
	docx: {
		extension: 'docx',
		mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
	},
	xlsx: {
		extension: 'xlsx',
		mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	}
};

export interface ReportFileOptions {
	/** The document from the page's current data, or null while that is still being read. */
	build: () => ReportDocument | null;
	/** The photos the document references, by SHA-256 (none yet: an empty map). */
	images?: (doc: ReportDocument) => Promise<ReportImages>;
	/** Hands the bytes to the person; the browser's download by default. */
	save: (fileName: string, bytes: Uint8Array, mediaType: string) => void;
	/** How the bytes are made; a worker where the browser has one (renderInWorker), else renderHere. */
	render?: Render;
}

export type Render = (
	format: ReportFormat,
	doc: ReportDocument,
	images: ReportImages,
	onProgress: (done: number, total: number) => void
) => Promise<Uint8Array>;

export class ReportFile {
	/** The format being made, or null. */
	making = $state<ReportFormat | null>(null);
	/** Share done of the file being made, 0–1. */
	progress = $state(0);
	error = $state<ReportFileError | null>(null);
	/** The name of the last file handed over, for the page to say so. */
	saved = $state<string | null>(null);
	readonly #options: ReportFileOptions;

	constructor(options: ReportFileOptions) {
		this.#options = options;
	}

	/** Makes the file and hands it over; false (with `error` set) when it could not be made. */
	async make(format: ReportFormat): Promise<boolean> {
		if (this.making !== null) return false;
		this.error = null;
		this.saved = null;
		const doc = this.#options.build();
		if (doc === null) {
			this.error = 'report_not_ready';
			return false;
		}
		this.making = format;
		this.progress = 0;
		try {
			const images: ReportImages = (await this.#options.images?.(doc)) ?? NO_IMAGES;
			const render =
				this.#options.render ?? (typeof Worker === 'undefined' ? renderHere : renderInWorker);
			const bytes = await render(format, doc, images, (done, total) => {
				this.progress = total > 0 ? done / total : 0;
			});
			const { extension, mediaType } = FILE_TYPES[format];
			const fileName = `${doc.fileName}.${extension}`;
			this.#options.save(fileName, bytes, mediaType);
			this.saved = fileName;
			return true;
		} catch (error) {
			this.error = error instanceof CodeLoadError ? 'code_load_failed' : 'report_failed';
			return false;
		} finally {
			this.making = null;
		}
	}
}

const NO_IMAGES: ReportImages = new Map<string, Uint8Array>();

/** The renderer's code could not be fetched (offline before the service worker had it). */
class CodeLoadError extends Error {}

/** Renders in a module worker, which loads only the renderer the format needs. */
export function renderInWorker(
	format: ReportFormat,
	doc: ReportDocument,
	images: ReportImages,
	onProgress: (done: number, total: number) => void
): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		// Written out in full, as Vite recognises a worker and bundles it only in this form.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off address, not state
		const worker = new Worker(new URL('../../export/render-report.worker.ts', import.meta.url), {
			type: 'module'
		});
		const finish = () => worker.terminate();
		worker.onmessage = ({ data }: MessageEvent<RenderReply>) => {
			if (data.kind === 'progress') onProgress(data.done, data.total);
			else {
				finish();
				if (data.kind === 'done') resolve(data.bytes);
				else reject(new Error(data.message));
			}
		};
		// A worker whose script cannot be fetched reports an error event, not a message.
		worker.onerror = (event) => {
			event.preventDefault();
			finish();
			reject(new CodeLoadError(event.message));
		};
		const request: RenderRequest = { format, doc, images: [...images] };
		worker.postMessage(request);
	});
}

/** Renders on this thread, loading the renderer with import(). */
export async function renderHere(
	format: ReportFormat,
	doc: ReportDocument,
	images: ReportImages,
	onProgress: (done: number, total: number) => void
): Promise<Uint8Array> {
	const renderer = await import('../../export/render-report').catch((error: unknown) => {
		throw new CodeLoadError(String(error));
	});
	return renderer.renderReport(format, doc, images, onProgress);
}
