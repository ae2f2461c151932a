// The bytes of the photos a document shows, by SHA-256, read where the page reads them (this device or
// the laptop); a photo neither has is left out, and the renderers write its description instead.
import type { ReportDocument, ReportImages } from '../../domain/documents/report-document';

export async function reportImages(
	doc: ReportDocument,
	read: (sha256: string) => Promise<Uint8Array | null>
): Promise<ReportImages> {
	const wanted = doc.blocks.flatMap((block) => (block.kind === 'image' ? [block.sha256] : []));
	const found = await Promise.all(
		[...new Set(wanted)].map(async (sha256) => [sha256, await read(sha256)] as const)
	);
	return new Map(found.flatMap(([sha256, bytes]) => (bytes ? [[sha256, bytes]] : [])));
}
