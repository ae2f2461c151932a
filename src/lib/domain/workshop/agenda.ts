// The agenda of a workshop day: blocks in fractional-index order, their clock times from the day's
// start, how far the day runs behind plan, and templates to start from.

import { generateNKeysBetween } from 'fractional-indexing';
import { checkGermanNumber, type NumberRange } from '../german-number';
import { validateTitle, type Checked } from '../session-input';
import { compareByOrder } from './ordering';

export const BLOCK_METHODS = [
	'begruessung',
	'input',
	'kartenabfrage',
	'diskussion',
	'punktabfrage',
	'matrix',
	'handlungsfelder',
	'pause',
	'abschluss',
	'sonstiges'
] as const;

export type BlockMethod = (typeof BLOCK_METHODS)[number];

export const isBlockMethod = (value: unknown): value is BlockMethod =>
	typeof value === 'string' && (BLOCK_METHODS as readonly string[]).includes(value);

export interface AgendaBlock {
	id: string;
	title: string;
	method: BlockMethod;
	durationMinutes: number;
	/** Fractional index (ordering.ts). */
	order: string;
	/** The question of a Kartenabfrage. */
	question?: string;
}

/** The fields of a block that a facilitator edits in a form; an empty question means none. */
export type BlockFields = Omit<AgendaBlock, 'id' | 'order' | 'question'> & { question: string };

/** A block with its planned clock times, in minutes after midnight. */
export type ScheduledBlock = AgendaBlock & { startsAt: number; endsAt: number };

const DURATION_RANGE: NumberRange = { min: 1, max: 480, decimals: 0 };
const DAY_MINUTES = 24 * 60;
const MINUTE_MS = 60_000;

/** Trimmed, 1–120 characters, no control characters ('title_invalid', as for workshop titles). */
export const validateBlockTitle = validateTitle;

/** Whole minutes from 1 to 480 (a working day), typed ("45") or already a number. */
export function validateDuration(raw: string | number): Checked<number, 'duration_invalid'> {
	const checked = checkGermanNumber(raw, DURATION_RANGE);
	return checked.kind === 'number'
		? { ok: true, value: checked.value }
		: { ok: false, error: 'duration_invalid' };
}

export const sortBlocks = <T extends AgendaBlock>(blocks: readonly T[]): T[] =>
	[...blocks].sort(compareByOrder);

/** The blocks in order, back to back from `startMinutes` (minutes after midnight). */
export function scheduleOf(blocks: readonly AgendaBlock[], startMinutes: number): ScheduledBlock[] {
	let startsAt = startMinutes;
	return sortBlocks(blocks).map((block) => {
		const endsAt = startsAt + block.durationMinutes;
		const scheduled = { ...block, startsAt, endsAt };
		startsAt = endsAt;
		return scheduled;
	});
}

/** "9:00", "09:30" or, as Germans also write it, "9.30": minutes after midnight, or null. */
export function parseClockTime(raw: string): number | null {
	const match = /^(\d{1,2})[:.](\d{2})$/.exec(raw.trim());
	if (!match) return null;
	const hours = Number(match[1]);
	const minutes = Number(match[2]);
	return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/** "09:30"; a day running past midnight shows the next day's clock ("00:10"). */
export function formatClockTime(minutes: number): string {
	const ofDay = ((Math.floor(minutes) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${pad(Math.floor(ofDay / 60))}:${pad(ofDay % 60)}`;
}

export interface DeviationInput {
	schedule: readonly ScheduledBlock[];
	currentBlockId: string | null;
	/** Server time (ms) at which the current block was started. */
	currentSinceMs: number | null;
	nowMs: number;
	/** Server time (ms) of the day's planned start, the first block's `startsAt`. */
	dayStartMs: number;
}

/**
 * Minutes the day runs behind plan (negative: ahead), whole minutes rounded toward zero. The current
 * block is expected to end after its full duration, or now if it has overrun; compared with its
 * planned end. Null without a current block, its start time, or when it is not in the schedule.
 */
export function deviationMinutes(input: DeviationInput): number | null {
	const { schedule, currentBlockId, currentSinceMs, nowMs, dayStartMs } = input;
	const current = schedule.find((block) => block.id === currentBlockId);
	if (current === undefined || currentSinceMs === null) return null;
	const expectedEnd = Math.max(currentSinceMs + current.durationMinutes * MINUTE_MS, nowMs);
	const plannedEnd = dayStartMs + (current.endsAt - schedule[0]!.startsAt) * MINUTE_MS;
	// `|| 0` turns the -0 of a small lead into 0.
	return Math.trunc((expectedEnd - plannedEnd) / MINUTE_MS) || 0;
}

type TemplateBlock = Omit<AgendaBlock, 'id' | 'order'>;

export interface AgendaTemplate {
	id: string;
	title: string;
	blocks: readonly TemplateBlock[];
}

const WHAT_HINDERS = 'Was hindert uns heute daran, digitaler zu arbeiten?';

export const AGENDA_TEMPLATES: readonly AgendaTemplate[] = [
	{
		id: 'digital-check-tag',
		title: 'Digital-Check-Workshop (ganzer Tag)',
		// 9:00 to 16:00
		blocks: [
			{ title: 'Begrüßung und Ziele', method: 'begruessung', durationMinutes: 20 },
			{ title: 'Ergebnisse des Digital-Checks', method: 'input', durationMinutes: 45 },
			{
				title: 'Kartenabfrage: Was hindert uns heute?',
				method: 'kartenabfrage',
				durationMinutes: 30,
				question: WHAT_HINDERS
			},
			{ title: 'Kaffeepause', method: 'pause', durationMinutes: 15 },
			{ title: 'Karten clustern', method: 'diskussion', durationMinutes: 40 },
			{
				title: 'Punktabfrage: Was ist am dringendsten?',
				method: 'punktabfrage',
				durationMinutes: 30
			},
			{ title: 'Mittagspause', method: 'pause', durationMinutes: 45 },
			{ title: 'Nutzen und Aufwand bewerten', method: 'matrix', durationMinutes: 50 },
			{ title: 'Handlungsfelder festlegen', method: 'handlungsfelder', durationMinutes: 45 },
			{ title: 'Kaffeepause', method: 'pause', durationMinutes: 15 },
			{ title: 'Maßnahmen skizzieren', method: 'diskussion', durationMinutes: 60 },
			{ title: 'Abschluss und nächste Schritte', method: 'abschluss', durationMinutes: 25 }
		]
	},
	{
		id: 'digital-check-halbtag',
		title: 'Digital-Check-Workshop (halber Tag)',
		// 9:00 to 12:30
		blocks: [
			{ title: 'Begrüßung und Ziele', method: 'begruessung', durationMinutes: 15 },
			{ title: 'Ergebnisse des Digital-Checks', method: 'input', durationMinutes: 35 },
			{
				title: 'Kartenabfrage: Was hindert uns heute?',
				method: 'kartenabfrage',
				durationMinutes: 25,
				question: WHAT_HINDERS
			},
			{ title: 'Karten clustern', method: 'diskussion', durationMinutes: 25 },
			{ title: 'Kaffeepause', method: 'pause', durationMinutes: 15 },
			{
				title: 'Punktabfrage: Was ist am dringendsten?',
				method: 'punktabfrage',
				durationMinutes: 20
			},
			{ title: 'Handlungsfelder festlegen', method: 'handlungsfelder', durationMinutes: 45 },
			{ title: 'Abschluss und nächste Schritte', method: 'abschluss', durationMinutes: 30 }
		]
	}
];

/**
 * The blocks of a template (none for an unknown id). Ids and keys depend only on the template, so two
 * devices applying it offline write the same records and end with one agenda, not two (ADR 8).
 */
export function blocksFromTemplate(templateId: string): AgendaBlock[] {
	const template = AGENDA_TEMPLATES.find((candidate) => candidate.id === templateId);
	if (template === undefined) return [];
	const orders = generateNKeysBetween(null, null, template.blocks.length);
	return template.blocks.map((block, index) => ({
		...block,
		id: `tpl.${template.id}.${String(index + 1).padStart(2, '0')}`,
		order: orders[index]!
	}));
}
