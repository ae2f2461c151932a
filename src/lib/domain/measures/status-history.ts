// The status of a measure is its history (ADR 17): every change stays, the current status is the
// latest. Two people setting a status offline both stay in the history; every device picks the same
// current one, because ties of the device clocks are broken by the change's id.

import type { MeasureStatus, StatusChange } from './measure';

/** Newest first: later `at` first, on the same `at` the greater id (code units, not locale). */
function newestFirst(a: StatusChange, b: StatusChange): number {
	if (a.at !== b.at) return b.at - a.at;
	return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The status set last among `changes` (one measure's); `geplant` when there is none. */
export function currentStatus(changes: readonly StatusChange[]): MeasureStatus {
	let latest: StatusChange | undefined;
	for (const change of changes) {
		if (!latest || newestFirst(change, latest) < 0) latest = change;
	}
	return latest?.status ?? 'geplant';
}

/** The changes of one measure, newest first. */
export function historyOf(changes: readonly StatusChange[], measureId: string): StatusChange[] {
	return changes.filter((c) => c.measureId === measureId).sort(newestFirst);
}
