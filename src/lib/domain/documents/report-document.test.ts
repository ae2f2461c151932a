import { describe, expect, it } from 'vitest';
import { reportFileName } from './report-document';

describe('file names of documents for people', () => {
	it('joins kind, municipality and date with hyphens', () => {
		expect(reportFileName('Protokoll', 'Celle', '2027-03-14')).toBe('Protokoll-Celle-2027-03-14');
	});

	it('keeps umlauts and turns spaces and slashes into one hyphen', () => {
		expect(reportFileName('Protokoll', 'Bad Bevensen / Süd', '2027-03-14')).toBe(
			'Protokoll-Bad-Bevensen-Süd-2027-03-14'
		);
	});

	it('drops characters file systems refuse and parts left empty', () => {
		expect(reportFileName('Digital-Check', 'Stadt: "Göttingen"?', '', '2027')).toBe(
			'Digital-Check-Stadt-Göttingen-2027'
		);
	});
});
