// German words for what the measures domain answers in codes and numbers: statuses, SMART warnings,
// time frames and resources, as the Maßnahmen, the roadmap and the plan show them.
import { m } from '$lib/paraglide/messages.js';
import { formatGermanNumber } from '$lib/domain/german-number';
import type { Measure, MeasureStatus } from '$lib/domain/measures/measure';
import { formatQuarter, formatSchedule } from '$lib/domain/measures/schedule';
import { OVERLOAD_LIMIT, type SmartWarning } from '$lib/domain/measures/smart-check';

const STATUS_LABELS: Record<MeasureStatus, () => string> = {
	geplant: m.measure_status_geplant,
	in_arbeit: m.measure_status_in_arbeit,
	umgesetzt: m.measure_status_umgesetzt,
	zurueckgestellt: m.measure_status_zurueckgestellt
};

/** A status as people read it in lists, filters and the history. */
export const statusLabel = (status: MeasureStatus): string => STATUS_LABELS[status]();

/** A warning in words; `titleOf` names the other measure of a dependency warning. */
export function warningText(warning: SmartWarning, titleOf: (id: string) => string): string {
	const other = warning.dependencyId ? titleOf(warning.dependencyId) : '';
	switch (warning.code) {
		case 'owner_missing':
			return m.ms_w_owner_missing();
		case 'due_missing':
			return m.ms_w_due_missing();
		case 'indicator_missing':
			return m.ms_w_indicator_missing();
		case 'due_before_start':
			return m.ms_w_due_before_start();
		case 'due_before_dependency':
			return m.ms_w_due_before_dependency({ title: other });
		case 'dependency_cycle':
			return m.ms_w_dependency_cycle({ title: other });
		case 'owner_overloaded':
			return m.ms_w_owner_overloaded({
				owner: warning.owner ?? '',
				quarter: warning.quarter ? formatQuarter(warning.quarter) : '',
				count: warning.count ?? 0,
				limit: OVERLOAD_LIMIT
			});
	}
}

/** Who is responsible, or "niemand benannt", as the roadmap and the plan show it. */
export const ownerText = (measure: Pick<Measure, 'owner'>): string =>
	measure.owner.trim() || m.roadmap_no_owner();

/** A start or due ("Q3 2027", "30.09.2027"), or "offen" when it is not set. */
export const scheduleText = (value: Measure['start']): string =>
	value ? formatSchedule(value) : m.roadmap_no_time();

/**
 * "Q1 2027 bis 30.09.2027", "ab Q1 2027", "bis Q3 2027", "Q4 2027" when it starts and ends in the
 * same quarter or on the same day (not "Q4 2027 bis Q4 2027"), or '' when neither is set.
 */
export function timeFrame(measure: Pick<Measure, 'start' | 'due'>): string {
	const { start, due } = measure;
	if (start && start === due) return formatSchedule(start);
	if (start && due)
		return m.ms_when_from_to({ from: formatSchedule(start), to: formatSchedule(due) });
	if (start) return m.ms_when_from({ from: formatSchedule(start) });
	if (due) return m.ms_when_to({ to: formatSchedule(due) });
	return '';
}

/** "12.500 €, 2,5 Personentage", or '' when neither is set. */
export function resources(measure: Pick<Measure, 'budgetEur' | 'staffDays'>): string {
	return [
		measure.budgetEur === null
			? ''
			: m.ms_budget_value({ amount: formatGermanNumber(measure.budgetEur, 0) }),
		measure.staffDays === null
			? ''
			: m.ms_staff_value({ days: formatGermanNumber(measure.staffDays, 1) })
	]
		.filter(Boolean)
		.join(', ');
}
