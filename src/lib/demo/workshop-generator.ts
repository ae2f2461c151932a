// Demo, test and benchmark data: one full workshop day of the "Digital-Check-Workshop (ganzer Tag)"
// template, as a plain plan that write-workshop-day.ts writes into a workshop's documents. Everything
// comes from a seed: the same options give a deep-equal plan on every run and machine, another seed
// another day. Random numbers are pure-rand's xoroshiro128+, seeded as in seeded-random.ts.
//
// What the day looks like (defaults: 30 participants, 500 cards, 20,000 text edits, 3,000 votes,
// 25 measures):
// - A workshop in a made-up town on a Tuesday, Wednesday or Thursday between September 2026 and August
//   2027, starting at 8:00, 8:30 or 9:00 German time. Times are server clock milliseconds.
// - Participants with unique German first names (a surname initial once the names run out) and ids in
//   the app's ULID layout (domain/ids.ts), checked in around the start.
// - The template's agenda. The day stands in "Handlungsfelder festlegen", a few minutes late: the cards
//   are collected, clustered and voted on, the vote is revealed, the matrix is scored
//   (vote-generator.ts), six Handlungsfelder are set and Maßnahmen are being written under them
//   (measure-generator.ts).
// - Cards written during the Kartenabfrage, a few dozen per participant at most, some write far more
//   than others. A card is a short statement about municipal digitalisation put together from parts:
//   an optional lead-in ("Seit Jahren:"), a core ("Fachverfahren ohne Schnittstelle zur E-Akte"), an
//   optional place ("im Bauamt") and an optional consequence ("– dadurch viel Doppelarbeit"). Cores
//   belong to themes, and each cluster is one theme, so a cluster's cards are about its name.
// - 85 % of the cards of each card block are in a cluster, the rest still unsorted. Cards with the
//   same core in a cluster are duplicates; some are merged into the first such card.
// - Notes: a protocol note per block that has begun, parking-lot items and decisions.
// - Text edits as a debounced editor saves them while people type: words appended one at a time (a
//   typo now and then, usually corrected with the next save), parts removed word by word or at once,
//   parts and sentences rephrased, left-over typos fixed later. About six people type at once, each in
//   one card or note, mostly their own; one edit in ten is someone correcting another's card or note.
//   Every edit changes its target's text and leaves it valid.
//
// The parts are drawn from separate streams, so the day (workshop, participants, agenda) depends only
// on the seed and the participant count, cards and notes also on the card count, only the edits on
// the edit count, only votes and scores on the vote count, and the Handlungsfelder and measures on the
// measure count (and the matrix entries they come from): a test may ask for fewer edits and gets the
// same cards.

import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import {
	blocksFromTemplate,
	scheduleOf,
	type AgendaBlock,
	type BlockMethod
} from '../domain/workshop/agenda';
import { boardView, type Card, type Cluster } from '../domain/workshop/cards';
import type { Measure, StatusChange } from '../domain/measures/measure';
import type { ActionField } from '../domain/workshop/action-fields';
import { NOTE_MAX_LENGTH, type Note, type NoteKind } from '../domain/workshop/notes';
import type { MatrixScore } from '../domain/workshop/matrix';
import { voteResults } from '../domain/workshop/votes';
import { matrixEntries, votingItems } from '../domain/workshop/voting-items';
import { planMeasures } from './measure-generator';
import { Random, seededGenerator } from './seeded-random';
import {
	GENERATED_RULES,
	planScores,
	planVotes,
	type GeneratedVote,
	type GeneratedVoting
} from './vote-generator';

// ---------------------------------------------------------------------------------------------------
// The plan

export interface GeneratedParticipant {
	/** ULID layout as ids.ts makes them; the time part is `joinedAt`. */
	id: string;
	/** A German first name, unique within the day. */
	name: string;
	joinedAt: number;
}

/** One save of an editor: the whole new text of a card or note, by a participant. */
export interface TextEdit {
	target: 'card' | 'note';
	id: string;
	authorId: string;
	text: string;
	/** Server time (ms); edits are in time order. */
	at: number;
}

export interface WorkshopDayPlan {
	seed: number;
	workshop: {
		title: string;
		/** ISO date, YYYY-MM-DD. */
		date: string;
		place: string;
		/** Minutes after midnight, German time. */
		startMinutes: number;
		/** The two facilitators of the day, as the workshop page's "Moderation" field holds them. */
		facilitators: string;
	};
	/** Server time (ms) of `date` at `startMinutes`. */
	dayStartMs: number;
	/** The moment the plan describes: after every card, note and edit. */
	nowMs: number;
	/** In joining order. */
	participants: GeneratedParticipant[];
	/** `blocksFromTemplate('digital-check-tag')`. */
	blocks: AgendaBlock[];
	run: {
		currentBlockId: string;
		currentSince: number;
		/** Every block that has begun, in the order the facilitator started them; the last is current. */
		started: Array<{ blockId: string; at: number }>;
	};
	clusters: Cluster[];
	/** In creation order; clusters and merges as they stand now, the text as it was written. */
	cards: Card[];
	/** In creation order, with the text they were written with. */
	notes: Note[];
	/** In time order; a target's text is the last edit's (or its first text without edits). */
	edits: TextEdit[];
	/** The Punktabfrage over the Kartenabfrage's cards, revealed; null without either block. */
	voting: GeneratedVoting | null;
	/** Every dot given, in time order; withdrawn ones were taken back. */
	votes: GeneratedVote[];
	/** Impact and effort of the matrix's entries (the cards with the most dots), by everyone. */
	scores: MatrixScore[];
	/** The six Handlungsfelder, in priority order. */
	actionFields: ActionField[];
	/** In creation order, each with the status its changes set. */
	measures: Measure[];
	/** Status changes of the measures, in time order. */
	statusChanges: StatusChange[];
}

export interface GenerateWorkshopDayOptions {
	/** Any safe integer. */
	seed: number;
	/** 1 to 200 (default 30). */
	participants?: number;
	/** 0 to 5,000 (default 500). */
	cards?: number;
	/** 0 to 200,000 (default 20,000). */
	textEdits?: number;
	/** Dot records, withdrawn ones included: 0 to 20,000 (default 3,000). */
	votes?: number;
	/** Maßnahmen: 0 to 1,000 (default 25). */
	measures?: number;
}

const TEMPLATE_ID = 'digital-check-tag';
/** Share of each card block's cards that are in a cluster (rounded to whole cards). */
const CLUSTERED_SHARE = 0.85;

// ---------------------------------------------------------------------------------------------------
// Random numbers

/** Independent streams of one seed: each call gives the next, 2^64 steps after the one before. */
function streamsOf(seed: number): () => Random {
	const base = seededGenerator(seed);
	return () => {
		const stream = new Random(base.clone());
		base.jump();
		return stream;
	};
}

// ---------------------------------------------------------------------------------------------------
// Content. Themes are the clusters; their cores are what cards say about them.

interface Theme {
	/** Names a facilitator gives the cluster. */
	names: readonly string[];
	cores: readonly string[];
}

const THEMES: readonly Theme[] = [
	{
		names: ['Technik & Infrastruktur', 'Technik', 'IT-Ausstattung'],
		cores: [
			'Fachverfahren ohne Schnittstelle zur E-Akte',
			'WLAN zu langsam',
			'Veraltete Rechner',
			'Kein einheitliches Dokumentenmanagementsystem',
			'Videokonferenzen brechen ständig ab',
			'Zu viele Insellösungen ohne Datenaustausch',
			'Kein Zugriff auf Fachverfahren aus dem Homeoffice',
			'Glasfaseranschluss fehlt',
			'Zu wenige Lizenzen für die E-Akte',
			'Scanner zu langsam für den Posteingang',
			'Jedes Amt hat eine eigene Software',
			'Keine Diensthandys für den Außendienst'
		]
	},
	{
		names: ['Personal & Qualifizierung', 'Personal', 'Qualifizierung'],
		cores: [
			'Zu wenig IT-Personal',
			'IT-Stellen bleiben monatelang unbesetzt',
			'Keine Zeit für Schulungen neben dem Tagesgeschäft',
			'Schulungen nur für Führungskräfte',
			'Wissen hängt an einzelnen Personen',
			'Keine Vertretung für die IT bei Krankheit',
			'Ältere Beschäftigte fühlen sich abgehängt',
			'Keine Digitallotsen',
			'Gehälter in der IT nicht konkurrenzfähig',
			'Einarbeitung neuer Kolleginnen und Kollegen dauert zu lange',
			'Kein Budget für Fortbildungen'
		]
	},
	{
		names: ['Prozesse', 'Prozesse & Abläufe', 'Abläufe'],
		cores: [
			'Medienbruch zwischen Online-Antrag und Sachbearbeitung',
			'Anträge werden ausgedruckt und wieder eingescannt',
			'Umlaufmappe für jede Unterschrift',
			'Prozesse sind nirgends dokumentiert',
			'Jede Abteilung arbeitet anders',
			'Doppelte Datenerfassung in mehreren Programmen',
			'Rechnungen laufen auf Papier durchs Haus',
			'Freigaben dauern zu lange',
			'Keine Prozessverantwortlichen benannt',
			'Papierakte und Netzlaufwerk parallel',
			'Schriftformerfordernis bremst digitale Abläufe'
		]
	},
	{
		names: ['Bürgerservice', 'Service für Bürgerinnen und Bürger', 'Onlinedienste'],
		cores: [
			'Keine Online-Terminvergabe',
			'Onlinedienste sind schwer zu finden',
			'Bürgerinnen und Bürger kennen die Onlinedienste nicht',
			'Keine digitale Bezahlmöglichkeit',
			'Website nicht barrierefrei',
			'Online-Anträge kommen als PDF per E-Mail an',
			'Lange Wartezeiten',
			'Kein Statusbescheid für Antragstellende',
			'Formulare nur zum Ausdrucken',
			'Servicekonto wird kaum genutzt'
		]
	},
	{
		names: ['Führung & Strategie', 'Strategie', 'Steuerung'],
		cores: [
			'Keine Digitalstrategie',
			'Digitalisierung ist nur auf dem Papier Chefsache',
			'Zu viele Projekte gleichzeitig',
			'Keine klaren Prioritäten',
			'Zuständigkeit für Digitalisierung ungeklärt',
			'Entscheidungen dauern zu lange',
			'Erfolge werden nicht sichtbar gemacht',
			'Kein Steuerungsgremium für Digitalisierung',
			'Politik erwartet schnelle Ergebnisse ohne Mittel'
		]
	},
	{
		names: ['Kultur & Zusammenarbeit', 'Kultur', 'Zusammenarbeit'],
		cores: [
			'Angst vor Fehlern',
			'Haltung „Das haben wir immer so gemacht“',
			'Wenig Austausch zwischen den Ämtern',
			'Silodenken zwischen Fachbereichen',
			'Veränderungsmüdigkeit nach vielen Projekten',
			'Skepsis gegenüber neuen Werkzeugen',
			'Informationen kommen nicht bei allen an',
			'Homeoffice wird unterschiedlich gehandhabt'
		]
	},
	{
		names: ['Datenschutz & Informationssicherheit', 'Informationssicherheit', 'Datenschutz'],
		cores: [
			'Unsicherheit beim Datenschutz bremst Projekte',
			'Kein Informationssicherheitsbeauftragter',
			'Notfallplan für IT-Ausfälle fehlt',
			'Passwortregeln werden umgangen',
			'Phishing-Mails landen immer wieder im Postfach',
			'Datenschutzprüfung dauert Monate',
			'Keine Schulungen zur Informationssicherheit',
			'Backups werden nicht getestet'
		]
	},
	{
		names: ['Finanzen & Beschaffung', 'Geld', 'Beschaffung'],
		cores: [
			'Kein eigenes Budget für Digitalisierung',
			'Fördermittel zu kompliziert zu beantragen',
			'Vergabeverfahren dauern zu lange',
			'Folgekosten werden bei Beschaffungen nicht eingeplant',
			'Wartungsverträge binden das Budget',
			'Haushaltssperre stoppt Projekte'
		]
	},
	{
		names: ['IT-Dienstleister & Kooperation', 'Dienstleister', 'Interkommunale Zusammenarbeit'],
		cores: [
			'Tickets beim IT-Dienstleister bleiben lange liegen',
			'Abhängigkeit von einem Softwareanbieter',
			'Schnittstellen kosten beim Anbieter extra',
			'Keine feste Ansprechperson beim Rechenzentrum',
			'Updates kommen ohne Vorankündigung',
			'Interkommunale Zusammenarbeit kaum genutzt'
		]
	},
	{
		names: ['E-Akte & Dokumente', 'E-Akte', 'Ablage'],
		cores: [
			'E-Akte nur in zwei Ämtern eingeführt',
			'Aktenplan veraltet',
			'Scannen im Posteingang nicht organisiert',
			'Unklar, was rechtssicher digital abgelegt werden darf',
			'Elektronische Signatur fehlt',
			'Ablage auf Netzlaufwerken unübersichtlich'
		]
	}
];

/** The optional parts of a card, by position (the core, position 1, is never empty). */
const CARD_PARTS: Readonly<Record<0 | 2 | 3, readonly string[]>> = {
	0: ['Seit Jahren:', 'Immer noch:', 'Größtes Problem:', 'Dringend:', 'Aus meiner Sicht:'],
	2: [
		'im Bauamt',
		'im Bürgerbüro',
		'im Standesamt',
		'in den Außenstellen',
		'im Ordnungsamt',
		'in der Kämmerei',
		'im Sozialamt',
		'auf dem Bauhof',
		'in den Kitas',
		'in den Schulen',
		'im Hauptamt',
		'bei der Feuerwehr'
	],
	3: [
		'– das kostet jeden Tag Zeit',
		'– dadurch viel Doppelarbeit',
		'– Bürgerinnen und Bürger warten unnötig',
		'– Fehler beim Abtippen',
		'– Frust bei den Beschäftigten',
		'– niemand fühlt sich zuständig',
		'– Projekte bleiben liegen',
		'– Wissen geht verloren'
	]
};
const OPTIONAL_PARTS = [0, 2, 3] as const;

// prettier-ignore
const FIRST_NAMES = [
	'Andreas', 'Anke', 'Anna', 'Birgit', 'Björn', 'Christian', 'Claudia', 'Daniela', 'Dirk', 'Elke',
	'Frank', 'Frauke', 'Gabriele', 'Gesa', 'Hannah', 'Hauke', 'Heike', 'Insa', 'Jan', 'Jens', 'Jörg',
	'Julia', 'Jürgen', 'Karin', 'Katrin', 'Kerstin', 'Klaus', 'Laura', 'Lena', 'Lukas', 'Maik',
	'Marco', 'Maria', 'Marlene', 'Martina', 'Meike', 'Michael', 'Monika', 'Nadine', 'Nils', 'Ole',
	'Petra', 'Ralf', 'Renate', 'Sabine', 'Sandra', 'Sebastian', 'Silke', 'Stefan', 'Susanne', 'Sven',
	'Tanja', 'Thomas', 'Tim', 'Timo', 'Torsten', 'Ute', 'Uwe', 'Wolfgang', 'Yvonne'
];
const INITIALS = 'ABDEFGHKLMNPRSTVWZ';

// prettier-ignore
const TOWNS = [
	'Ahlhausen', 'Birkenstedt', 'Dornhagen', 'Eichenbüttel', 'Falkenrode', 'Gandersloh', 'Haselhorst',
	'Ilsenmoor', 'Kalkbeck', 'Lindenfehn', 'Marienwede', 'Nienbostel', 'Rothenkamp', 'Salzmühlen',
	'Tannsiel', 'Wiesenburg'
];
const VENUES = [
	'Rathaus {town}, Ratssaal',
	'Dorfgemeinschaftshaus {town}',
	'Rathaus {town}, Sitzungssaal 2'
];
const FACILITATORS = [
	'Katrin Behrens',
	'Jonas Albers',
	'Miriam Oltmanns',
	'Frank Heitmann',
	'Svenja Kruse',
	'Tobias Meyerhoff'
];
const TITLES = [
	'Digitalstrategie {town}: Workshop-Tag',
	'Digital-Check-Workshop {town}',
	'Workshop Digitale Verwaltung {town}'
];

/** First sentence of a block's protocol. */
const PROTOCOL_OPENINGS: Readonly<Record<Exclude<BlockMethod, 'pause'>, readonly string[]>> = {
	begruessung: [
		'Begrüßung durch die Bürgermeisterin, kurze Vorstellungsrunde.',
		'Begrüßung durch den Bürgermeister, Ziele des Tages vorgestellt.'
	],
	input: [
		'Die Projektleitung stellt die Ergebnisse des Digital-Checks vor.',
		'Ergebnisse des Digital-Checks vorgestellt, Rückfragen zur Methodik.'
	],
	kartenabfrage: [
		'Alle schreiben Karten zur Frage, was uns heute hindert.',
		'Kartenabfrage: Jede Person schreibt ihre Hindernisse auf.'
	],
	diskussion: [
		'Die Karten werden gemeinsam sortiert, Dubletten zusammengelegt.',
		'Diskussion im Plenum, die Moderation hält Ergebnisse fest.'
	],
	punktabfrage: ['Jede Person verteilt fünf Punkte auf die dringendsten Themen.'],
	matrix: ['Die Cluster werden nach Wirkung und Aufwand eingeordnet.'],
	handlungsfelder: ['Aus den Clustern werden Handlungsfelder abgeleitet.'],
	abschluss: ['Rückblick auf den Tag, nächste Schritte verabredet.'],
	sonstiges: ['Offene Runde.']
};

/** Further protocol sentences; {cluster} is a cluster's name. */
const PROTOCOL_SENTENCES = [
	'Viele Karten gehören zum Cluster „{cluster}“.',
	'Zu „{cluster}“ gibt es unterschiedliche Einschätzungen im Raum.',
	'Der Personalrat möchte bei „{cluster}“ früh beteiligt werden.',
	'Bei „{cluster}“ gibt es im Bauamt schon gute Ansätze.',
	'Mehrere sehen bei „{cluster}“ den größten Hebel.',
	'„{cluster}“ hängt eng mit anderen Clustern zusammen.',
	'Die Verwaltungsspitze sagt Unterstützung zu.',
	'Beispiele aus Nachbarkommunen sollen eingeholt werden.',
	'Viele Probleme betreffen mehrere Ämter zugleich.',
	'Einige Karten wurden als Dubletten zusammengelegt.',
	'Offene Fragen kommen in den Themenspeicher.',
	'Die Moderation fasst die wichtigsten Punkte zusammen.',
	'Das Bürgerbüro berichtet von vielen Nachfragen am Telefon.',
	'Die IT-Koordination erläutert den Stand der Ausstattung.',
	'Ohne zusätzliches Personal wird wenig gelingen, darin sind sich alle einig.',
	'Kritisch angemerkt: Frühere Projekte sind versandet.',
	'Die Zeit für diesen Block wird um zehn Minuten verlängert.'
];

const PARKING_ITEMS = [
	'Datenschutz bei Videokonferenzen klären.',
	'Regelung zum mobilen Arbeiten überarbeiten.',
	'Rechenzentrum des Landkreises ansprechen.',
	'Fördermittel für Glasfaser prüfen.',
	'Kosten der Schnittstellen beim IT-Dienstleister erfragen.',
	'Personalrat früh beteiligen.',
	'Tablets für die Ratsmitglieder?',
	'Open-Source-Strategie diskutieren.',
	'Barrierefreiheit der Website prüfen lassen.',
	'Schulungskonzept für Auszubildende.',
	'KI in der Verwaltung: Chancen und Grenzen.',
	'Digitale Sitzungsdienste für die Ortsräte.',
	'Einheitliche Telefonanlage für alle Standorte.',
	'Stand der OZG-Umsetzung erfragen.',
	'Intranet neu aufsetzen?',
	'Digitale Personalakte als Pilot?'
];

/** {cluster} is a cluster's name. */
const DECISIONS = [
	'Die Steuerungsgruppe trifft sich ab sofort monatlich.',
	'Die E-Akte wird zuerst im Bauamt ausgerollt.',
	'Jedes Amt benennt eine Digitallotsin oder einen Digitallotsen.',
	'Die Ergebnisse gehen in den nächsten Hauptausschuss.',
	'„{cluster}“ wird als erstes Handlungsfeld vorgeschlagen.',
	'„{cluster}“ bekommt eine eigene Arbeitsgruppe.',
	'Die Dubletten bleiben zusammengelegt.',
	'Für „{cluster}“ wird bis zum Sommer ein Konzept erstellt.',
	'Das Protokoll geht an alle Teilnehmenden.'
];

/** Sentences added to parking-lot items and decisions later. */
const FOLLOW_UPS = [
	'Zuständig: Hauptamt.',
	'Zuständig: IT-Koordination.',
	'Bis zum nächsten Workshop klären.',
	'Rückfrage an den IT-Dienstleister.',
	'Mit dem Personalrat abstimmen.',
	'Kosten vorher abschätzen.',
	'Im Verwaltungsvorstand ansprechen.',
	'Beispiele aus Nachbarkommunen einholen.',
	'Termin: Ende des Quartals.',
	'Betrifft auch die Außenstellen.',
	'Siehe auch Karten im Cluster „{cluster}“.'
];

// ---------------------------------------------------------------------------------------------------
// Ids and time

const MINUTE_MS = 60_000;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 2026-09-01, a Tuesday: the first day a generated workshop may take place. */
const FIRST_DAY = Date.UTC(2026, 8, 1);
const DAY_MS = 86_400_000;

/** Ids in the app's layout (ids.ts): 10 characters of time, 16 random ones, unique within the plan. */
class Ids {
	readonly #taken = new Set<string>();
	readonly #random: Random;

	constructor(random: Random) {
		this.#random = random;
	}

	make(time: number): string {
		let timePart = '';
		for (let i = 0, ms = time; i < 10; i++, ms = Math.floor(ms / 32)) {
			timePart = CROCKFORD[ms % 32]! + timePart;
		}
		for (;;) {
			let id = timePart;
			for (let i = 0; i < 16; i++) id += CROCKFORD[this.#random.int(0, 31)]!;
			if (!this.#taken.has(id)) {
				this.#taken.add(id);
				return id;
			}
		}
	}
}

/** Day of the month of the last Sunday of a month (0-based), when Germany changes its clocks. */
function lastSunday(year: number, month: number): number {
	const last = new Date(Date.UTC(year, month + 1, 0));
	return last.getUTCDate() - last.getUTCDay();
}

/** Germany's offset from UTC in minutes during the working hours of a day (summer time or not). */
function germanOffsetMinutes(day: Date): number {
	const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
	const onOrAfter = (month: number, date: number) => m > month || (m === month && d >= date);
	return onOrAfter(2, lastSunday(y, 2)) && !onOrAfter(9, lastSunday(y, 9)) ? 120 : 60;
}

// ---------------------------------------------------------------------------------------------------
// The day: workshop, participants, agenda, where the day stands

interface Day {
	workshop: Omit<WorkshopDayPlan['workshop'], 'facilitators'>;
	dayStartMs: number;
	nowMs: number;
	participants: GeneratedParticipant[];
	blocks: AgendaBlock[];
	run: Omit<WorkshopDayPlan['run'], 'started'>;
	/** Blocks that have begun, with their actual span (the current one runs until now). */
	begun: Array<{ block: AgendaBlock; index: number; from: number; to: number }>;
}

const fill = (template: string, key: string, value: string): string =>
	template.replace(`{${key}}`, value);

function uniqueNames(random: Random, count: number): string[] {
	const names = random.shuffle([...FIRST_NAMES]).slice(0, count);
	const taken = new Set(names);
	while (names.length < count) {
		const name = `${random.pick(FIRST_NAMES)} ${random.pick([...INITIALS])}.`;
		if (!taken.has(name)) {
			taken.add(name);
			names.push(name);
		}
	}
	return names;
}

function planDay(random: Random, participantCount: number): Day {
	const town = random.pick(TOWNS);
	const day = new Date(FIRST_DAY + (random.int(0, 51) * 7 + random.int(0, 2)) * DAY_MS);
	const startMinutes = random.pick([480, 510, 540]);
	const dayStartMs = day.getTime() + (startMinutes - germanOffsetMinutes(day)) * MINUTE_MS;

	const ids = new Ids(random);
	const participants = uniqueNames(random, participantCount)
		.map((name) => ({ name, joinedAt: dayStartMs + random.int(-20 * 60, 10 * 60) * 1000 }))
		.sort((a, b) => a.joinedAt - b.joinedAt)
		.map(({ name, joinedAt }) => ({ id: ids.make(joinedAt), name, joinedAt }));

	// The day stands in the Handlungsfelder: cards collected, clustered, voted on and scored in the
	// matrix. Template blocks come in order, so the schedule's blocks line up with them.
	const blocks = blocksFromTemplate(TEMPLATE_ID);
	const schedule = scheduleOf(blocks, startMinutes);
	const currentIndex = schedule.findIndex((block) => block.method === 'handlungsfelder');
	const at = (minutes: number) => dayStartMs + (minutes - startMinutes) * MINUTE_MS;
	const currentSince = at(schedule[currentIndex]!.startsAt) + random.int(0, 20 * 60) * 1000;
	const nowMs = currentSince + random.int(5, 35) * MINUTE_MS;
	const begun = schedule.slice(0, currentIndex + 1).map((block, index) => ({
		block: blocks[index]!,
		index,
		from: index === currentIndex ? currentSince : at(block.startsAt),
		to: index === currentIndex ? nowMs : at(block.endsAt)
	}));
	return {
		workshop: {
			title: fill(random.pick(TITLES), 'town', town),
			date: day.toISOString().slice(0, 10),
			place: fill(random.pick(VENUES), 'town', town),
			startMinutes
		},
		dayStartMs,
		nowMs,
		participants,
		blocks,
		run: { currentBlockId: schedule[currentIndex]!.id, currentSince },
		begun
	};
}

// ---------------------------------------------------------------------------------------------------
// Cards and clusters

/** A card's text in parts: lead-in, core, place, consequence ('' where absent). */
type CardParts = [string, string, string, string];

const joinParts = (parts: readonly string[]): string => parts.filter((p) => p !== '').join(' ');

interface CardDraft {
	card: Card;
	theme: Theme;
	parts: CardParts;
	/** The text with a typo the author has not corrected yet, or null. */
	typo: string | null;
}

const MISSPELLABLE = /^[A-Za-zÄÖÜäöüß]{4,}$/;

/** The word with one typing slip (letters swapped, dropped or doubled), or null for short words. */
function misspell(random: Random, word: string): string | null {
	if (!MISSPELLABLE.test(word)) return null;
	const at = random.int(1, word.length - 2);
	const slip = random.int(0, 2);
	if (slip === 0 && word[at] !== word[at + 1]) {
		return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
	}
	if (slip === 1) return word.slice(0, at) + word.slice(at + 1);
	return word.slice(0, at) + word[at] + word.slice(at);
}

/** The text with a slip in its last word that can take one, or null. */
function misspellLastWord(random: Random, text: string): string | null {
	const words = text.split(' ');
	for (let i = words.length - 1; i >= 0; i--) {
		const wrong = misspell(random, words[i]!);
		if (wrong !== null) return [...words.slice(0, i), wrong, ...words.slice(i + 1)].join(' ');
	}
	return null;
}

/** The text with a slip in a random word that can take one, or null. */
function misspellSomeWord(random: Random, text: string): string | null {
	const words = text.split(' ');
	const candidates = words.flatMap((word, i) => (MISSPELLABLE.test(word) ? [i] : []));
	if (candidates.length === 0) return null;
	const i = random.pick(candidates);
	words[i] = misspell(random, words[i]!)!;
	return words.join(' ');
}

/** Random insertion order in a list, as people drop cards between others: order keys for `count`. */
function droppedKeys(random: Random, count: number): string[] {
	const sorted: string[] = [];
	const keys: string[] = [];
	for (let n = 0; n < count; n++) {
		const at = random.int(0, sorted.length);
		const key = generateKeyBetween(sorted[at - 1] ?? null, sorted[at] ?? null);
		sorted.splice(at, 0, key);
		keys.push(key);
	}
	return keys;
}

function planCards(
	random: Random,
	day: Day,
	count: number
): {
	clusters: Cluster[];
	drafts: CardDraft[];
	/** Index in `day.begun` of the first block in which clusters exist. */
	sortedFrom: number;
} {
	const ids = new Ids(random);
	const cardBlocks = day.begun.filter(({ block }) => block.method === 'kartenabfrage');
	const authorWeights = day.participants.map(() => 0.4 + 1.6 * random.float());
	const clusters: Cluster[] = [];
	const drafts: CardDraft[] = [];
	let sortedFrom = Infinity;
	cardBlocks.forEach(({ block, index, from, to }, b) => {
		// Clusters are made in the next block that is not a break (in the template, "Karten clustern").
		const sorting = day.begun.slice(index + 1).find(({ block: next }) => next.method !== 'pause');
		sortedFrom = Math.min(sortedFrom, sorting?.index ?? index);
		const themes = random.shuffle([...THEMES]).slice(0, random.int(7, 9));
		const themeWeights = themes.map(() => 0.5 + 1.5 * random.float());
		const clusterKeys = generateNKeysBetween(null, null, themes.length);
		const blockClusters = themes.map((theme, i) => ({
			id: ids.make(random.int(sorting?.from ?? to, sorting?.to ?? to)),
			blockId: block.id,
			name: random.pick(theme.names),
			order: clusterKeys[i]!
		}));
		clusters.push(...blockClusters);

		// Equal shares per card block, the first blocks taking the remainder.
		const n = Math.floor(count / cardBlocks.length) + (b < count % cardBlocks.length ? 1 : 0);
		const clustered = new Set(
			random.shuffle([...Array(n).keys()]).slice(0, Math.round(n * CLUSTERED_SHARE))
		);
		const times = Array.from({ length: n }, () => random.int(from + MINUTE_MS, to)).sort(
			(x, y) => x - y
		);
		const blockDrafts = times.map((createdAt, i): CardDraft => {
			const inCluster = clustered.has(i);
			const c = inCluster ? random.weightedIndex(themeWeights) : -1;
			const theme = inCluster ? themes[c]! : random.pick(THEMES);
			const parts: CardParts = [
				random.chance(0.1) ? random.pick(CARD_PARTS[0]) : '',
				random.pick(theme.cores),
				random.chance(0.3) ? random.pick(CARD_PARTS[2]) : '',
				random.chance(0.2) ? random.pick(CARD_PARTS[3]) : ''
			];
			const text = joinParts(parts);
			return {
				card: {
					id: ids.make(createdAt),
					blockId: block.id,
					authorId: day.participants[random.weightedIndex(authorWeights)]!.id,
					text,
					order: '', // set below, once the block's lists are known
					clusterId: inCluster ? blockClusters[c]!.id : null,
					mergedInto: null,
					createdAt
				},
				theme,
				parts,
				typo: random.chance(0.06) ? misspellSomeWord(random, text) : null
			};
		});

		// Order keys per list (each cluster, and the unsorted cards), in the order cards were dropped.
		const lists = new Map<string | null, CardDraft[]>();
		for (const draft of blockDrafts) {
			lists.set(draft.card.clusterId, [...(lists.get(draft.card.clusterId) ?? []), draft]);
		}
		for (const list of lists.values()) {
			const keys = droppedKeys(random, list.length);
			list.forEach((draft, i) => (draft.card.order = keys[i]!));
		}

		// Duplicates: a later card with the same core in the same cluster is sometimes merged into the
		// first one, which is never merged itself.
		const firstWithCore = new Map<string, string>();
		for (const { card, parts } of blockDrafts) {
			if (card.clusterId === null) continue;
			const key = `${card.clusterId}/${parts[1]}`;
			const first = firstWithCore.get(key);
			if (first === undefined) firstWithCore.set(key, card.id);
			else if (random.chance(0.12)) card.mergedInto = first;
		}
		drafts.push(...blockDrafts);
	});
	// A typo'd card was written with the typo.
	for (const draft of drafts) if (draft.typo !== null) draft.card.text = draft.typo;
	drafts.sort((a, b) => a.card.createdAt - b.card.createdAt || (a.card.id < b.card.id ? -1 : 1));
	return { clusters, drafts, sortedFrom };
}

// ---------------------------------------------------------------------------------------------------
// Notes

interface NoteDraft {
	note: Note;
	sentences: string[];
	typo: string | null;
	/** Cluster names the note may mention: none in blocks before the cards were sorted. */
	mentions: readonly string[];
}

const MENTION = '{cluster}';

/**
 * A sentence a note of `kind` may gain, naming one of the clusters it may mention; one it does not
 * have yet if such a sentence turns up within a few draws.
 */
function noteSentence(
	random: Random,
	kind: NoteKind,
	mentions: readonly string[],
	sentences: readonly string[]
): string {
	const pool = (kind === 'protocol' ? PROTOCOL_SENTENCES : FOLLOW_UPS).filter(
		(sentence) => mentions.length > 0 || !sentence.includes(MENTION)
	);
	let sentence = '';
	for (let attempt = 0; attempt < 5; attempt++) {
		sentence = random.pick(pool);
		if (sentence.includes(MENTION)) sentence = fill(sentence, 'cluster', random.pick(mentions));
		if (!sentences.includes(sentence)) break;
	}
	return sentence;
}

function planNotes(
	random: Random,
	day: Day,
	clusterNames: readonly string[],
	sortedFrom: number
): NoteDraft[] {
	const ids = new Ids(random);
	// One or two people keep the protocol.
	const writers = random.shuffle([...day.participants]).slice(0, random.int(1, 2));
	const working = day.begun.filter(({ block }) => block.method !== 'pause');
	const drafts: NoteDraft[] = [];
	type Span = Day['begun'][number];
	const mentionsIn = (span: Span) => (span.index >= sortedFrom ? clusterNames : []);
	const add = (kind: NoteKind, span: Span, authorId: string, text: string, createdAt: number) => {
		drafts.push({
			note: { id: ids.make(createdAt), blockId: span.block.id, kind, text, authorId, createdAt },
			sentences: [text],
			typo: null,
			mentions: mentionsIn(span)
		});
	};

	for (const span of day.begun) {
		const { method } = span.block;
		if (method === 'pause') continue;
		const protocols = span.block.durationMinutes >= 45 ? 2 : 1;
		// The first protocol note is opened within the block's first minutes, a second one any time.
		for (let i = 0; i < protocols; i++) {
			const text =
				i === 0
					? random.pick(PROTOCOL_OPENINGS[method])
					: noteSentence(random, 'protocol', mentionsIn(span), []);
			const latest = i === 0 ? Math.min(span.to, span.from + 5 * MINUTE_MS) : span.to;
			add('protocol', span, random.pick(writers).id, text, random.int(span.from, latest));
		}
	}
	const anyTime = (span: Span) => random.int(span.from, span.to);
	const parking = random.shuffle([...PARKING_ITEMS]).slice(0, random.int(10, 16));
	for (const text of parking) {
		const span = random.pick(working);
		add('parking', span, random.pick(day.participants).id, text, anyTime(span));
	}
	// Decisions are taken about the sorted cards.
	const deciding = working.filter(({ index }) => index >= sortedFrom);
	const decisions = random.shuffle([...DECISIONS]).slice(0, random.int(5, 8));
	for (const text of decisions) {
		const span = random.pick(deciding);
		const filled = fill(text, 'cluster', random.pick(clusterNames));
		add('decision', span, random.pick(day.participants).id, filled, anyTime(span));
	}
	return drafts.sort(
		(a, b) => a.note.createdAt - b.note.createdAt || (a.note.id < b.note.id ? -1 : 1)
	);
}

// ---------------------------------------------------------------------------------------------------
// Text edits

/** How many people type at the same time. */
const CONCURRENT_TYPISTS = 6;
/** Share of sessions in a note rather than a card. */
const NOTE_SESSION_SHARE = 0.05;
/** How long after its block a protocol is still edited. */
const PROTOCOL_TIDY_MS = 10 * MINUTE_MS;
/** Share of sessions in someone else's card or note. */
const FOREIGN_SESSION_SHARE = 0.1;

type Target = ({ kind: 'card' } & CardDraft) | ({ kind: 'note' } & NoteDraft);

const idOf = (target: Target): string => (target.kind === 'card' ? target.card.id : target.note.id);
const authorOf = (target: Target): string =>
	target.kind === 'card' ? target.card.authorId : target.note.authorId;
const createdAtOf = (target: Target): number =>
	target.kind === 'card' ? target.card.createdAt : target.note.createdAt;

/**
 * The saves while `units` (words, or a few words) are typed between `before` and `after`, from the
 * `first`-th unit on. A unit is sometimes saved with a slip first; the slip in the last unit may stay
 * (then `typo` is the final text).
 */
function typing(
	random: Random,
	before: string,
	units: readonly string[],
	after: string,
	first = 1
): { steps: string[]; typo: string | null } {
	const steps: string[] = [];
	for (let k = first; k <= units.length; k++) {
		const typed = units.slice(0, k).join(' ');
		const correct = joinParts([before, typed, after]);
		const slipped = random.chance(0.1) ? misspellLastWord(random, typed) : null;
		if (slipped !== null) {
			const wrong = joinParts([before, slipped, after]);
			steps.push(wrong);
			if (k === units.length && random.chance(0.25)) return { steps, typo: wrong };
		}
		steps.push(correct);
	}
	return { steps, typo: null };
}

/** The saves while the last words of `units` are deleted down to `keep` units, then to none. */
function deleting(before: string, units: readonly string[], after: string, keep: number): string[] {
	const steps: string[] = [];
	for (let k = units.length - 1; k >= keep; k--) {
		steps.push(joinParts([before, units.slice(0, k).join(' '), after]));
	}
	steps.push(joinParts([before, after]));
	return steps;
}

/** A consequence starts with a dash, which is typed together with the word after it. */
const firstUnit = (words: readonly string[]): number => (words[0] === '–' ? 2 : 1);

/** One person's visit to a card: the texts they save. Leaves the draft as the card then stands. */
function cardSession(random: Random, draft: CardDraft): string[] {
	const { parts } = draft;
	if (draft.typo !== null) {
		draft.typo = null;
		return [joinParts(parts)];
	}
	const around = (i: number) => ({
		before: joinParts(parts.slice(0, i)),
		after: joinParts(parts.slice(i + 1))
	});
	const isLast = (i: number) => parts.slice(i + 1).every((p) => p === '');
	const missing = OPTIONAL_PARTS.filter((i) => parts[i] === '');
	const present = OPTIONAL_PARTS.filter((i) => parts[i] !== '');
	const roll = random.float();

	if (missing.length > 0 && (present.length === 0 || roll < 0.45)) {
		// Add a part, typed word by word.
		const i = random.pick(missing);
		const words = random.pick(CARD_PARTS[i]).split(' ');
		const { before, after } = around(i);
		const { steps, typo } = typing(random, before, words, after, firstUnit(words));
		parts[i] = words.join(' ');
		draft.typo = typo;
		return steps;
	}
	if (present.length > 0 && roll < 0.93) {
		const i = random.pick(present);
		const words = parts[i]!.split(' ');
		const { before, after } = around(i);
		const backspace = isLast(i) && random.chance(0.6);
		if (roll < 0.7) {
			// Remove a part: word by word at the end of the text, else selected and deleted at once.
			parts[i] = '';
			return backspace
				? deleting(before, words, after, firstUnit(words))
				: [joinParts([before, after])];
		}
		// Rephrase a part: another of its kind, typed over it.
		const replacement = random.pick(CARD_PARTS[i].filter((p) => p !== parts[i])).split(' ');
		parts[i] = replacement.join(' ');
		if (!backspace) return [joinParts(parts)];
		const removed = deleting(before, words, after, firstUnit(words));
		const { steps, typo } = typing(random, before, replacement, after, firstUnit(replacement));
		draft.typo = typo;
		return [...removed, ...steps];
	}
	// Say it differently: another core of the same theme, pasted over the old one.
	parts[1] = random.pick(draft.theme.cores.filter((core) => core !== parts[1]));
	return [joinParts(parts)];
}

/** Words in chunks of one to three, as a fast typist's saves fall. */
function chunks(random: Random, sentence: string): string[] {
	const words = sentence.split(' ');
	const units: string[] = [];
	for (let i = 0; i < words.length;) {
		const size = random.int(1, 3);
		units.push(words.slice(i, i + size).join(' '));
		i += size;
	}
	return units;
}

/** One person's visit to a note: the texts they save. Leaves the draft as the note then stands. */
function noteSession(random: Random, draft: NoteDraft): string[] {
	const { sentences, note } = draft;
	if (draft.typo !== null) {
		draft.typo = null;
		return [sentences.join(' ')];
	}
	const text = sentences.join(' ');
	const next = noteSentence(random, note.kind, draft.mentions, sentences);
	// Room for the sentence, its space and a slip that doubles a letter.
	const full = text.length + next.length + 2 > NOTE_MAX_LENGTH;
	const roll = random.float();
	if (sentences.length > 1 && (roll < 0.12 || full)) {
		sentences.pop();
		return [sentences.join(' ')];
	}
	if (sentences.length > 1 && roll < 0.25) {
		// Rephrase a sentence after the first (the first says what the note is about).
		const i = random.int(1, sentences.length - 1);
		let replacement = next;
		while (replacement === sentences[i])
			replacement = noteSentence(random, note.kind, draft.mentions, sentences);
		sentences[i] = replacement;
		return [sentences.join(' ')];
	}
	const { steps, typo } = typing(random, text, chunks(random, next), '');
	sentences.push(next);
	draft.typo = typo;
	return steps;
}

interface Session {
	target: Target;
	authorId: string;
	steps: string[];
	next: number;
}

/**
 * `count` edits by up to CONCURRENT_TYPISTS people at a time, each in their own card or note. A visit
 * (session) is planned from the target's text when it begins and saved step by step; targets and
 * people are busy until their visit ends, so no two visits ever see different texts of one target.
 */
function planEdits(
	random: Random,
	day: Day,
	cards: readonly CardDraft[],
	notes: readonly NoteDraft[],
	count: number
): TextEdit[] {
	const targets: Target[] = [
		...cards.map((draft) => ({ kind: 'card' as const, ...draft })),
		...notes.map((draft) => ({ kind: 'note' as const, ...draft }))
	];
	// A protocol is written during its block and tidied up shortly after; the rest stays open all day.
	const openUntil = new Map(
		targets.map((target) => {
			if (target.kind === 'card' || target.note.kind !== 'protocol') return [target, day.nowMs];
			const span = day.begun.find(({ block }) => block.id === target.note.blockId)!;
			return [target, Math.min(day.nowMs, span.to + PROTOCOL_TIDY_MS)];
		})
	);
	// Each edit falls into some target's open time, so edits grow denser as cards arrive.
	const times = Array.from({ length: count }, () => {
		const target = random.pick(targets);
		const from = createdAtOf(target);
		return from + Math.floor(random.float() * (openUntil.get(target)! - from));
	}).sort((a, b) => a - b);
	const byTime = (list: Target[]) => list.sort((a, b) => createdAtOf(a) - createdAtOf(b));
	const cardTargets = byTime(targets.filter((t) => t.kind === 'card'));
	const noteTargets = byTime(targets.filter((t) => t.kind === 'note'));
	const busyTargets = new Set<string>();
	const busyPeople = new Set<string>();
	const typists = Math.min(CONCURRENT_TYPISTS, day.participants.length);

	const eligible = (list: Target[], t: number) => {
		let n = 0;
		while (n < list.length && createdAtOf(list[n]!) <= t) n++;
		return list.slice(0, n).filter((target) => openUntil.get(target)! >= t);
	};
	const isFree = (target: Target) => !busyTargets.has(idOf(target));
	const ownerFree = (target: Target) => !busyPeople.has(authorOf(target));
	/** A target created by `t` that nobody is in; its author must be free unless `foreign`. */
	const chooseTarget = (t: number, foreign: boolean): Target | null => {
		const notesNow = eligible(noteTargets, t);
		const cardsNow = eligible(cardTargets, t);
		for (let attempt = 0; attempt < 20; attempt++) {
			const inNote = random.chance(NOTE_SESSION_SHARE) || cardsNow.length === 0;
			const list = inNote ? notesNow : cardsNow;
			if (list.length === 0) continue;
			const target = random.pick(list);
			// Protocols are written throughout their block: three times as many visits as other notes.
			if (target.kind === 'note' && target.note.kind !== 'protocol' && !random.chance(1 / 3))
				continue;
			if (isFree(target) && (foreign || ownerFree(target))) return target;
		}
		return [...cardsNow, ...notesNow].find((t) => isFree(t) && (foreign || ownerFree(t))) ?? null;
	};
	const start = (t: number): Session | null => {
		const foreign = random.chance(FOREIGN_SESSION_SHARE);
		// A free target whose author is busy still gets a visit, from someone else.
		const target = chooseTarget(t, foreign) ?? chooseTarget(t, true);
		if (target === null) return null;
		const own = authorOf(target);
		const others = day.participants.filter((p) => p.id !== own && !busyPeople.has(p.id));
		const authorId =
			(foreign && others.length > 0) || !ownerFree(target) ? random.pick(others).id : own;
		const steps =
			target.kind === 'card' ? cardSession(random, target) : noteSession(random, target);
		busyTargets.add(idOf(target));
		busyPeople.add(authorId);
		return { target, authorId, steps, next: 0 };
	};

	const edits: TextEdit[] = [];
	const active: Session[] = [];
	for (const at of times) {
		while (active.length < typists) {
			const session = start(at);
			if (session === null) break;
			active.push(session);
		}
		const s = random.int(0, active.length - 1);
		const session = active[s]!;
		const { target } = session;
		edits.push({
			target: target.kind,
			id: idOf(target),
			authorId: session.authorId,
			text: session.steps[session.next]!,
			at
		});
		session.next += 1;
		if (session.next === session.steps.length) {
			active.splice(s, 1);
			busyTargets.delete(idOf(target));
			busyPeople.delete(session.authorId);
		}
	}
	return edits;
}

// ---------------------------------------------------------------------------------------------------
// The whole day

// ---------------------------------------------------------------------------------------------------
// Votes and the matrix

function planVoting(
	random: Random,
	day: Day,
	cards: Card[],
	clusters: Cluster[],
	total: number
): Pick<WorkshopDayPlan, 'voting' | 'votes' | 'scores'> {
	const vote = day.begun.find(({ block }) => block.method === 'punktabfrage');
	const source = day.begun
		.filter(({ block, index }) => block.method === 'kartenabfrage' && index < (vote?.index ?? -1))
		.at(-1);
	if (!vote || !source) return { voting: null, votes: [], scores: [] };
	const voting = { blockId: vote.block.id, sourceBlockId: source.block.id, rules: GENERATED_RULES };
	// As the board shows them: surviving cards, clustered ones first.
	const items = votingItems(boardView(cards, clusters, source.block.id), 'cards');
	const survivors = cards.filter((card) => items.some((item) => item.id === card.id));
	const popularity = new Map(clusters.map((c) => [c.id, 0.2 + 2 * random.float() ** 2]));
	const ids = new Ids(random);
	const votes = planVotes(random, {
		participants: day.participants,
		cards: survivors,
		weightOf: (card) => (card.clusterId === null ? 0.3 : (popularity.get(card.clusterId) ?? 0.3)),
		voting,
		from: vote.from,
		to: vote.to,
		total,
		makeId: (time) => ids.make(time)
	});
	// The matrix scores what the app puts into it: the entries with the most dots.
	const given = votes.filter((v) => !v.withdrawn);
	const results = voteResults(
		items.map((item) => item.id),
		given,
		voting.rules
	);
	const entries = matrixEntries(items, results).map((item) => item.id);
	return { voting, votes, scores: planScores(random, day.participants, entries) };
}

/** Two different facilitators, as a facilitator types them: "Katrin Behrens, Jonas Albers". */
function pickFacilitators(random: Random): string {
	const first = random.int(0, FACILITATORS.length - 1);
	const second = (first + random.int(1, FACILITATORS.length - 1)) % FACILITATORS.length;
	return `${FACILITATORS[first]!}, ${FACILITATORS[second]!}`;
}

function checkCount(name: string, value: number, max: number, min = 0): void {
	if (!Number.isInteger(value) || value < min || value > max)
		throw new RangeError(`${name} must be a whole number ${min}–${max}: ${value}`);
}

/**
 * A full workshop day: see the header of this file for what it looks like. The same options give a
 * deep-equal plan; it holds only plain data (JSON round-trips it unchanged).
 */
export function generateWorkshopDay(options: GenerateWorkshopDayOptions): WorkshopDayPlan {
	const {
		seed,
		participants = 30,
		cards = 500,
		textEdits = 20_000,
		votes = 3_000,
		measures = 25
	} = options;
	checkCount('participants', participants, 200, 1);
	checkCount('cards', cards, 5_000);
	checkCount('textEdits', textEdits, 200_000);
	checkCount('votes', votes, 20_000);
	checkCount('measures', measures, 1_000);
	const nextStream = streamsOf(seed);
	const day = planDay(nextStream(), participants);
	const { clusters, drafts: cardDrafts, sortedFrom } = planCards(nextStream(), day, cards);
	const clusterNames = clusters.map((cluster) => cluster.name);
	const noteDrafts = planNotes(nextStream(), day, clusterNames, sortedFrom);
	// Edits change the drafts' parts and sentences, never the cards and notes as written.
	const edits = planEdits(nextStream(), day, cardDrafts, noteDrafts, textEdits);
	const cardPlan = cardDrafts.map((draft) => draft.card);
	const voted = planVoting(nextStream(), day, cardPlan, clusters, votes);
	const measureRandom = nextStream();
	// A stream of its own after all others, so adding the facilitators changed no other part of a day.
	const facilitatorRandom = nextStream();
	const ids = new Ids(measureRandom);
	const current = day.begun.at(-1)!;
	const planned = planMeasures(measureRandom, {
		participants: day.participants,
		workshopDate: day.workshop.date,
		from: current.from,
		to: current.to,
		count: measures,
		matrixItemIds: [...new Set(voted.scores.map((score) => score.itemId))],
		clusterIds: clusters.map((cluster) => cluster.id),
		makeId: (time) => ids.make(time)
	});
	return {
		seed,
		workshop: { ...day.workshop, facilitators: pickFacilitators(facilitatorRandom) },
		dayStartMs: day.dayStartMs,
		nowMs: day.nowMs,
		participants: day.participants,
		blocks: day.blocks,
		run: {
			...day.run,
			started: day.begun.map(({ block, from }) => ({ blockId: block.id, at: from }))
		},
		clusters,
		cards: cardPlan,
		notes: noteDrafts.map((draft) => draft.note),
		edits,
		...voted,
		...planned
	};
}
