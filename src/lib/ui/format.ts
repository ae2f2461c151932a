// German number formatting for display ("548.000", "1,5"); parsing lives in the domain layer.
// The formatters are built on first use, not when the module loads: the first Intl object of a page
// initialises the locale data (some 20 ms on the machine that runs `npm run bench`), which would delay every page's heading.
let integer: Intl.NumberFormat | undefined;
let oneDecimal: Intl.NumberFormat | undefined;

export const formatInteger = (n: number): string =>
	(integer ??= new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 })).format(n);
export const formatDecimal = (n: number): string =>
	(oneDecimal ??= new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 })).format(n);

let dateFormat: Intl.DateTimeFormat | undefined;
let timeFormat: Intl.DateTimeFormat | undefined;

/** "15.03.2027" from an ISO date (YYYY-MM-DD), read as a calendar day, not a moment. */
export function formatDate(isoDate: string): string {
	const [year, month, day] = isoDate.split('-').map(Number);
	return (dateFormat ??= new Intl.DateTimeFormat('de-DE', {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		timeZone: 'UTC'
	})).format(new Date(Date.UTC(year!, month! - 1, day!)));
}

/** "14:05" in the device's time zone, from milliseconds since the epoch. */
export const formatTime = (ms: number): string =>
	(timeFormat ??= new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit' })).format(
		new Date(ms)
	);

let momentFormat: Intl.DateTimeFormat | undefined;
let dayFormat: Intl.DateTimeFormat | undefined;

/** "14:05:09" for a moment today, "01.12., 14:05:09" for an earlier day: when something was stored. */
export function formatMoment(ms: number, now: number = Date.now()): string {
	momentFormat ??= new Intl.DateTimeFormat('de-DE', {
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	});
	const time = momentFormat.format(new Date(ms));
	if (new Date(ms).toDateString() === new Date(now).toDateString()) return time;
	dayFormat ??= new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit' });
	return `${dayFormat.format(new Date(ms))}, ${time}`;
}

let dateTimeFormat: Intl.DateTimeFormat | undefined;

/** "13.12.2026, 14:05" in the device's time zone: when a change was made, on any day. */
export const formatDateTime = (ms: number): string =>
	(dateTimeFormat ??= new Intl.DateTimeFormat('de-DE', {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit'
	})).format(new Date(ms));
