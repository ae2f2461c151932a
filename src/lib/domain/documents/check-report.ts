// The Digital-Check report as a ReportDocument (ADR 19): a one-page summary in Einfache Sprache first,
// then the figures the results page shows: radar and dimension table with bands and coverage, the
// perspectives as published (small groups merged or left out by perspective-groups.ts, never
// recomputed here), processes, barriers and the suggested Handlungsfelder. Questionnaire comments stay
// out, as they stay off the printed results page: they are for the facilitator only (issue 15).

import type { Band, RoundResult } from '../check/check-scoring';
import { MIN_RESPONDENTS_SHOWN } from '../check/dimension-summary';
import type { Catalog } from '../check/catalog-types';
import type { PerspectiveGroupId, PerspectiveGrouping } from '../check/perspective-groups';
import type { BarrierPareto } from '../check/barriers';
import type { ParallelShare, Savings } from '../check/processes';
import type { Suggestion } from '../check/suggestions';
import { formatGermanNumber } from '../german-number';
import { isPerspective } from '../perspectives';
import { CHECK_REPORT_TEXTS as T } from './check-report-texts';
import { plainLanguageSummary, type PlainFigures } from './einfache-sprache';
import { germanDate } from './protocol-texts';
import {
	reportFileName,
	type ReportBlock,
	type ReportDocument,
	type ReportTable
} from './report-document';

export interface CheckReportInput {
	municipalityName: string;
	/** The round's title, or null when it has none. */
	roundTitle: string | null;
	/** ISO date (yyyy-mm-dd) the figures were taken: the day the report is made. */
	date: string;
	/** The catalog the round was scored with. */
	catalog: Catalog;
	result: RoundResult;
	/** groupPerspectives(result.respondents): the published groups, as the results page shows them. */
	grouping: PerspectiveGrouping;
	/** Respondents of the round (codes handed out), and those who answered something. */
	respondents: number;
	answered: number;
	suggestions: Suggestion[];
	parallel: ParallelShare;
	savings: Savings;
	pareto: BarrierPareto;
	/** ISO 8601 time the report is made at (the file's metadata). */
	createdAt: string;
}

const score = (value: number | null): string =>
	value === null ? T.facts.none : formatGermanNumber(value, 1);
const bandName = (band: Band | null): string => (band === null ? T.facts.none : T.bands[band]);

/** A published group's name: a perspective's, or its merge group's. */
export const groupName = (key: string): string =>
	isPerspective(key) ? T.perspectiveName(key) : T.groupName(key as PerspectiveGroupId);

export function buildCheckReport(input: CheckReportInput): ReportDocument {
	const { municipalityName, roundTitle, date } = input;
	return {
		title: T.title(municipalityName),
		subject: T.subject(municipalityName, roundTitle, date),
		language: 'de-DE',
		fileName: reportFileName(T.fileKind, municipalityName, roundTitle ?? date),
		author: T.author,
		createdAt: input.createdAt,
		blocks: [
			...titleBlock(input),
			{ kind: 'heading', level: 2, text: T.summary.heading },
			...plainLanguageSummary(plainFigures(input)),
			{ kind: 'pageBreak' },
			...dimensionSection(input),
			...perspectiveSection(input),
			...processSection(input),
			...barrierSection(input),
			...suggestionSection(input)
		]
	};
}

/** What the summary in Einfache Sprache speaks of, from the same figures as the rest of the report. */
export function plainFigures(input: CheckReportInput): PlainFigures {
	const { result, catalog } = input;
	const dimensions = catalog.dimensions.map((d) => ({
		title: d.title,
		score: result.dimensions[d.id].score,
		gap: result.dimensions[d.id].gap
	}));
	const answered = catalog.dimensions.reduce((sum, d) => sum + result.dimensions[d.id].answered, 0);
	const asked = catalog.dimensions.reduce((sum, d) => sum + result.dimensions[d.id].asked, 0);
	const { counts } = input.parallel;
	const titles = new Map(catalog.dimensions.map((d) => [d.id, d.title]));
	return {
		answered: input.answered,
		overall: result.overall.score,
		band: result.overall.band,
		dimensions,
		coverage: asked === 0 ? null : answered / asked,
		processes: {
			parallel: counts.parallel,
			withStatus: counts.analog + counts.parallel + counts.digital
		},
		savings: {
			hours: input.savings.totalHours,
			fullTimeEquivalents: input.savings.fullTimeEquivalents
		},
		barriers: input.pareto.rows
			.filter((row) => row.score > 0)
			.slice(0, 3)
			.map((row) => row.label),
		suggestions: input.suggestions.map((s) => titles.get(s.dimension) ?? s.dimension),
		minGroupSize: MIN_RESPONDENTS_SHOWN
	};
}

function titleBlock(input: CheckReportInput): ReportBlock[] {
	const { result } = input;
	return [
		{ kind: 'heading', level: 1, text: T.title(input.municipalityName) },
		{
			kind: 'facts',
			caption: T.facts.caption,
			items: [
				{ label: T.facts.municipality, value: input.municipalityName },
				{ label: T.facts.round, value: input.roundTitle ?? T.facts.noTitle },
				{ label: T.facts.date, value: germanDate(input.date) },
				{
					label: T.facts.respondents,
					value: T.facts.respondentsValue(input.answered, input.respondents)
				},
				{ label: T.facts.catalog, value: result.catalogVersion },
				{
					label: T.facts.overall,
					value:
						result.overall.score === null
							? T.facts.none
							: T.facts.overallValue(score(result.overall.score), bandName(result.overall.band))
				}
			]
		}
	];
}

function dimensionSection({ result, catalog }: CheckReportInput): ReportBlock[] {
	const D = T.dimensions;
	const rows = catalog.dimensions.map((d) => ({ title: d.title, ...result.dimensions[d.id] }));
	const scored = rows.filter((r): r is typeof r & { score: number } => r.score !== null);
	const best = scored.length === 0 ? null : scored.reduce((a, b) => (b.score > a.score ? b : a));
	const weakest = scored.length === 0 ? null : scored.reduce((a, b) => (b.score < a.score ? b : a));
	const targets = rows.filter((r) => r.targetScore !== null).length;
	const out: ReportBlock[] = [{ kind: 'heading', level: 2, text: D.heading }];
	if (result.overall.score !== null)
		out.push({
			kind: 'paragraph',
			text: D.overall(score(result.overall.score), bandName(result.overall.band))
		});
	out.push({
		kind: 'chart',
		caption: D.chartCaption,
		alt: D.chartAlt(
			rows.length,
			best && D.scoreOf(best.title, score(best.score)),
			weakest && D.scoreOf(weakest.title, score(weakest.score)),
			targets
		),
		chart: {
			kind: 'radar',
			axes: rows.map((r) => r.title),
			max: 100,
			series: [
				{ label: D.current, values: rows.map((r) => r.score) },
				...(targets === 0
					? []
					: [{ label: D.target, values: rows.map((r) => r.targetScore), dashed: true }])
			]
		}
	});
	out.push({ kind: 'paragraph', text: D.scale, style: 'note' });
	out.push(
		sectionTable(
			D,
			[
				{ header: D.dimension, width: 3 },
				{ header: D.score, format: 'decimal1' },
				{ header: D.band, width: 1.5 },
				{ header: D.coverage, format: 'percent' },
				{ header: D.targetScore, format: 'decimal1' },
				{ header: D.gap, format: 'decimal1' }
			],
			rows.map((r) => [r.title, r.score, bandName(r.band), r.coverage, r.targetScore, r.gap])
		)
	);
	out.push({ kind: 'paragraph', text: D.coverageNote, style: 'note' });
	return out;
}

function perspectiveSection({ grouping, catalog }: CheckReportInput): ReportBlock[] {
	const P = T.perspectives;
	const min = MIN_RESPONDENTS_SHOWN;
	const out: ReportBlock[] = [{ kind: 'heading', level: 2, text: P.heading }];
	const merged = grouping.groups.filter((g) => g.kind === 'merged');
	if (merged.length > 0) {
		out.push({ kind: 'paragraph', text: P.merged(min) });
		out.push({
			kind: 'list',
			ordered: false,
			items: merged.map((g) =>
				P.merge(groupName(g.key), g.perspectives.map(T.perspectiveName), g.respondents)
			)
		});
	}
	if (grouping.unpublished.length > 0) {
		const names = grouping.unpublished.map(T.perspectiveName);
		out.push({
			kind: 'paragraph',
			text:
				grouping.unpublishedRespondents >= min
					? P.suppressedPooled(min, names)
					: P.suppressed(min, names)
		});
	}
	if (grouping.groups.length === 0) {
		out.push({ kind: 'paragraph', text: P.empty(min), style: 'note' });
		return out;
	}
	out.push(
		sectionTable(
			P,
			[
				{ header: P.dimension, width: 3 },
				...grouping.groups.map((g) => ({
					header: P.column(groupName(g.key), g.respondents),
					format: 'decimal1' as const
				}))
			],
			catalog.dimensions.map((d) => [
				d.title,
				// A hidden cell carries no figure at all (perspective-groups.ts): it stays empty.
				...grouping.groups.map((g) =>
					g.dimensions[d.id].shownSeparately ? g.dimensions[d.id].median : null
				)
			])
		)
	);
	out.push({ kind: 'paragraph', text: P.hiddenNote(min), style: 'note' });
	return out;
}

function processSection({ parallel, savings }: CheckReportInput): ReportBlock[] {
	const R = T.processes;
	const out: ReportBlock[] = [{ kind: 'heading', level: 2, text: R.heading }];
	const { counts } = parallel;
	if (parallel.share === null) out.push({ kind: 'paragraph', text: R.empty, style: 'note' });
	else
		out.push({
			kind: 'paragraph',
			text: R.parallel(
				counts.parallel,
				counts.analog + counts.parallel + counts.digital,
				`${Math.round(parallel.share * 100)} %`,
				counts.analog,
				counts.digital
			)
		});
	if (savings.processes.length === 0) {
		if (parallel.share !== null) out.push({ kind: 'paragraph', text: R.noSavings, style: 'note' });
		return out;
	}
	out.push({
		kind: 'paragraph',
		text: R.savings(
			formatGermanNumber(Math.round(savings.totalHours), 0),
			formatGermanNumber(savings.fullTimeEquivalents, 1),
			formatGermanNumber(savings.hoursPerFte, 0)
		)
	});
	out.push(
		sectionTable(
			R,
			[
				{ header: R.process, width: 3 },
				{ header: R.hours, format: 'decimal1' }
			],
			savings.processes.map((p) => [p.name, p.hoursPerYear])
		)
	);
	return out;
}

function barrierSection({ pareto }: CheckReportInput): ReportBlock[] {
	const B = T.barriers;
	const out: ReportBlock[] = [{ kind: 'heading', level: 2, text: B.heading }];
	const named = pareto.rows.filter((row) => row.ticked > 0);
	if (named.length === 0) return [...out, { kind: 'paragraph', text: B.empty, style: 'note' }];
	out.push(
		sectionTable(
			B,
			[
				{ header: B.barrier, width: 3 },
				{ header: B.points, format: 'integer' },
				{ header: B.ticked, format: 'integer' }
			],
			named.map((row) => [row.label, row.score, row.ticked])
		)
	);
	return out;
}

function suggestionSection({ suggestions, catalog }: CheckReportInput): ReportBlock[] {
	const S = T.suggestions;
	const out: ReportBlock[] = [{ kind: 'heading', level: 2, text: S.heading }];
	if (suggestions.length === 0)
		return [...out, { kind: 'paragraph', text: S.empty, style: 'note' }];
	const titles = new Map(catalog.dimensions.map((d) => [d.id, d.title]));
	const reason = (s: Suggestion): string => {
		const value = formatGermanNumber(s.value, 1);
		if (s.reason === 'perspective_gap')
			return S.perspectiveGap(value, groupName(s.between.high), groupName(s.between.low));
		return s.reason === 'weakest' ? S.weakest(value) : S.targetGap(value);
	};
	out.push({ kind: 'paragraph', text: S.intro });
	out.push({
		kind: 'list',
		ordered: true,
		items: suggestions.map((s) => S.item(titles.get(s.dimension) ?? s.dimension, reason(s)))
	});
	return out;
}

/** A section's table: caption and sheet from the section's texts, each row named by its first cell. */
function sectionTable(
	texts: { caption: string; sheet: string },
	columns: ReportTable['columns'],
	rows: ReportTable['rows']
): ReportTable {
	return {
		kind: 'table',
		caption: texts.caption,
		sheetName: texts.sheet,
		rowHeaders: true,
		columns,
		rows
	};
}
