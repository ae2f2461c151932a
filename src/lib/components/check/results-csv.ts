// The results as one CSV table a German spreadsheet opens as it is: UTF-8 with a BOM (so Excel does not
// read it as Windows-1252), semicolons between fields, a decimal comma, one header row. Every row says
// in "Bereich" what it is and fills the columns that apply to it: the municipality's dimensions, each
// published perspective group's dimensions, the overall score, each question's mean, the processes,
// the barriers and the comments (pseudonymous, as on the page). Figures of fewer than 3 people are left
// empty, as on the page (ADR 7).
import Papa from 'papaparse';
import type { RespondentAnswers } from '$lib/domain/check/answers';
import { barrierPareto, type BarrierAnswer } from '$lib/domain/check/barriers';
import type { Catalog, DimensionId } from '$lib/domain/check/catalog-types';
import type { RoundResult } from '$lib/domain/check/check-scoring';
import type { ResultComment } from '$lib/domain/check/comments';
import { itemAverages } from '$lib/domain/check/item-averages';
import type { PerspectiveGrouping } from '$lib/domain/check/perspective-groups';
import { savingsOf, type ProcessEntry } from '$lib/domain/check/processes';
import { perspectiveLabel } from '$lib/components/perspective-labels';
import { groupLabel } from './results-labels';

export const CSV_COLUMNS = [
	'Bereich',
	'Dimension',
	'Gruppe',
	'Eintrag',
	'Wert',
	'Befragte',
	'Weiß nicht',
	'Abdeckung (%)',
	'Soll',
	'Abstand zum Soll',
	'Stand',
	'Fälle pro Jahr',
	'Belastung',
	'Minuten heute',
	'Minuten digital',
	'Stunden pro Jahr',
	'Angekreuzt',
	'Rang',
	'Punkte',
	'Text'
] as const;
type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string | number | null>>;

export interface ResultsCsvInput {
	result: RoundResult;
	catalog: Catalog;
	grouping: PerspectiveGrouping;
	answers: readonly RespondentAnswers[];
	comments: Record<DimensionId, ResultComment[]>;
	processes: readonly ProcessEntry[];
	barriers: BarrierAnswer;
	/** Respondents who answered at least one question. */
	answered: number;
}

/** One decimal at most, with a decimal comma ("58,3", "50", "-6,3"); empty for no value. */
const decimal = (value: number | null): string =>
	value === null ? '' : String(Math.round(value * 10) / 10).replace('.', ',');

// A text field starting like a formula would run as one in a spreadsheet (CSV injection); Papa Parse
// prefixes it with an apostrophe. A minus before a digit is a negative number, not a formula.
const FORMULA_START = /^(?:[=+@\t\r]|-(?!\d))/;

export function resultsCsv(input: ResultsCsvInput): string {
	const { result, catalog, grouping, answers, comments, processes, barriers } = input;
	const titleOf = (id: DimensionId) => catalog.dimensions.find((d) => d.id === id)?.title ?? id;
	const rows: Row[] = [];

	for (const { id, title } of catalog.dimensions) {
		const d = result.dimensions[id];
		rows.push({
			Bereich: 'Kommune',
			Dimension: title,
			Wert: decimal(d.score),
			Befragte: result.respondents.filter((r) => r.dimensions[id].score !== null).length,
			'Abdeckung (%)': decimal(d.coverage === null ? null : d.coverage * 100),
			Soll: decimal(d.targetScore),
			'Abstand zum Soll': decimal(d.gap)
		});
	}
	rows.push({ Bereich: 'Gesamt', Wert: decimal(result.overall.score), Befragte: input.answered });

	for (const group of grouping.groups) {
		const name =
			group.kind === 'merged'
				? `${groupLabel(group.key)} (${group.perspectives.map(perspectiveLabel).join(', ')})`
				: groupLabel(group.key);
		for (const { id, title } of catalog.dimensions) {
			const cell = group.dimensions[id];
			rows.push({
				Bereich: 'Perspektive',
				Dimension: title,
				Gruppe: name,
				Wert: decimal(cell.median),
				Befragte: cell.shownSeparately ? cell.respondents : '',
				Text: cell.shownSeparately ? '' : 'weniger als 3 Befragte'
			});
		}
	}

	for (const item of itemAverages(catalog, answers)) {
		rows.push({
			Bereich: 'Frage',
			Dimension: titleOf(item.dimension),
			Eintrag: `${item.itemId} ${item.text}`,
			Wert: decimal(item.mean),
			Befragte: item.answered,
			'Weiß nicht': item.unknown
		});
	}

	const hours = new Map(savingsOf(processes).processes.map((s) => [s.id, s.hoursPerYear]));
	for (const process of processes) {
		rows.push({
			Bereich: 'Prozess',
			Eintrag: process.name,
			Stand: process.status ?? '',
			'Fälle pro Jahr': decimal(process.casesPerYear),
			Belastung: decimal(process.pain),
			'Minuten heute': decimal(process.minutesToday),
			'Minuten digital': decimal(process.minutesDigital),
			'Stunden pro Jahr': decimal(hours.get(process.id) ?? null)
		});
	}

	for (const row of barrierPareto([barriers]).rows) {
		const rank = barriers.top3.indexOf(row.id);
		rows.push({
			Bereich: 'Hemmnis',
			Eintrag: row.label,
			Angekreuzt: row.ticked > 0 ? 'ja' : 'nein',
			Rang: rank === -1 ? '' : rank + 1,
			Punkte: row.score
		});
	}

	for (const { id, title } of catalog.dimensions) {
		for (const comment of comments[id]) {
			rows.push({
				Bereich: 'Kommentar',
				Dimension: title,
				Eintrag: `${comment.itemId} ${comment.itemText}`,
				Text: comment.text
			});
		}
	}
	rows.push({ Bereich: 'Katalog', Eintrag: result.catalogVersion });

	const table = [
		[...CSV_COLUMNS],
		...rows.map((row) => CSV_COLUMNS.map((column) => String(row[column] ?? '')))
	];
	return '\uFEFF' + Papa.unparse(table, { delimiter: ';', escapeFormulae: FORMULA_START });
}
