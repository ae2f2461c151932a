// The one-page summary of a Digital-Check in Einfache Sprache, for council and staff (issue 19): text
// templates filled from a round's figures. The rules the templates keep, and a test checks over every
// text they can produce:
// - every sentence has at most 15 words (MAX_WORDS); a sentence ends at ".", "!" or "?";
// - everyday words: "Bereich" for dimension, "Ablauf" for process, "Hindernis" for barrier;
// - every number is said with what it means ("62 von 100 Punkten. Das heißt: …"), whole numbers only;
// - names people typed (a round's own barriers) stand in a list of their own, never inside a sentence,
//   so no typed text can make a sentence long. Dimension names are the catalog's (at most 5 words).

import type { Band } from '../check/check-scoring';
import { formatGermanNumber } from '../german-number';
import type { ReportBlock } from './report-document';

export const MAX_WORDS = 15;

/** The figures the summary speaks of, read from a round's results (check-report.ts). */
export interface PlainFigures {
	/** People who answered something. */
	answered: number;
	/** 0–100, null when there is no result yet; `band` is bandOf(overall). */
	overall: number | null;
	band: Band | null;
	/** The catalog's dimensions in catalog order; score and gap as scored (gap > 0: below target). */
	dimensions: { title: string; score: number | null; gap: number | null }[];
	/** Share 0–1 of the questions asked that got an answer, over the whole round; null if none asked. */
	coverage: number | null;
	/** Processes run on paper and digitally at once, of those with a status. */
	processes: { parallel: number; withStatus: number };
	/** Hours a year fully digital processes would save, and as full-time posts. */
	savings: { hours: number; fullTimeEquivalents: number };
	/** Up to three barriers with the most points, most first. */
	barriers: string[];
	/** The suggested Handlungsfelder' dimension names, first first. */
	suggestions: string[];
	/** A group needs this many people to be shown on its own (3). */
	minGroupSize: number;
}

const whole = (value: number): string => formatGermanNumber(Math.round(value), 0);

const BAND_MEANING: Record<Band, string[]> = {
	einstieg: ['Das heißt: Die Kommune steht bei der Digitalisierung noch am Anfang.'],
	grundlagen: ['Das heißt: Die Kommune hat erste Grundlagen gelegt.', 'Vieles fehlt aber noch.'],
	fortgeschritten: [
		'Das heißt: Die Kommune ist schon weit gekommen.',
		'Einiges kann noch besser werden.'
	],
	vorreiter: [
		'Das heißt: Die Kommune ist sehr weit.',
		'Sie kann anderen Kommunen ein Vorbild sein.'
	]
};

/** Below this share of answered questions the figures are called uncertain. */
const LOW_COVERAGE = 0.7;
/** Fewer full-time posts than this are not worth a sentence (it would read "0"). */
const MIN_FTE_SAID = 0.1;

const people = (n: number): string =>
	n === 1
		? 'Eine Person hat beim Digital-Check mitgemacht.'
		: `${whole(n)} Personen haben beim Digital-Check mitgemacht.`;

const points = (n: number): string => (Math.round(n) === 1 ? '1 Punkt' : `${whole(n)} Punkten`);

export function plainLanguageSummary(figures: PlainFigures): ReportBlock[] {
	const paragraph = (...sentences: string[]): ReportBlock => ({
		kind: 'paragraph',
		text: sentences.join(' ')
	});
	const out: ReportBlock[] = [];

	out.push(
		figures.answered === 0
			? paragraph(
					'Beim Digital-Check hat noch niemand mitgemacht.',
					'Es gibt deshalb noch kein Ergebnis.'
				)
			: paragraph(
					people(figures.answered),
					'Sie haben Fragen zur Digitalisierung der Verwaltung beantwortet.'
				)
	);
	if (figures.answered === 0) return out;

	if (figures.overall === null || figures.band === null)
		out.push(paragraph('Es gibt noch kein Gesamtergebnis.', 'Dafür fehlen noch Antworten.'));
	else
		out.push(
			paragraph(
				`Die Kommune hat ${whole(figures.overall)} von 100 Punkten.`,
				...BAND_MEANING[figures.band],
				'100 Punkte wären das beste Ergebnis.'
			)
		);

	const scored = figures.dimensions.filter(
		(d): d is { title: string; score: number; gap: number | null } => d.score !== null
	);
	if (scored.length > 0) {
		// First in catalog order on a tie, as everywhere in the results.
		const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
		const weakest = scored.reduce((a, b) => (b.score < a.score ? b : a));
		const sentences = [
			`Der Digital-Check fragt nach ${whole(figures.dimensions.length)} Bereichen.`,
			`Am besten ist der Bereich „${best.title}“ mit ${points(best.score)}.`
		];
		if (weakest !== best)
			sentences.push(
				`Am schwächsten ist der Bereich „${weakest.title}“ mit ${points(weakest.score)}.`
			);
		out.push(paragraph(...sentences));
	}

	const withTarget = figures.dimensions.filter(
		(d): d is { title: string; score: number | null; gap: number } => d.gap !== null
	);
	if (withTarget.length === 0)
		out.push(paragraph('Für die Bereiche hat die Kommune noch keine Ziele festgelegt.'));
	else {
		const below = withTarget.filter((d) => d.gap > 0);
		if (below.length === 0)
			out.push(paragraph('In allen Bereichen mit Ziel hat die Kommune ihr Ziel erreicht.'));
		else {
			const furthest = below.reduce((a, b) => (b.gap > a.gap ? b : a));
			out.push(
				paragraph(
					withTarget.length === 1
						? 'Im einzigen Bereich mit Ziel liegt die Kommune unter diesem Ziel.'
						: below.length === withTarget.length
							? `In allen ${whole(below.length)} Bereichen liegt die Kommune unter ihrem Ziel.`
							: below.length === 1
								? `In einem von ${whole(withTarget.length)} Bereichen liegt die Kommune unter ihrem Ziel.`
								: `In ${whole(below.length)} von ${whole(withTarget.length)} Bereichen liegt die Kommune unter ihrem Ziel.`,
					`Am weitesten vom Ziel entfernt ist der Bereich „${furthest.title}“.`,
					Math.round(furthest.gap) === 1
						? 'Dort fehlt noch 1 Punkt.'
						: `Dort fehlen noch ${whole(furthest.gap)} Punkte.`
				)
			);
		}
	}

	if (figures.coverage !== null && figures.coverage < LOW_COVERAGE)
		out.push(
			paragraph('Viele Fragen blieben ohne Antwort.', 'Die Punkte sind deshalb nicht ganz sicher.')
		);

	const { parallel, withStatus } = figures.processes;
	if (withStatus === 0)
		out.push(paragraph('Zu den Abläufen der Verwaltung gibt es noch keine Angaben.'));
	else if (parallel === 0)
		out.push(paragraph('Kein erfasster Ablauf läuft doppelt auf Papier und digital.'));
	else
		out.push(
			paragraph(
				withStatus === 1
					? 'Der einzige erfasste Ablauf läuft doppelt: auf Papier und digital.'
					: parallel === 1
						? `Ein Ablauf von ${whole(withStatus)} läuft doppelt: auf Papier und digital.`
						: `${whole(parallel)} von ${whole(withStatus)} Abläufen laufen doppelt: auf Papier und digital.`,
				'Das heißt: Die gleiche Arbeit wird zweimal gemacht.'
			)
		);
	if (figures.savings.hours >= 1) {
		const sentences = [
			`Digitale Abläufe sparen etwa ${whole(figures.savings.hours)} Arbeitsstunden im Jahr.`
		];
		if (figures.savings.fullTimeEquivalents >= MIN_FTE_SAID) {
			const posts = formatGermanNumber(figures.savings.fullTimeEquivalents, 1);
			sentences.push(
				posts === '1'
					? 'Das ist so viel Arbeit wie eine volle Stelle.'
					: `Das ist so viel Arbeit wie ${posts} volle Stellen.`
			);
		}
		out.push(paragraph(...sentences));
	}

	if (figures.barriers.length === 0) out.push(paragraph('Hindernisse wurden noch nicht genannt.'));
	else {
		out.push(
			paragraph(
				figures.barriers.length === 1
					? 'Das größte Hindernis ist:'
					: 'Das sind die größten Hindernisse:'
			)
		);
		out.push({ kind: 'list', ordered: true, items: figures.barriers });
	}

	if (figures.suggestions.length === 0)
		out.push(paragraph('Es gibt noch keine Vorschläge für Handlungsfelder.'));
	else {
		out.push(paragraph('Im Workshop sollte die Kommune mit diesen Bereichen beginnen:'));
		out.push({ kind: 'list', ordered: true, items: figures.suggestions });
	}

	out.push(
		paragraph(
			`Gruppen mit weniger als ${whole(figures.minGroupSize)} Personen zeigt der Bericht nicht einzeln.`,
			'So bleibt geheim, wer was geantwortet hat.'
		)
	);
	return out;
}

/** The sentences of a text: split after ".", "!" or "?" followed by a space. */
export const sentencesOf = (text: string): string[] =>
	text
		.split(/(?<=[.!?])\s+/)
		.map((s) => s.trim())
		.filter((s) => s !== '');

export const wordsOf = (sentence: string): number =>
	sentence.split(/\s+/).filter((w) => w !== '').length;
