// The SMART check of issue 18: what a measure still lacks to be specific, measurable and timed, said in
// words next to it. Warnings never block typing; they are computed from the measures as they are.
//
// Times compare by the days they cover: a due date is "before" another point only when its last day
// lies before the other's first day, so "Q3 2027" and "15.08.2027" never warn against each other.

import { dependencyComponents } from './dependencies';
import { isOpenStatus, type Measure } from './measure';
import { firstDay, lastDay, quarterOf } from './schedule';

/**
 * More than this many open measures (geplant or in Arbeit) due in one quarter for one owner is an
 * overload hint; what is done or put back weighs on nobody.
 */
export const OVERLOAD_LIMIT = 3;

export type SmartWarningCode =
	| 'owner_missing'
	| 'due_missing'
	| 'indicator_missing'
	| 'due_before_start'
	| 'due_before_dependency'
	| 'dependency_cycle'
	| 'owner_overloaded';

export type SmartWarning = {
	code: SmartWarningCode;
	measureId: string;
	/** due_before_dependency: the dependency due later; dependency_cycle: a dependency on the cycle. */
	dependencyId?: string;
	/** owner_overloaded: the canonical quarter (`2027-Q3`). */
	quarter?: string;
	/** owner_overloaded: the owner as this measure names them. */
	owner?: string;
	/** owner_overloaded: how many measures the owner has due in that quarter. */
	count?: number;
};

/** Owners are the same person or role whatever the spacing or case: "Kämmerei " is "kämmerei". */
export const ownerKey = (owner: string): string =>
	owner.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The warnings of every measure passed (removed ones are not), in the order of the codes above;
 * a measure without warnings has an empty list. Dependencies on measures not passed are ignored.
 */
export function smartWarnings(
	measures: readonly Measure[],
	limit = OVERLOAD_LIMIT
): Map<string, SmartWarning[]> {
	const component = dependencyComponents(measures);
	// Each measure's owner and days read once: the plan checks hundreds of measures on every change.
	const facts = new Map(
		measures.map((m) => {
			const owner = ownerKey(m.owner);
			const quarter = m.due === null ? null : quarterOf(m.due);
			return [
				m.id,
				{
					owner,
					quarter,
					dueFirst: m.due === null ? null : firstDay(m.due),
					dueLast: m.due === null ? null : lastDay(m.due),
					load:
						owner === '' || quarter === null || !isOpenStatus(m.status)
							? null
							: `${quarter} ${owner}`
				}
			];
		})
	);
	const load = new Map<string, number>();
	for (const { load: key } of facts.values()) {
		if (key !== null) load.set(key, (load.get(key) ?? 0) + 1);
	}

	const warnings = new Map<string, SmartWarning[]>();
	for (const m of measures) {
		const list: SmartWarning[] = [];
		const warn = (code: SmartWarningCode, extra: Partial<SmartWarning> = {}) =>
			list.push({ code, measureId: m.id, ...extra });
		const own = facts.get(m.id)!;
		const dependencies = [...new Set(m.dependsOn)].filter((d) => facts.has(d));

		if (own.owner === '') warn('owner_missing');
		if (m.due === null) warn('due_missing');
		if (m.indicator.trim() === '') warn('indicator_missing');
		if (m.start !== null && own.dueLast !== null && own.dueLast < firstDay(m.start)) {
			warn('due_before_start');
		}
		for (const dependencyId of dependencies) {
			const dependencyFirst = facts.get(dependencyId)!.dueFirst;
			if (own.dueLast !== null && dependencyFirst !== null && own.dueLast < dependencyFirst) {
				warn('due_before_dependency', { dependencyId });
			}
		}
		// A dependency in the measure's own component leads back to it: itself, or a cycle through both.
		const onCycle = dependencies.find((d) => component.get(d) === component.get(m.id));
		if (onCycle !== undefined) warn('dependency_cycle', { dependencyId: onCycle });
		const count = own.load === null ? 0 : load.get(own.load)!;
		if (count > limit) {
			warn('owner_overloaded', {
				owner: m.owner.trim().replace(/\s+/g, ' '),
				quarter: own.quarter!,
				count
			});
		}
		warnings.set(m.id, list);
	}
	return warnings;
}
