// Handlungsfelder and Maßnahmen of the generated workshop day (workshop-generator.ts, issue 18): the
// day stands in "Handlungsfelder festlegen"; the facilitator has set six Handlungsfelder at its start
// and the group writes measures under them from their own devices (default 25).
//
// - Each Handlungsfeld has a catalogue of typical measures of a German municipality; a measure takes
//   one, an owner (a role, as people write them), a start and a due some quarters after the workshop
//   (a quarter, or a day for a fixed date such as a council meeting), budget and staff days, and an
//   indicator with a target.
// - Some measures lack what the SMART check asks for, as drafts on the day do: about one in eight has
//   no owner, one in eight no due, one in twelve no indicator (at least one each once there are eight
//   measures). Some depend on an earlier one, a few come from a matrix entry or a group, some are quick
//   wins.
// - A few measures get a status on the day, each by a participant with a note: one in ten, already
//   running in the administration, is set "in Arbeit", one in twenty-five "zurückgestellt".
// With more measures than a catalogue holds (a benchmark's 200), its measures come again as further
// stages ("… – Stufe 2").

import { generateNKeysBetween } from 'fractional-indexing';
import type { DimensionId } from '../domain/check/catalog-types';
import type { ActionField } from '../domain/workshop/action-fields';
import type { Measure, MeasureSource, StatusChange } from '../domain/measures/measure';
import { currentStatus } from '../domain/measures/status-history';
import type { Random } from './seeded-random';

interface MeasureTemplate {
	title: string;
	description: string;
	indicator: string;
	target: string;
	owners: readonly string[];
	/** Euros, rounded to 500; [0, 0] for none. */
	budget: readonly [number, number];
	staffDays: readonly [number, number];
	/** Quarters from start to due, at most. */
	quarters: number;
}

interface FieldTemplate {
	title: string;
	dimensions: readonly DimensionId[];
	measures: readonly MeasureTemplate[];
}

export const GENERATED_FIELDS: readonly FieldTemplate[] = [
	{
		title: 'Digitale Bürgerservices',
		dimensions: ['ozg', 'basisdienste'],
		measures: [
			{
				title: 'Online-Terminvergabe für das Bürgerbüro einführen',
				description:
					'Termine für Pass, Ausweis und Meldeangelegenheiten online buchbar machen, mit Erinnerung per E-Mail.',
				indicator: 'Anteil online gebuchter Termine',
				target: '60 % der Termine im Bürgerbüro',
				owners: ['Bürgerbüro', 'Fachbereich Bürgerservice'],
				budget: [3_000, 12_000],
				staffDays: [10, 30],
				quarters: 2
			},
			{
				title: 'Zehn meistgenutzte Leistungen online anbieten',
				description:
					'Die zehn häufigsten Anträge als Onlinedienst über das Landesportal anbinden, Ende-zu-Ende ohne Ausdruck.',
				indicator: 'Zahl der Leistungen mit Ende-zu-Ende-Onlinedienst',
				target: '10 Leistungen',
				owners: ['Digitalisierungsbeauftragte', 'Hauptamt'],
				budget: [15_000, 60_000],
				staffDays: [40, 120],
				quarters: 4
			},
			{
				title: 'Onlinedienste auf der Website auffindbar machen',
				description:
					'Eine Seite „Online erledigen“ mit allen Onlinediensten, verlinkt von jeder Leistungsbeschreibung.',
				indicator: 'Aufrufe der Seite „Online erledigen“ je Monat',
				target: '2.000 Aufrufe je Monat',
				owners: ['Pressestelle', 'Hauptamt'],
				budget: [0, 0],
				staffDays: [3, 8],
				quarters: 1
			},
			{
				title: 'Bezahlen mit Karte und online ermöglichen',
				description: 'E-Payment für Gebühren im Bürgerbüro und in den Onlinediensten anbinden.',
				indicator: 'Anteil unbar bezahlter Gebühren',
				target: '80 %',
				owners: ['Kämmerei', 'Stadtkasse'],
				budget: [2_000, 8_000],
				staffDays: [5, 15],
				quarters: 2
			},
			{
				title: 'Barrierefreiheit der Website prüfen und Mängel beheben',
				description: 'Prüfung nach BITV 2.0 beauftragen und die gefundenen Mängel abarbeiten.',
				indicator: 'Offene Mängel aus dem BITV-Test',
				target: 'keine kritischen Mängel',
				owners: ['Pressestelle'],
				budget: [4_000, 15_000],
				staffDays: [5, 20],
				quarters: 3
			},
			{
				title: 'Statusauskunft für laufende Anträge einrichten',
				description:
					'Antragstellende sehen im Servicekonto, wie weit ihr Antrag ist, statt anzurufen.',
				indicator: 'Anrufe mit Statusnachfragen je Woche',
				target: 'halbiert gegenüber heute',
				owners: ['Bürgerbüro', 'IT-Koordination'],
				budget: [5_000, 20_000],
				staffDays: [10, 25],
				quarters: 3
			}
		]
	},
	{
		title: 'E-Akte und digitale Abläufe',
		dimensions: ['prozesse', 'daten'],
		measures: [
			{
				title: 'E-Akte in allen Ämtern einführen',
				description:
					'Nach dem Hauptamt und der Kämmerei führen alle Ämter die E-Akte ein, Amt für Amt mit Schulung.',
				indicator: 'Ämter, die ausschließlich digital ablegen',
				target: 'alle 9 Ämter',
				owners: ['Hauptamt', 'IT-Koordination'],
				budget: [40_000, 150_000],
				staffDays: [80, 250],
				quarters: 4
			},
			{
				title: 'Digitalen Posteingang mit zentralem Scannen aufbauen',
				description: 'Papierpost wird zentral gescannt und als Dokument an die E-Akte übergeben.',
				indicator: 'Anteil der Eingangspost, die digital verteilt wird',
				target: '90 %',
				owners: ['Hauptamt', 'Zentrale Dienste'],
				budget: [10_000, 35_000],
				staffDays: [20, 60],
				quarters: 2
			},
			{
				title: 'Rechnungen digital prüfen und freigeben',
				description: 'E-Rechnungen und gescannte Rechnungen laufen als Workflow statt im Umlauf.',
				indicator: 'Durchlaufzeit einer Rechnung in Tagen',
				target: 'unter 10 Tage',
				owners: ['Kämmerei'],
				budget: [8_000, 25_000],
				staffDays: [15, 40],
				quarters: 3
			},
			{
				title: 'Aktenplan überarbeiten',
				description:
					'Den Aktenplan nach dem kommunalen Muster aktualisieren, bevor weitere Ämter umstellen.',
				indicator: 'Ämter mit abgestimmtem Aktenplan',
				target: 'alle Ämter',
				owners: ['Hauptamt'],
				budget: [0, 0],
				staffDays: [10, 25],
				quarters: 2
			},
			{
				title: 'Die fünf wichtigsten Prozesse modellieren',
				description:
					'Mit den Fachbereichen die fünf Prozesse mit den meisten Fällen aufnehmen und Medienbrüche markieren.',
				indicator: 'Dokumentierte Prozesse mit benannter Verantwortung',
				target: '5 Prozesse',
				owners: ['Organisationsamt', 'Digitalisierungsbeauftragte'],
				budget: [0, 12_000],
				staffDays: [15, 40],
				quarters: 2
			},
			{
				title: 'Elektronische Signatur für Bescheide einführen',
				description:
					'Fortgeschrittene Signatur für Bescheide, damit sie ohne Ausdruck hinausgehen.',
				indicator: 'Anteil elektronisch gezeichneter Bescheide',
				target: '50 %',
				owners: ['Hauptamt', 'Rechtsamt'],
				budget: [3_000, 10_000],
				staffDays: [5, 15],
				quarters: 2
			}
		]
	},
	{
		title: 'IT-Infrastruktur und Informationssicherheit',
		dimensions: ['infrastruktur', 'sicherheit'],
		measures: [
			{
				title: 'WLAN in Rathaus und Außenstellen erneuern',
				description: 'Flächendeckendes WLAN mit getrenntem Gästenetz in allen Verwaltungsgebäuden.',
				indicator: 'Gebäude mit ausreichender WLAN-Abdeckung',
				target: 'alle 6 Standorte',
				owners: ['IT-Koordination', 'Gebäudemanagement'],
				budget: [20_000, 60_000],
				staffDays: [10, 30],
				quarters: 2
			},
			{
				title: 'Informationssicherheitsbeauftragte benennen',
				description:
					'Eine Person mit festem Stundenanteil benennen, gegebenenfalls gemeinsam mit Nachbargemeinden.',
				indicator: 'Benannte Person mit Stundenanteil',
				target: 'mindestens 0,5 Stellen',
				owners: ['Bürgermeisterin', 'Personalamt'],
				budget: [0, 0],
				staffDays: [2, 5],
				quarters: 1
			},
			{
				title: 'Notfallplan für IT-Ausfälle aufstellen',
				description:
					'Was tun, wenn das Rechenzentrum nicht erreichbar ist: Abläufe, Kontakte, Übung.',
				indicator: 'Geübter Notfallplan',
				target: 'eine Übung im Jahr',
				owners: ['IT-Koordination'],
				budget: [0, 5_000],
				staffDays: [8, 20],
				quarters: 2
			},
			{
				title: 'Rücksicherung der Backups regelmäßig testen',
				description: 'Jedes Quartal eine Rücksicherung aus dem Backup testen und protokollieren.',
				indicator: 'Protokollierte Rücksicherungstests',
				target: '4 im Jahr',
				owners: ['IT-Koordination', 'IT-Dienstleister'],
				budget: [0, 0],
				staffDays: [2, 6],
				quarters: 1
			},
			{
				title: 'Alte Rechner austauschen',
				description:
					'Rechner älter als sechs Jahre ersetzen, zuerst an den Publikumsarbeitsplätzen.',
				indicator: 'Arbeitsplätze mit Rechnern älter als sechs Jahre',
				target: 'keiner',
				owners: ['IT-Koordination'],
				budget: [30_000, 90_000],
				staffDays: [10, 25],
				quarters: 3
			},
			{
				title: 'Phishing-Schulung für alle Beschäftigten',
				description: 'Kurze Online-Schulung und eine angekündigte Test-Kampagne.',
				indicator: 'Anteil geschulter Beschäftigter',
				target: '95 %',
				owners: ['Personalamt', 'IT-Koordination'],
				budget: [1_500, 6_000],
				staffDays: [3, 10],
				quarters: 2
			}
		]
	},
	{
		title: 'Personal und Qualifizierung',
		dimensions: ['fuehrung', 'personal'],
		measures: [
			{
				title: 'Digitallotsinnen und Digitallotsen in jedem Amt',
				description:
					'Je Amt eine Person, die Kolleginnen und Kollegen bei neuen Werkzeugen hilft, mit Zeitanteil.',
				indicator: 'Ämter mit ausgebildeter Digitallotsin oder Digitallotse',
				target: 'alle 9 Ämter',
				owners: ['Personalamt'],
				budget: [2_000, 8_000],
				staffDays: [20, 45],
				quarters: 3
			},
			{
				title: 'Schulungsplan Digitalisierung aufstellen',
				description: 'Welche Schulung braucht wer bis wann, abgestimmt mit dem Personalrat.',
				indicator: 'Beschäftigte mit vereinbarter Schulung',
				target: '100 %',
				owners: ['Personalamt', 'Personalrat'],
				budget: [0, 0],
				staffDays: [5, 12],
				quarters: 1
			},
			{
				title: 'IT-Stellen attraktiver ausschreiben',
				description:
					'Zulagen prüfen, mobiles Arbeiten anbieten, Stellen auch auf Fachportalen ausschreiben.',
				indicator: 'Tage bis zur Besetzung einer IT-Stelle',
				target: 'unter 120 Tage',
				owners: ['Personalamt', 'Bürgermeisterin'],
				budget: [1_000, 5_000],
				staffDays: [4, 10],
				quarters: 2
			},
			{
				title: 'Wissen der IT dokumentieren',
				description: 'Betriebshandbuch für Systeme und Zugänge, damit Vertretung möglich ist.',
				indicator: 'Systeme mit aktueller Dokumentation',
				target: 'alle kritischen Systeme',
				owners: ['IT-Koordination'],
				budget: [0, 0],
				staffDays: [10, 30],
				quarters: 2
			},
			{
				title: 'Führungskräfte-Workshop „Digital führen“',
				description:
					'Ein Tag für alle Führungskräfte zu Zielen, Rollen und Umgang mit Veränderung.',
				indicator: 'Teilnehmende Führungskräfte',
				target: 'alle Amtsleitungen',
				owners: ['Bürgermeisterin', 'Personalamt'],
				budget: [2_500, 6_000],
				staffDays: [2, 5],
				quarters: 1
			}
		]
	},
	{
		title: 'Steuerung und Strategie',
		dimensions: ['strategie', 'fuehrung'],
		measures: [
			{
				title: 'Digitalstrategie im Rat beschließen',
				description:
					'Aus den Ergebnissen dieses Workshops eine Digitalstrategie mit Zielen und Maßnahmen für den Rat.',
				indicator: 'Ratsbeschluss',
				target: 'Beschluss in der Ratssitzung',
				owners: ['Bürgermeisterin', 'Digitalisierungsbeauftragte'],
				budget: [0, 0],
				staffDays: [10, 25],
				quarters: 2
			},
			{
				title: 'Steuerungsgruppe Digitalisierung einrichten',
				description: 'Monatliche Runde aus Verwaltungsspitze, IT, Personalrat und zwei Ämtern.',
				indicator: 'Sitzungen der Steuerungsgruppe',
				target: 'monatlich',
				owners: ['Bürgermeisterin'],
				budget: [0, 0],
				staffDays: [2, 6],
				quarters: 1
			},
			{
				title: 'Eigenes Budget für Digitalisierung im Haushalt',
				description: 'Ein eigener Haushaltsansatz für Digitalisierung statt Mittel aus den Ämtern.',
				indicator: 'Haushaltsansatz Digitalisierung',
				target: 'im nächsten Haushalt',
				owners: ['Kämmerei', 'Bürgermeisterin'],
				budget: [0, 0],
				staffDays: [3, 8],
				quarters: 2
			},
			{
				title: 'Projektliste mit Prioritäten führen',
				description:
					'Alle Digitalisierungsprojekte auf einer Liste, priorisiert nach Nutzen und Aufwand.',
				indicator: 'Projekte mit Priorität und verantwortlicher Person',
				target: 'alle laufenden Projekte',
				owners: ['Digitalisierungsbeauftragte'],
				budget: [0, 0],
				staffDays: [3, 8],
				quarters: 1
			},
			{
				title: 'Fördermittel für Digitalisierung beantragen',
				description: 'Förderprogramme des Landes prüfen und einen Antrag für die E-Akte stellen.',
				indicator: 'Bewilligte Fördermittel',
				target: 'mindestens 50.000 €',
				owners: ['Kämmerei', 'Digitalisierungsbeauftragte'],
				budget: [0, 0],
				staffDays: [5, 15],
				quarters: 2
			}
		]
	},
	{
		title: 'Interkommunale Zusammenarbeit',
		dimensions: ['kooperation'],
		measures: [
			{
				title: 'Gemeinsame Informationssicherheit mit Nachbargemeinden',
				description: 'Eine geteilte Stelle für Informationssicherheit mit zwei Nachbargemeinden.',
				indicator: 'Vereinbarung unterzeichnet',
				target: 'mit 2 Gemeinden',
				owners: ['Bürgermeisterin', 'Hauptamt'],
				budget: [0, 20_000],
				staffDays: [5, 15],
				quarters: 3
			},
			{
				title: 'Austauschrunde der Digitalisierungsbeauftragten im Landkreis',
				description: 'Vierteljährliches Treffen, um Lösungen und Ausschreibungen zu teilen.',
				indicator: 'Treffen im Jahr',
				target: '4',
				owners: ['Digitalisierungsbeauftragte'],
				budget: [0, 0],
				staffDays: [2, 5],
				quarters: 1
			},
			{
				title: 'Gemeinsame Ausschreibung für das Dokumentenmanagement',
				description: 'Mit Nachbarkommunen ein DMS gemeinsam ausschreiben und betreiben lassen.',
				indicator: 'Beteiligte Kommunen an der Ausschreibung',
				target: 'mindestens 3',
				owners: ['Hauptamt', 'Vergabestelle'],
				budget: [5_000, 15_000],
				staffDays: [15, 40],
				quarters: 4
			},
			{
				title: 'Feste Ansprechperson beim Rechenzentrum vereinbaren',
				description:
					'Im Vertrag mit dem kommunalen Rechenzentrum eine feste Ansprechperson und Reaktionszeiten.',
				indicator: 'Reaktionszeit auf Tickets',
				target: 'unter 2 Arbeitstagen',
				owners: ['IT-Koordination'],
				budget: [0, 0],
				staffDays: [2, 6],
				quarters: 1
			}
		]
	}
];

/** Partners typed for measures of the cooperation field (no ARS: the generated town is made up). */
const IKZ_OTHER = [
	'Nachbargemeinden im Landkreis',
	'Samtgemeinde und Mitgliedsgemeinden',
	'Landkreis'
];

const STATUS_NOTES = {
	in_arbeit: ['Läuft als Pilot bereits im Bürgerbüro.', 'Angebot liegt vor, Auftrag ist erteilt.'],
	zurueckgestellt: ['Kein Budget im laufenden Haushalt.', 'Erst nach Einführung der E-Akte.']
} as const;

export interface GeneratedMeasures {
	/** The six Handlungsfelder, in priority order. */
	actionFields: ActionField[];
	/** In creation order; `status` as their changes set it. */
	measures: Measure[];
	/** In time order. */
	statusChanges: StatusChange[];
}

export interface MeasureInput {
	participants: readonly { id: string; name: string }[];
	/** ISO date of the workshop. */
	workshopDate: string;
	/** When the Handlungsfelder block began, and now. */
	from: number;
	to: number;
	count: number;
	/** Card and cluster ids a measure may come from. */
	matrixItemIds: readonly string[];
	clusterIds: readonly string[];
	makeId: (time: number) => string;
}

const MINUTE_MS = 60_000;

interface Quarter {
	year: number;
	quarter: number;
}

const quarterOfDate = (isoDate: string): Quarter => ({
	year: Number(isoDate.slice(0, 4)),
	quarter: Math.ceil(Number(isoDate.slice(5, 7)) / 3)
});

function addQuarters({ year, quarter }: Quarter, offset: number): Quarter {
	const index = year * 4 + quarter - 1 + offset;
	return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

const quarterPoint = ({ year, quarter }: Quarter) => `${year}-Q${quarter}`;

/** A day in a quarter a council or a budget would set: the last day of one of its months, or the 15th. */
function dayIn(random: Random, { year, quarter }: Quarter): string {
	const month = quarter * 3 - random.int(0, 2);
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const day = random.chance(0.5) ? last : 15;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `count` distinct indices below `n`. */
const someOf = (random: Random, n: number, count: number): Set<number> =>
	new Set(random.shuffle([...Array(n).keys()]).slice(0, Math.min(n, count)));

export function planMeasures(random: Random, input: MeasureInput): GeneratedMeasures {
	const { participants, from, to, count } = input;
	const fieldKeys = generateNKeysBetween(null, null, GENERATED_FIELDS.length);
	// The facilitator sets the fields in the block's first minutes.
	const actionFields = GENERATED_FIELDS.map((template, i): ActionField => {
		const createdAt = from + (i + 1) * 20_000;
		return {
			id: input.makeId(createdAt),
			title: template.title,
			dimensions: [...template.dimensions],
			order: fieldKeys[i]!,
			createdAt
		};
	});
	const writingFrom = from + 3 * MINUTE_MS;

	// Measures spread over the fields, the first fields a little more; times in creation order.
	const fieldOf = Array.from({ length: count }, (_, i) => i % GENERATED_FIELDS.length);
	random.shuffle(fieldOf);
	const times = Array.from({ length: count }, () => random.int(writingFrom, to - MINUTE_MS)).sort(
		(a, b) => a - b
	);
	// One measure in `per` lacks something (at least one from eight on), so the SMART check shows.
	const lacking = (per: number) =>
		someOf(random, count, Math.max(count >= 8 ? 1 : 0, Math.round(count / per)));
	const withoutOwner = lacking(8);
	const withoutDue = lacking(8);
	const withoutIndicator = lacking(12);
	const used = GENERATED_FIELDS.map(() => 0);
	const perField = GENERATED_FIELDS.map(() => 0);
	const byField = GENERATED_FIELDS.map((_, f) => fieldOf.filter((x) => x === f).length);
	const keys = byField.map((n) => generateNKeysBetween(null, null, n));

	const measures: Measure[] = fieldOf.map((f, i) => {
		const field = GENERATED_FIELDS[f]!;
		const use = used[f]!++;
		const template = field.measures[use % field.measures.length]!;
		const stage = Math.floor(use / field.measures.length);
		const author = random.pick(participants);
		const createdAt = times[i]!;
		const startQuarter = addQuarters(quarterOfDate(input.workshopDate), random.int(1, 4));
		const dueQuarter = addQuarters(startQuarter, random.int(0, template.quarters - 1));
		const start = random.chance(0.8) ? quarterPoint(startQuarter) : null;
		const due = random.chance(0.3) ? dayIn(random, dueQuarter) : quarterPoint(dueQuarter);
		const [minBudget, maxBudget] = template.budget;
		const budget = Math.round(random.between(minBudget, maxBudget) / 500) * 500;
		const [minDays, maxDays] = template.staffDays;
		const staffDays = Math.round(random.between(minDays, maxDays) * 2) / 2;
		const sources: MeasureSource[] = [];
		if (input.matrixItemIds.length > 0 && random.chance(0.25)) {
			sources.push({ kind: 'matrix', itemId: random.pick(input.matrixItemIds) });
		} else if (input.clusterIds.length > 0 && random.chance(0.2)) {
			sources.push({ kind: 'cluster', itemId: random.pick(input.clusterIds) });
		}
		const measure: Measure = {
			id: input.makeId(createdAt),
			actionFieldId: actionFields[f]!.id,
			title: stage === 0 ? template.title : `${template.title} – Stufe ${stage + 1}`,
			description: template.description,
			dimensions: [random.pick(field.dimensions)],
			owner: withoutOwner.has(i) ? '' : random.pick(template.owners),
			start,
			due: withoutDue.has(i) ? null : due,
			budgetEur: maxBudget === 0 || random.chance(0.2) ? null : budget,
			staffDays: random.chance(0.2) ? null : staffDays,
			indicator: withoutIndicator.has(i) ? '' : template.indicator,
			target: withoutIndicator.has(i) ? '' : template.target,
			status: 'geplant',
			quickWin: template.quarters === 1 || (sources[0]?.kind === 'matrix' && random.chance(0.5)),
			ikzPartners: [],
			ikzOther: field.dimensions.includes('kooperation') ? random.pick(IKZ_OTHER) : '',
			dependsOn: [],
			sources,
			notes: '',
			order: keys[f]![perField[f]!++]!,
			authorId: author.id,
			createdAt
		};
		return measure;
	});
	// Only on measures written before, so the day holds no cycle.
	measures.forEach((measure, i) => {
		if (i > 0 && random.chance(0.2)) measure.dependsOn = [measures[random.int(0, i - 1)]!.id];
	});

	// One in ten is set "in Arbeit" and one in twenty-five "zurückgestellt", after it was written, by
	// anyone in the room.
	const statusChanges: StatusChange[] = [];
	const chosen = random.shuffle([...Array(count).keys()]);
	const running = chosen.splice(0, Math.round(count / 10));
	const postponed = chosen.splice(0, Math.round(count / 25));
	for (const [indices, status] of [
		[running, 'in_arbeit'],
		[postponed, 'zurueckgestellt']
	] as const) {
		for (const i of indices) {
			const measure = measures[i]!;
			const person = random.pick(participants);
			const at = random.int(measure.createdAt + 1, Math.max(measure.createdAt + 1, to));
			statusChanges.push({
				id: input.makeId(at),
				measureId: measure.id,
				status,
				by: person.id,
				byName: person.name,
				at,
				note: random.pick(STATUS_NOTES[status])
			});
		}
	}
	statusChanges.sort((a, b) => a.at - b.at);
	for (const measure of measures) {
		measure.status = currentStatus(statusChanges.filter((c) => c.measureId === measure.id));
	}
	return { actionFields, measures, statusChanges };
}
