// Every German word of the Digital-Check report except its summary in Einfache Sprache
// (einfache-sprache.ts), in one place (ADR 19): the report is German whatever language the app is
// shown in. The wording follows the results page, so the report and the screen say the same.

import type { Band } from '../check/check-scoring';
import type { PerspectiveGroupId } from '../check/perspective-groups';
import type { Perspective } from '../perspectives';
import { germanDate } from './protocol-texts';

const PERSPECTIVE_NAMES: Record<Perspective, string> = {
	H: 'Verwaltungsspitze',
	D: 'Digitalisierung/IT',
	A: 'Fach-/Amtsleitungen',
	B: 'Beschäftigte',
	PR: 'Personalrat',
	P: 'Politik/Rat',
	E: 'Bürger:innen/Unternehmen'
};

const GROUP_NAMES: Record<PerspectiveGroupId, string> = {
	leitung: 'Leitung',
	mitarbeitende: 'Mitarbeitende',
	aussen: 'Politik und Öffentlichkeit'
};

export const CHECK_REPORT_TEXTS = {
	author: 'Kommunalwerkstatt',
	fileKind: 'Digital-Check',
	title: (municipality: string) => `Digital-Check: ${municipality}`,
	subject: (municipality: string, round: string | null, date: string) =>
		round === null
			? `Ergebnisse des Digital-Checks der Kommune ${municipality}, Stand ${germanDate(date)}`
			: `Ergebnisse des Digital-Checks der Kommune ${municipality} (${round}), Stand ${germanDate(date)}`,

	facts: {
		caption: 'Angaben zur Befragung',
		municipality: 'Kommune',
		round: 'Runde',
		noTitle: 'ohne Titel',
		date: 'Stand',
		respondents: 'Befragte',
		respondentsValue: (answered: number, respondents: number) =>
			`${answered} von ${respondents} haben geantwortet`,
		catalog: 'Fragenkatalog',
		overall: 'Gesamtwert',
		overallValue: (score: string, band: string) => `${score} von 100 (${band})`,
		none: '–'
	},

	summary: {
		heading: 'Das Wichtigste in Einfacher Sprache'
	},

	bands: {
		einstieg: 'Einstieg',
		grundlagen: 'Grundlagen',
		fortgeschritten: 'Fortgeschritten',
		vorreiter: 'Vorreiter'
	} satisfies Record<Band, string>,

	dimensions: {
		heading: 'Ergebnis nach Dimensionen',
		overall: (score: string, band: string) =>
			`Gesamtwert: ${score} von 100 Punkten (${band}). Jede Perspektive zählt gleich viel, egal wie viele Personen sie vertreten.`,
		chartCaption: 'Ist und Soll je Dimension (0 bis 100 Punkte)',
		current: 'Ist',
		target: 'Soll',
		chartAlt: (count: number, best: string | null, weakest: string | null, targets: number) =>
			`Netzdiagramm der ${count} Dimensionen von 0 bis 100 Punkten` +
			(best === null ? ', noch ohne Werte' : `; am höchsten: ${best}; am niedrigsten: ${weakest}`) +
			(targets === 0 ? '.' : `; gestrichelt das Soll in ${targets} Dimensionen.`),
		scoreOf: (title: string, score: string) => `${title} (${score})`,
		scale:
			'So lesen Sie die Werte: Jede Dimension hat 0 bis 100 Punkte, eine Stufe 0–4 einer Frage (und das Soll) zählt je Stufe 25 Punkte (Stufe 3 = 75), und unter 25 heißt Einstieg, 25 bis unter 50 Grundlagen, 50 bis unter 75 Fortgeschritten, ab 75 Vorreiter.',
		caption: 'Wert, Reifestufe, Abdeckung der Antworten, Soll und Abstand zum Soll je Dimension',
		sheet: 'Dimensionen',
		dimension: 'Dimension',
		score: 'Wert',
		band: 'Stufe',
		coverage: 'Abdeckung',
		targetScore: 'Soll',
		gap: 'Abstand zum Soll',
		coverageNote:
			'Abdeckung: der Anteil der gestellten Fragen einer Dimension, die mit einer Einschätzung beantwortet wurden („weiß nicht“ und leere Fragen zählen nicht); je niedriger, desto unsicherer der Wert.'
	},

	perspectives: {
		heading: 'Sicht der Perspektiven',
		merged: (min: number) =>
			`Damit auch eine kleine Runde die Sicht der Perspektiven zeigt, ohne dass jemand erkennbar wird, sind Perspektiven mit weniger als ${min} Befragten innerhalb ihrer Gruppe zusammengefasst:`,
		merge: (group: string, perspectives: string[], n: number) =>
			`${group} = ${perspectives.join(', ')} (${n} Befragte)`,
		suppressed: (min: number, perspectives: string[]) =>
			`Nicht einzeln gezeigt, weil weniger als ${min} Personen geantwortet haben, auch zusammengefasst: ${perspectives.join(', ')}. Ihre Antworten gehen auch nicht in den Wert der Kommune ein, denn aus ihm ließen sie sich sonst zurückrechnen.`,
		suppressedPooled: (min: number, perspectives: string[]) =>
			`Nicht einzeln gezeigt, weil weniger als ${min} Personen geantwortet haben, auch zusammengefasst: ${perspectives.join(', ')}. Im Wert der Kommune zählen sie zusammen als eine weitere Gruppe, in jeder Dimension, in der mindestens ${min} von ihnen geantwortet haben.`,
		empty: (min: number) =>
			`Noch hat keine Perspektive mindestens ${min} Befragte. Einzelne Perspektiven werden erst ab ${min} Befragten gezeigt, damit niemand erkennbar wird.`,
		caption: 'Median je Dimension und Perspektive oder Gruppe',
		sheet: 'Perspektiven',
		dimension: 'Dimension',
		column: (name: string, n: number) => `${name} (${n} Befragte)`,
		hiddenNote: (min: number) =>
			`Ein leeres Feld heißt: In dieser Dimension haben weniger als ${min} Personen der Gruppe geantwortet; ihr Wert wird nicht gezeigt.`
	},

	processes: {
		heading: 'Prozesse und Zeitersparnis',
		empty: 'Noch kein Prozess mit Stand erfasst.',
		parallel: (parallel: number, total: number, share: string, analog: number, digital: number) =>
			`${parallel} von ${total} erfassten Prozessen laufen parallel analog und digital (${share}); ${analog} nur analog, ${digital} digital.`,
		savings: (hours: string, fte: string, perFte: string) =>
			`Voll digital könnte die Kommune etwa ${hours} Stunden im Jahr sparen, das entspricht ${fte} Vollzeitstellen (bei ${perFte} Arbeitsstunden je Stelle und Jahr, einer Annahme).`,
		noSavings:
			'Für keinen Prozess sind Fallzahl und beide Zeiten angegeben; eine Zeitersparnis lässt sich noch nicht schätzen.',
		caption: 'Zeitersparnis je Prozess im Jahr',
		sheet: 'Prozesse',
		process: 'Prozess',
		hours: 'Stunden/Jahr'
	},

	barriers: {
		heading: 'Hemmnisse',
		empty: 'Noch keine Hemmnisse erfasst.',
		caption: 'Hemmnisse nach Gewicht (Rang 1 = 3 Punkte, 2 = 2, 3 = 1)',
		sheet: 'Hemmnisse',
		barrier: 'Hemmnis',
		points: 'Punkte',
		ticked: 'genannt'
	},

	suggestions: {
		heading: 'Vorgeschlagene Handlungsfelder',
		intro: 'Diese Dimensionen sollte der Workshop zuerst ansehen, jeweils mit dem Grund:',
		empty: 'Noch keine Vorschläge: Es fehlen Antworten.',
		item: (title: string, reason: string) => `${title}: ${reason}`,
		weakest: (value: string) => `schwächste Dimension (Wert ${value})`,
		targetGap: (value: string) => `großer Abstand zum Soll (${value} Punkte)`,
		perspectiveGap: (value: string, high: string, low: string) =>
			`„${high}“ und „${low}“ sehen es sehr unterschiedlich (${value} Punkte Abstand)`
	},

	perspectiveName: (perspective: Perspective) => PERSPECTIVE_NAMES[perspective],
	groupName: (group: PerspectiveGroupId) => GROUP_NAMES[group]
} as const;
