// Reading the renderers' files back in tests, as a program that opens them would: unzipped parts and
// the text of their XML elements (ADR 19: tests read the files, not the structure). Also LibreOffice
// headless, which converts a file as a person's office suite would open it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';

/** Every part of an Office file (a zip), by path. */
export function unzipOffice(bytes: Uint8Array): Map<string, Uint8Array> {
	return new Map(Object.entries(unzipSync(bytes)));
}

/** One part of an Office file as text; fails the test when the part is missing. */
export function part(parts: Map<string, Uint8Array>, path: string): string {
	const bytes = parts.get(path);
	if (bytes === undefined) throw new Error(`${path} is missing; parts: ${[...parts.keys()]}`);
	return strFromU8(bytes);
}

const ENTITIES: Record<string, string> = {
	'&lt;': '<',
	'&gt;': '>',
	'&amp;': '&',
	'&quot;': '"',
	'&apos;': "'"
};

/** XML text or attribute content as the characters it stands for. */
export function unescapeXml(value: string): string {
	return value.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity) => {
		if (entity.startsWith('&#x')) return String.fromCodePoint(parseInt(entity.slice(3, -1), 16));
		if (entity.startsWith('&#')) return String.fromCodePoint(Number(entity.slice(2, -1)));
		return ENTITIES[entity]!;
	});
}

/** The elements `<tag …>…</tag>` (not nested in themselves) of an XML text, whole. */
export function elements(xml: string, tag: string): string[] {
	const pattern = new RegExp(`<${tag}(?:\\s[^>]*)?(?:/>|>[\\s\\S]*?</${tag}>)`, 'g');
	return xml.match(pattern) ?? [];
}

/** The joined content of the text elements (`w:t`, `t`) inside an XML fragment. */
export function textOf(xml: string, textTag = 'w:t'): string {
	return elements(xml, textTag)
		.map((element) => unescapeXml(element.replace(/^<[^>]*>|<\/[^>]*>$/g, '')))
		.join('');
}

/** The attributes of an element's start tag, unescaped. */
export function attributes(element: string): Record<string, string> {
	const start = /^<[^>]*>/.exec(element)?.[0] ?? '';
	return Object.fromEntries(
		[...start.matchAll(/([\w:]+)="([^"]*)"/g)].map(([, name, value]) => [
			name!,
			unescapeXml(value!)
		])
	);
}

const run = promisify(execFile);

/**
 * The file converted by LibreOffice headless (`soffice --convert-to`), as the bytes of the result.
 * Each call has a profile of its own, so parallel runs do not share (and lock) one.
 */
export async function convertWithLibreOffice(
	bytes: Uint8Array,
	fileName: string,
	target: string
): Promise<Uint8Array> {
	const dir = mkdtempSync(join(tmpdir(), 'kw-soffice-'));
	try {
		const input = join(dir, fileName);
		writeFileSync(input, bytes);
		await run(
			'soffice',
			[
				`-env:UserInstallation=file://${join(dir, 'profile')}`,
				'--headless',
				'--convert-to',
				target,
				'--outdir',
				join(dir, 'out'),
				input
			],
			{ timeout: 120_000 }
		);
		const extension = target.split(':')[0]!;
		return readFileSync(
			join(dir, 'out', `${basename(fileName).replace(/\.[^.]+$/, '')}.${extension}`)
		);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The text of a PDF as poppler's pdftotext reads it (reading order, no layout). */
export async function pdfText(pdf: Uint8Array): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'kw-pdftotext-'));
	try {
		writeFileSync(join(dir, 'file.pdf'), pdf);
		const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', join(dir, 'file.pdf'), '-']);
		return stdout;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
