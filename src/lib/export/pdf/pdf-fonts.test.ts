import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { GERMAN_SPECIAL_CHARACTERS } from '../sample-report.fixture';
import { loadPdfFonts } from './pdf-fonts';

const LETTERS_AND_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// What the app's texts and the renderer's own formatting use: the no-break space joins number and
// unit ("45 %", "1.250,50 €"), the bullet marks list items.
const PUNCTUATION = ' \u00a0.,;:!?-()[]/&%+*=\'"‚‘’”«»•@#';

describe('the PDF font', () => {
	it('has a glyph for every character the app prints, in regular and bold', async () => {
		const fonts = await loadPdfFonts();
		for (const [weight, bytes] of Object.entries(fonts)) {
			const font = create(Buffer.from(bytes)) as Font;
			const missing = [...(GERMAN_SPECIAL_CHARACTERS + LETTERS_AND_DIGITS + PUNCTUATION)].filter(
				(character) => !font.hasGlyphForCodePoint(character.codePointAt(0)!)
			);
			expect(missing, weight).toEqual([]);
		}
	});
});
