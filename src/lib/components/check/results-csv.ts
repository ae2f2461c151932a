// The results as CSV (semicolon-separated, as German spreadsheets expect, with a BOM so Excel reads
// UTF-8): one row per dimension, then one per perspective and dimension that is shown separately.
import Papa from 'papaparse';
import type { Catalog } from '$lib/domain/check/catalog-types';
import type { RoundResult } from '$lib/domain/check/check-scoring';

const number = (value: number | null): string =>
	value === null ? '' : value.toFixed(1).replace('.', ',');

export function resultsCsv(result: RoundResult, catalog: Catalog): string {
	const rows: (string | number)[][] = [
		['Bereich', 'Dimension', 'Perspektive', 'Wert', 'Abdeckung', 'Soll', 'Abstand', 'Befragte']
	];
	for (const dimension of catalog.dimensions) {
		const d = result.dimensions[dimension.id];
		rows.push([
			'Kommune',
			dimension.title,
			'',
			number(d.score),
			number(d.coverage === null ? null : d.coverage * 100),
			number(d.targetScore),
			number(d.gap),
			''
		]);
	}
	for (const perspective of result.perspectives) {
		for (const dimension of catalog.dimensions) {
			const p = perspective.dimensions[dimension.id];
			if (!p.shownSeparately) continue;
			rows.push([
				'Perspektive',
				dimension.title,
				perspective.perspective,
				number(p.median),
				'',
				'',
				'',
				p.respondents
			]);
		}
	}
	rows.push(['Gesamt', '', '', number(result.overall.score), '', '', '', '']);
	rows.push(['Katalog', result.catalogVersion, '', '', '', '', '', '']);
	return '\uFEFF' + Papa.unparse(rows, { delimiter: ';' });
}
