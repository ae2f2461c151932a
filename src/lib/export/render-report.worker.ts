// Makes a file off the page's thread (ADR 19): a full day's PDF takes seconds, during which the page
// must keep answering (a participant's edit arriving, the countdown). One request per worker; the
// worker reports progress, then the bytes (transferred, not copied) or the failure.
import type { RenderReply, RenderRequest } from '../domain/documents/report-document';
import { renderReport } from './render-report';

const scope = self as unknown as {
	onmessage: ((event: MessageEvent<RenderRequest>) => void) | null;
	postMessage(reply: RenderReply, transfer?: Transferable[]): void;
};

scope.onmessage = async ({ data }) => {
	try {
		const bytes = await renderReport(data.format, data.doc, new Map(data.images), (done, total) =>
			scope.postMessage({ kind: 'progress', done, total })
		);
		scope.postMessage({ kind: 'done', bytes }, [bytes.buffer]);
	} catch (error) {
		scope.postMessage({ kind: 'failed', message: String(error) });
	}
};
