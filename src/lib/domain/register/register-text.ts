// Destatis has published the Gemeindeverzeichnis in UTF-8 since about 2019 and in ISO-8859-1 before;
// an extract saved from a spreadsheet is often Windows-1252. German text in those 8-bit encodings is
// almost never valid UTF-8, so a strict UTF-8 decode that fails means the file is Latin-1.

export type RegisterEncoding = 'utf-8' | 'latin-1';

export interface RegisterText {
	encoding: RegisterEncoding;
	/** The file's lines without their terminators; line n of the file is `lines[n - 1]`. */
	lines: string[];
}

export function decodeRegisterText(bytes: Uint8Array): RegisterText | null {
	let text: string;
	let encoding: RegisterEncoding = 'utf-8';
	try {
		// ignoreBOM: false strips a leading byte order mark, which spreadsheet programs write.
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		// The WHATWG label latin1 decodes as Windows-1252, a superset of ISO-8859-1's printable range.
		text = new TextDecoder('latin1').decode(bytes);
		encoding = 'latin-1';
	}
	// A NUL byte means a binary file (a spreadsheet, an archive), not text.
	if (text.includes('\u0000')) return null;
	return { encoding, lines: text.split(/\r\n|\r|\n/) };
}
