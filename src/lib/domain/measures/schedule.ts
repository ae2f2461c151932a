// When a measure starts and is due, as people type and read it: a quarter ("Q3 2027", "3. Quartal
// 2027") or a day ("30.09.2027"). Stored canonically (measure.ts: `2027-Q3`, `2027-09-30`) so every
// device compares alike; shown in German. A day that does not exist (31.02.2027) is refused, never
// rolled over into March.

import type { Checked } from '../session-input';
import { isSchedulePoint, type SchedulePoint } from './measure';

export type ScheduleError = 'schedule_invalid';

const CANONICAL_QUARTER = /^(\d{4})-Q([1-4])$/;
const CANONICAL_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

// Quarter first ("Q3 2027", "Q3/2027", "3. Quartal 2027") or year first ("2027-Q3"). A bare "3/2027" is
// not taken: it may mean March as well.
const TYPED_QUARTERS: ReadonlyArray<{ pattern: RegExp; quarter: number; year: number }> = [
	{ pattern: /^q\s*([1-4])\s*[/\s-]?\s*(\d{4})$/i, quarter: 1, year: 2 },
	{ pattern: /^([1-4])\s*\.?\s*quartal\s*[/\s-]?\s*(\d{4})$/i, quarter: 1, year: 2 },
	{ pattern: /^(\d{4})\s*[/\s-]?\s*q\s*([1-4])$/i, quarter: 2, year: 1 }
];
const GERMAN_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

const pad = (value: number): string => String(value).padStart(2, '0');

/** What was typed into a start or due field; empty is null (not set). */
export function parseSchedule(raw: string): Checked<SchedulePoint | null, ScheduleError> {
	const text = raw.trim().replace(/\s+/g, ' ');
	if (text === '') return { ok: true, value: null };
	for (const { pattern, quarter, year } of TYPED_QUARTERS) {
		const match = pattern.exec(text);
		if (match) return checked(`${match[year]}-Q${match[quarter]}`);
	}
	const german = GERMAN_DAY.exec(text);
	if (german) {
		// "30.09.27" is read in this century, as every date the app plans is.
		const year = german[3]!.length === 2 ? `20${german[3]}` : german[3]!;
		return checked(`${year}-${pad(Number(german[2]))}-${pad(Number(german[1]))}`);
	}
	const iso = ISO_DAY.exec(text);
	if (iso) return checked(`${iso[1]}-${pad(Number(iso[2]))}-${pad(Number(iso[3]))}`);
	return { ok: false, error: 'schedule_invalid' };
}

// isSchedulePoint refuses days that do not exist and years outside 2000–2099.
const checked = (point: string): Checked<SchedulePoint, ScheduleError> =>
	isSchedulePoint(point) ? { ok: true, value: point } : { ok: false, error: 'schedule_invalid' };

function parts(point: SchedulePoint): { year: number; quarter: number; day: string | null } {
	const quarter = CANONICAL_QUARTER.exec(point);
	if (quarter && isSchedulePoint(point)) {
		return { year: Number(quarter[1]), quarter: Number(quarter[2]), day: null };
	}
	const day = CANONICAL_DAY.exec(point);
	if (day && isSchedulePoint(point)) {
		return { year: Number(day[1]), quarter: Math.ceil(Number(day[2]) / 3), day: point };
	}
	// Stored points are checked when read from the document, so this is a programming error.
	throw new RangeError(`not a schedule point: ${JSON.stringify(point)}`);
}

/** "Q3 2027" for a quarter, "30.09.2027" for a day. */
export function formatSchedule(point: SchedulePoint): string {
	const { day } = parts(point);
	if (day === null) return formatQuarter(point);
	const [year, month, date] = day.split('-');
	return `${date}.${month}.${year}`;
}

/** The canonical quarter (`2027-Q3`) a point lies in. */
export function quarterOf(point: SchedulePoint): string {
	const { year, quarter } = parts(point);
	return `${year}-Q${quarter}`;
}

/** "Q3 2027" for the quarter of `point`. */
export function formatQuarter(quarter: string): string {
	const { year, quarter: number } = parts(quarter);
	return `Q${number} ${year}`;
}

/** The first day (ISO) a point covers: the day itself, or the quarter's first day. */
export function firstDay(point: SchedulePoint): string {
	const { year, quarter, day } = parts(point);
	return day ?? `${year}-${pad(quarter * 3 - 2)}-01`;
}

/** The last day (ISO) a point covers: the day itself, or the quarter's last day. */
export function lastDay(point: SchedulePoint): string {
	const { year, quarter, day } = parts(point);
	return day ?? `${year}-${pad(quarter * 3)}-${quarter === 1 || quarter === 4 ? 31 : 30}`;
}

/** Every quarter from the quarter of `from` to that of `to`, both included; empty if `to` is earlier. */
export function quartersBetween(from: SchedulePoint, to: SchedulePoint): string[] {
	const start = parts(from);
	const end = parts(to);
	const quarters: string[] = [];
	for (
		let index = start.year * 4 + start.quarter - 1;
		index <= end.year * 4 + end.quarter - 1;
		index++
	) {
		quarters.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
	}
	return quarters;
}
