// The Digital-Check report from a seeded round of the demo data: the round's figures as the results
// page holds them (CheckRoundResults derives them with these same domain functions), mapped to the
// report's input and built.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { barrierPareto } from '../../domain/check/barriers';
import { CURRENT_CATALOG } from '../../domain/check/catalog';
import { scoreRound } from '../../domain/check/check-scoring';
import { groupPerspectives } from '../../domain/check/perspective-groups';
import { parallelShareOf, savingsOf } from '../../domain/check/processes';
import { answeredRespondents } from '../../domain/check/respondent-progress';
import { suggestHandlungsfelder } from '../../domain/check/suggestions';
import { buildCheckReport } from '../../domain/documents/check-report';
import { sentencesOf, wordsOf } from '../../domain/documents/einfache-sprache';
import type {
	ReportBlock,
	ReportDocument,
	ReportTable
} from '../../domain/documents/report-document';
import type { CheckRoundResults } from '../check/check-round-results.svelte';
import { checkReportInput, type CheckReportRound } from './check-report-source';

/**
 * A round of eight from the demo generator: B, A, H, D, P, PR, B, A (perspectiveCounts), so the
 * Verwaltungsspitze (1) and the Fach-/Amtsleitungen (2) are shown together as Leitung (3), Digitalisierung
 * (1), Beschäftigte (2) and Personalrat (1) as Mitarbeitende (4), and Politik/Rat (1) not at all.
 */
async function seededRound(): Promise<CheckReportRound> {
	const { generateMunicipalities, generateCheckRound } =
		await import('../../demo/municipality-generator');
	const [municipality] = generateMunicipalities({ seed: 19, count: 1 });
	const round = generateCheckRound(municipality!, { seed: 19, respondents: 8 });
	const result = scoreRound(CURRENT_CATALOG, round.respondents, round.targets);
	const processes = [
		{
			id: 'bauantrag',
			name: 'Bauantrag',
			status: 'parallel' as const,
			casesPerYear: 300,
			pain: 4,
			ozgService: null,
			minutesToday: 90,
			minutesDigital: 50,
			custom: false,
			order: 'a0'
		}
	];
	return {
		result,
		catalog: CURRENT_CATALOG,
		grouping: groupPerspectives(result.respondents),
		respondents: round.respondents,
		answered: answeredRespondents(CURRENT_CATALOG, round.respondents).length,
		suggestions: suggestHandlungsfelder(result, CURRENT_CATALOG),
		parallel: parallelShareOf(processes),
		savings: savingsOf(processes),
		pareto: barrierPareto([
			{ ticked: ['breitband'], top3: ['finanzierung', 'personalmangel', null] }
		]),
		title: 'Herbst 2026',
		municipalityName: municipality!.profile.name
	};
}

const table = (doc: ReportDocument, sheet: string) =>
	doc.blocks.find((b): b is ReportTable => b.kind === 'table' && b.sheetName === sheet)!;
const texts = (blocks: ReportBlock[]) =>
	blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items : []));

describe('the Digital-Check report read from a round’s results', () => {
	it('reads what the results page holds: CheckRoundResults offers every figure the report needs', () => {
		expectTypeOf<CheckRoundResults>().toExtend<CheckReportRound>();
	});

	it('is not there until the round has been read', async () => {
		const round = { ...(await seededRound()), result: null };
		expect(checkReportInput(round, { ars: '033510006006' })).toBeNull();
	});

	it('builds the report of a seeded round of eight, with the small perspectives merged or left out', async () => {
		const round = await seededRound();
		const now = new Date(2026, 10, 3, 14, 30);
		const input = checkReportInput(round, { ars: '033510006006', now })!;
		expect(input.date).toBe('2026-11-03');
		expect(input.respondents).toBe(8);
		expect(input.answered).toBe(8);
		expect(input.municipalityName).toBe(round.municipalityName);
		const doc = buildCheckReport(input);
		expect(doc.fileName).toBe(
			`Digital-Check-${round.municipalityName!.replace(/[^\p{L}\p{N}._-]+/gu, '-')}-Herbst-2026`
		);

		const dimensions = table(doc, 'Dimensionen');
		expect(dimensions.rows.map((r) => r[0])).toEqual(
			CURRENT_CATALOG.dimensions.map((d) => d.title)
		);
		expect(dimensions.rows.map((r) => r[1])).toEqual(
			CURRENT_CATALOG.dimensions.map((d) => round.result!.dimensions[d.id].score)
		);
		const radar = doc.blocks.find((b) => b.kind === 'chart');
		expect(radar).toMatchObject({ chart: { kind: 'radar', max: 100 } });
		expect(
			radar?.kind === 'chart' && radar.chart.kind === 'radar' && radar.chart.axes
		).toHaveLength(10);

		const perspectives = table(doc, 'Perspektiven');
		expect(perspectives.columns.map((c) => c.header)).toEqual([
			'Dimension',
			'Leitung (3 Befragte)',
			'Mitarbeitende (4 Befragte)'
		]);
		const view = doc.blocks.slice(
			doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Sicht der Perspektiven')
		);
		const said = texts(view);
		expect(said).toContain('Leitung = Verwaltungsspitze, Fach-/Amtsleitungen (3 Befragte)');
		expect(said).toContain(
			'Mitarbeitende = Digitalisierung/IT, Beschäftigte, Personalrat (4 Befragte)'
		);
		expect(said.some((t) => t.includes('zusammengefasst: Politik/Rat. Ihre Antworten'))).toBe(true);

		expect(table(doc, 'Prozesse').rows).toEqual([['Bauantrag', 200]]);
		expect(table(doc, 'Hemmnisse').rows).toEqual([
			['Finanzierung', 3, 1],
			['Personalmangel', 2, 1],
			['Breitbandversorgung', 0, 1]
		]);

		const summaryStart = doc.blocks.findIndex(
			(b) => b.kind === 'heading' && b.text === 'Das Wichtigste in Einfacher Sprache'
		);
		const summaryEnd = doc.blocks.findIndex((b) => b.kind === 'pageBreak');
		const summary = texts(doc.blocks.slice(summaryStart + 1, summaryEnd));
		expect(summary[0]).toBe(
			'8 Personen haben beim Digital-Check mitgemacht. Sie haben Fragen zur Digitalisierung der Verwaltung beantwortet.'
		);
		for (const sentence of summary.flatMap(sentencesOf))
			expect(wordsOf(sentence), sentence).toBeLessThanOrEqual(15);
	});
});
