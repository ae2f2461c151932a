// Maßnahmen (measures, ADR 17): what the municipality will do under one Handlungsfeld, with an owner,
// a time frame, resources, an indicator and a status history. A measure lives on the board of the
// workshop it was written in; the municipality's plan reads the boards of all its workshops.
//
// Times are stored in one canonical form, so every device compares them the same way: a quarter as
// `2027-Q3`, a day as `2027-09-30`. What people type and read ("Q3 2027", "30.09.2027") is converted in
// schedule.ts.

import type { DimensionId } from '../check/catalog-types';

export const MEASURE_STATUSES = ['geplant', 'in_arbeit', 'umgesetzt', 'zurueckgestellt'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const isMeasureStatus = (value: unknown): value is MeasureStatus =>
	typeof value === 'string' && (MEASURE_STATUSES as readonly string[]).includes(value);

/** Still to be done: a measure "umgesetzt" or "zurückgestellt" is no longer on anyone's desk. */
export const isOpenStatus = (status: MeasureStatus): boolean =>
	status === 'geplant' || status === 'in_arbeit';

/** `2027-Q3` or `2027-09-30`: a quarter or a day, years 2000–2099. */
export type SchedulePoint = string;

const QUARTER = /^(20\d\d)-Q([1-4])$/;
const DAY = /^(20\d\d)-(\d\d)-(\d\d)$/;

export function isSchedulePoint(value: unknown): value is SchedulePoint {
	if (typeof value !== 'string') return false;
	if (QUARTER.test(value)) return true;
	const day = DAY.exec(value);
	if (!day) return false;
	const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
	const real = new Date(Date.UTC(year, month - 1, date));
	return real.getUTCMonth() === month - 1 && real.getUTCDate() === date;
}

/** One status change, kept for good: who set which status when (device clock, ms since the epoch). */
export interface StatusChange {
	id: string;
	measureId: string;
	status: MeasureStatus;
	/** The writer's id: a participant id, or the facilitator's token subject. */
	by: string;
	/** The name shown for `by` when it was written. */
	byName: string;
	at: number;
	note?: string;
}

/** Where a measure came from: a card, a group, or an item of the impact × effort matrix. */
export type MeasureSourceKind = 'card' | 'cluster' | 'matrix';

export interface MeasureSource {
	kind: MeasureSourceKind;
	/** The card's or group's id (a matrix item is a card or a group too). */
	itemId: string;
}

export interface Measure {
	id: string;
	actionFieldId: string;
	title: string;
	description: string;
	dimensions: DimensionId[];
	/** A role or a name, as typed; empty when nobody is named yet. */
	owner: string;
	start: SchedulePoint | null;
	due: SchedulePoint | null;
	/** Whole euros. */
	budgetEur: number | null;
	/** Staff days, halves allowed. */
	staffDays: number | null;
	indicator: string;
	target: string;
	/** The current status: the latest change's, `geplant` without any (status-history.ts). */
	status: MeasureStatus;
	quickWin: boolean;
	/** ARS of neighbouring municipalities known to the app. */
	ikzPartners: string[];
	/** Other partners, as typed. */
	ikzOther: string;
	/** Ids of measures this one depends on. */
	dependsOn: string[];
	sources: MeasureSource[];
	/** Notes kept after the day (follow-up). */
	notes: string;
	/** Fractional index among the measures of its Handlungsfeld. */
	order: string;
	authorId: string;
	createdAt: number;
}
