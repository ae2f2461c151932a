// Every German word of the workshop protocol, in one place (ADR 19): a document is German whatever
// language the app is shown in, so these are content of the document, not UI messages. The builder
// (workshop-protocol.ts) only arranges them.

import type { BlockMethod } from '../workshop/agenda';
import type { Quadrant } from '../workshop/matrix';
import type { MeasureStatus } from '../measures/measure';
import type { SmartWarningCode } from '../measures/smart-check';
import { OVERLOAD_LIMIT } from '../measures/smart-check';

export type ParticipantRole = 'moderation' | 'teilnahme';
export type ProtocolNoteKind = 'parking' | 'decision' | 'protocol';

/** "14.03.2027" from an ISO date. */
export const germanDate = (isoDate: string): string => {
	const [year, month, day] = isoDate.split('-');
	return `${day}.${month}.${year}`;
};

const ROLES: Record<ParticipantRole, { one: string; many: (count: number) => string }> = {
	moderation: {
		one: 'eine Person in der Moderation',
		many: (count) => `${count} Personen in der Moderation`
	},
	teilnahme: { one: 'eine teilnehmende Person', many: (count) => `${count} Teilnehmende` }
};

const QUADRANT_NAMES: Record<Quadrant, string> = {
	quick_win: 'Quick Win',
	big_project: 'Großes Projekt',
	filler: 'Lückenfüller',
	time_sink: 'Zeitfresser'
};

const QUADRANT_PLURALS: Record<Quadrant, string> = {
	quick_win: 'Quick Wins',
	big_project: 'große Projekte',
	filler: 'Lückenfüller',
	time_sink: 'Zeitfresser'
};

export const PROTOCOL_TEXTS = {
	author: 'Kommunalwerkstatt',
	fileKind: 'Protokoll',
	title: (workshopTitle: string) =>
		workshopTitle.trim() === '' ? 'Protokoll des Workshops' : `Protokoll: ${workshopTitle}`,
	subject: (municipality: string, date: string | null) =>
		date === null
			? `Protokoll des Workshops der Kommune ${municipality}`
			: `Protokoll des Workshops der Kommune ${municipality} vom ${germanDate(date)}`,

	facts: {
		caption: 'Angaben zum Workshop',
		municipality: 'Kommune',
		workshop: 'Workshop',
		date: 'Datum',
		place: 'Ort',
		facilitators: 'Moderation',
		participants: 'Teilnehmende',
		notGiven: 'nicht angegeben',
		nobody: 'niemand eingecheckt'
	},
	/** "30 Teilnehmende, 2 Personen in der Moderation": counts only, no participant is named. */
	participantCount: (role: ParticipantRole, count: number) =>
		count === 1 ? ROLES[role].one : ROLES[role].many(count),
	pseudonymous:
		'Das Protokoll nennt keine Namen von Teilnehmenden; Karten, Punkte und Bewertungen stehen ohne Urheber.',

	agenda: {
		heading: 'Tagesordnung',
		caption: 'Tagesordnung mit geplanten und tatsächlichen Zeiten',
		sheet: 'Tagesordnung',
		number: 'Nr.',
		block: 'Block',
		method: 'Methode',
		plannedStart: 'Beginn (Plan)',
		plannedEnd: 'Ende (Plan)',
		minutes: 'Minuten',
		actualStart: 'Beginn (tatsächlich)',
		actualEnd: 'Ende (tatsächlich)',
		actualNote:
			'Die tatsächlichen Zeiten hält die App fest, wenn die Moderation einen Block startet und zum nächsten wechselt. Leer bleibt, was nicht gestartet wurde; ein Block ohne Ende lief noch, als das Protokoll erstellt wurde.',
		empty: 'Die Tagesordnung hat noch keine Blöcke.'
	},
	methods: {
		begruessung: 'Begrüßung',
		input: 'Input',
		kartenabfrage: 'Kartenabfrage',
		diskussion: 'Diskussion',
		punktabfrage: 'Punktabfrage',
		matrix: 'Nutzen-Aufwand-Matrix',
		handlungsfelder: 'Handlungsfelder',
		pause: 'Pause',
		abschluss: 'Abschluss',
		sonstiges: 'Sonstiges'
	} satisfies Record<BlockMethod, string>,

	blocks: {
		heading: 'Ablauf und Ergebnisse der Blöcke',
		blockHeading: (index: number, title: string) => `${index}. ${title}`,
		times: (from: string, to: string, actualFrom: string | null, actualTo: string | null) =>
			actualFrom === null
				? `Geplant ${from} bis ${to} Uhr.`
				: actualTo === null
					? `Geplant ${from} bis ${to} Uhr, begonnen um ${actualFrom} Uhr.`
					: `Geplant ${from} bis ${to} Uhr, tatsächlich ${actualFrom} bis ${actualTo} Uhr.`,
		question: (question: string) => `Frage: ${question}`,
		cards: 'Karten',
		cardsCount: (count: number) =>
			count === 1 ? 'Eine Karte wurde geschrieben.' : `${count} Karten wurden geschrieben.`,
		group: (name: string, count: number) => `Gruppe „${name}“ (${count})`,
		ungrouped: (count: number) => `Ohne Gruppe (${count})`,
		mergedNote: (count: number) =>
			count === 1 ? '(+1 gleiche Karte)' : `(+${count} gleiche Karten)`,
		noCards: 'Zu diesem Block wurden keine Karten geschrieben.',
		notes: {
			decision: 'Entscheidungen',
			parking: 'Themenspeicher',
			protocol: 'Protokollnotizen'
		} satisfies Record<ProtocolNoteKind, string>,
		photos: 'Fotos',
		noPhotosAtAll: 'Zu diesem Workshop wurden keine Fotos aufgenommen.',
		otherPhotos: 'Weitere Fotos',
		photoAlt: (blockTitle: string) => `Foto aus dem Block „${blockTitle}“`
	},

	votes: {
		heading: 'Ergebnisse der Punktabfrage',
		caption: (blockTitle: string) => `Punkte je Eintrag in „${blockTitle}“`,
		sheet: 'Abstimmung',
		rank: 'Rang',
		item: 'Eintrag',
		dots: 'Punkte',
		rules: (dotsPerPerson: number, maxPerItem: number) =>
			`Jede Person hatte ${dotsPerPerson} Punkte, höchstens ${maxPerItem} je Eintrag.`,
		notRevealed: (blockTitle: string) =>
			`Die Punktabfrage „${blockTitle}“ ist noch nicht aufgedeckt; ihr Ergebnis steht daher nicht im Protokoll.`,
		noDots: (count: number) =>
			count === 1
				? 'Ein weiterer Eintrag erhielt keinen Punkt.'
				: `${count} weitere Einträge erhielten keinen Punkt.`,
		empty: 'Es gab keine Punktabfrage.'
	},

	matrix: {
		heading: 'Nutzen-Aufwand-Matrix',
		chartCaption: (blockTitle: string) => `Nutzen und Aufwand der Einträge in „${blockTitle}“`,
		tableCaption: (blockTitle: string) => `Bewertungen in „${blockTitle}“`,
		sheet: 'Matrix',
		xLabel: 'Aufwand',
		yLabel: 'Nutzen',
		item: 'Eintrag',
		impact: 'Nutzen Ø',
		effort: 'Aufwand Ø',
		quadrant: 'Feld',
		ratings: 'Bewertungen',
		notPlaced: 'noch nicht bewertet',
		quadrants: QUADRANT_NAMES,
		/** "Matrix mit 3 bewerteten Einträgen …: 2 Quick Wins, 1 Zeitfresser; 1 noch nicht bewertet." */
		alt: (placed: number, counts: Record<Quadrant, number>, unplaced: number) => {
			const named = (Object.keys(counts) as Quadrant[])
				.filter((q) => counts[q] > 0)
				.map((q) =>
					counts[q] === 1 ? `1 ${QUADRANT_NAMES[q]}` : `${counts[q]} ${QUADRANT_PLURALS[q]}`
				);
			const items = placed === 1 ? 'einem bewerteten Eintrag' : `${placed} bewerteten Einträgen`;
			return (
				`Matrix mit ${items}, Nutzen von unten nach oben, Aufwand von links nach rechts` +
				(named.length > 0 ? `: ${named.join(', ')}` : '') +
				(unplaced > 0 ? `; ${unplaced} noch nicht bewertet.` : '.')
			);
		},
		scale: 'Nutzen und Aufwand von 1 (gering) bis 5 (hoch), Durchschnitt aller Bewertungen.',
		empty: 'Es wurde keine Matrix bewertet.',
		noItems: (blockTitle: string) => `In „${blockTitle}“ gab es keine Einträge zu bewerten.`
	},

	fields: {
		heading: 'Handlungsfelder und Maßnahmen',
		dimensions: (titles: string[]) => `Dimensionen des Digital-Checks: ${titles.join(', ')}.`,
		noMeasures: 'Zu diesem Handlungsfeld gibt es noch keine Maßnahmen.',
		withoutField: 'Maßnahmen ohne Handlungsfeld',
		withoutFieldNote: 'Ihr Handlungsfeld wurde entfernt; die Maßnahmen bleiben erhalten.',
		empty: 'Es wurden keine Handlungsfelder festgelegt.',
		measure: (title: string, description: string) =>
			description.trim() === '' ? title : `${title}: ${description.trim()}`
	},

	smart: {
		heading: 'SMART-Prüfung der Maßnahmen',
		caption:
			'Maßnahmen mit Verantwortlichen, Zeitplan, Ressourcen, Indikator und Hinweisen der SMART-Prüfung',
		sheet: 'Maßnahmen',
		field: 'Handlungsfeld',
		measure: 'Maßnahme',
		owner: 'Verantwortlich',
		start: 'Beginn',
		due: 'Fällig',
		budget: 'Budget',
		staffDays: 'Personentage',
		indicator: 'Indikator',
		target: 'Zielwert',
		status: 'Status',
		quickWin: 'Quick Win',
		yes: 'ja',
		no: 'nein',
		warnings: 'Hinweise',
		noWarnings: 'keine',
		summary: (withWarnings: number, total: number) =>
			withWarnings === 0
				? `Alle ${total} Maßnahmen sind vollständig.`
				: `${withWarnings} von ${total} Maßnahmen haben Hinweise der SMART-Prüfung.`,
		empty: 'Es gibt noch keine Maßnahmen.'
	},
	warnings: {
		owner_missing: () => 'Niemand ist verantwortlich.',
		due_missing: () => 'Es fehlt ein Fälligkeitstermin.',
		indicator_missing: () => 'Es fehlt ein Erfolgsindikator.',
		due_before_start: () => 'Fällig vor dem Beginn.',
		due_before_dependency: (detail: { dependency: string }) =>
			`Fällig vor „${detail.dependency}“, wovon sie abhängt.`,
		dependency_cycle: (detail: { dependency: string }) =>
			`Die Abhängigkeiten bilden einen Kreis (über „${detail.dependency}“).`,
		owner_overloaded: (detail: { owner: string; quarter: string; count: number }) =>
			`„${detail.owner}“ hat im ${detail.quarter} ${detail.count} fällige Maßnahmen – mehr als ${OVERLOAD_LIMIT} sind kaum zu schaffen.`
	} satisfies Record<SmartWarningCode, (detail: never) => string>,
	statuses: {
		geplant: 'geplant',
		in_arbeit: 'in Arbeit',
		umgesetzt: 'umgesetzt',
		zurueckgestellt: 'zurückgestellt'
	} satisfies Record<MeasureStatus, string>,

	roadmap: {
		heading: 'Roadmap nach Quartalen',
		caption: 'Maßnahmen nach dem Quartal, in dem sie beginnen und enden',
		sheet: 'Roadmap',
		from: 'Von',
		to: 'Bis',
		field: 'Handlungsfeld',
		measure: 'Maßnahme',
		span: (quarters: string[]) => `Die Roadmap reicht von ${quarters[0]} bis ${quarters.at(-1)}.`,
		unscheduled: 'Ohne Zeitplan',
		empty: 'Noch hat keine Maßnahme einen Beginn oder eine Fälligkeit.'
	},

	nextSteps: {
		heading: 'Nächste Schritte',
		decisions: 'Beschlossen zum Abschluss',
		parking: 'Noch offen im Themenspeicher',
		firstQuarter: (quarter: string) => `Als Erstes, im ${quarter}`,
		step: (title: string, owner: string, when: string) =>
			`${title} – verantwortlich: ${owner.trim() === '' ? 'noch offen' : owner.trim()}, ${when}`,
		starts: (point: string) => `Beginn ${point}`,
		due: (point: string) => `fällig ${point}`,
		empty: 'Es sind noch keine nächsten Schritte festgehalten.'
	}
} as const;
