// The PDF's font: Atkinson Hyperlegible Next (SIL OFL 1.1, from the npm package
// @expo-google-fonts/atkinson-hyperlegible-next, which ships the complete TTFs; the @fontsource packages
// split the font by Unicode range, so no single file there holds both "a" and "ẞ"). Regular and bold,
// embedded as subsets by pdfkit.
//
// The files are referenced as `new URL(…, import.meta.url)`, Vite's other form of an asset URL: in the
// build (page or worker) Vite emits them as hashed assets, which the service worker precaches, and the
// renderer fetches them from there, offline too. A `?url` import would do the same in the build, but
// tsx (the benchmark) cannot resolve it; with `new URL` Node sees plain file URLs.

export interface PdfFonts {
	regular: Uint8Array;
	bold: Uint8Array;
}

export const REGULAR_FONT_URL = new URL(
	'../../../../node_modules/@expo-google-fonts/atkinson-hyperlegible-next/400Regular/AtkinsonHyperlegibleNext_400Regular.ttf',
	import.meta.url
);
export const BOLD_FONT_URL = new URL(
	'../../../../node_modules/@expo-google-fonts/atkinson-hyperlegible-next/700Bold/AtkinsonHyperlegibleNext_700Bold.ttf',
	import.meta.url
);

async function fontBytes(url: URL): Promise<Uint8Array> {
	if (url.protocol === 'file:') {
		// Node (tests, benchmark): its fetch cannot read files. Taken from the running process rather
		// than imported, so the browser build never sees a Node module.
		const fs = process.getBuiltinModule('node:fs');
		return new Uint8Array(fs.readFileSync(url));
	}
	const response = await fetch(url);
	if (!response.ok) throw new Error(`Schrift ${url.pathname} nicht geladen: ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
}

let loading: Promise<PdfFonts> | null = null;

/** Loads both fonts once per page or worker; a failed load is tried again on the next call. */
export function loadPdfFonts(): Promise<PdfFonts> {
	loading ??= Promise.all([fontBytes(REGULAR_FONT_URL), fontBytes(BOLD_FONT_URL)]).then(
		([regular, bold]) => ({ regular, bold }),
		(error: unknown) => {
			loading = null;
			throw error;
		}
	);
	return loading;
}
