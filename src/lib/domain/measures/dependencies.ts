// Dependencies between measures ("B needs A done first"), as the `dependsOn` ids of each measure. A
// dependency that closes a cycle is refused when it is written (issue 18), but two devices offline can
// each add one half of a cycle, and both keys stay (ADR 17); so the cycles a document holds are found
// too, and shown as a warning (smart-check.ts) until someone removes one half.
//
// Dependencies on ids that are not among the measures passed (a removed measure) are ignored.

import type { Measure } from './measure';

type Node = Pick<Measure, 'id' | 'dependsOn'>;

function graph(measures: readonly Node[]): Map<string, string[]> {
	const ids = new Set(measures.map((m) => m.id));
	return new Map(measures.map((m) => [m.id, m.dependsOn.filter((d) => ids.has(d))]));
}

/** Whether letting `measureId` depend on `dependsOnId` would close a cycle (itself included). */
export function wouldCreateCycle(
	measures: readonly Node[],
	measureId: string,
	dependsOnId: string
): boolean {
	if (measureId === dependsOnId) return true;
	// A cycle closes if `measureId` is already reachable from `dependsOnId`.
	const edges = graph(measures);
	const seen = new Set<string>([dependsOnId]);
	const stack = [dependsOnId];
	while (stack.length > 0) {
		for (const next of edges.get(stack.pop()!) ?? []) {
			if (next === measureId) return true;
			if (!seen.has(next)) {
				seen.add(next);
				stack.push(next);
			}
		}
	}
	return false;
}

/**
 * Each measure's strongly connected component (Tarjan, without recursion so that a long chain of
 * dependencies cannot overflow the stack): measures in one component of more than one, or depending on
 * themselves, lie on a cycle.
 */
export function dependencyComponents(measures: readonly Node[]): Map<string, number> {
	const edges = graph(measures);
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const onStack = new Set<string>();
	const stack: string[] = [];
	const component = new Map<string, number>();
	let counter = 0;
	let components = 0;

	for (const root of edges.keys()) {
		if (index.has(root)) continue;
		const work: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
		index.set(root, counter);
		low.set(root, counter++);
		stack.push(root);
		onStack.add(root);
		while (work.length > 0) {
			const frame = work[work.length - 1]!;
			const targets = edges.get(frame.id)!;
			if (frame.next < targets.length) {
				const target = targets[frame.next++]!;
				if (!index.has(target)) {
					index.set(target, counter);
					low.set(target, counter++);
					stack.push(target);
					onStack.add(target);
					work.push({ id: target, next: 0 });
				} else if (onStack.has(target)) {
					low.set(frame.id, Math.min(low.get(frame.id)!, index.get(target)!));
				}
				continue;
			}
			work.pop();
			const parent = work[work.length - 1];
			if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
			if (low.get(frame.id) === index.get(frame.id)) {
				let member: string;
				do {
					member = stack.pop()!;
					onStack.delete(member);
					component.set(member, components);
				} while (member !== frame.id);
				components++;
			}
		}
	}
	return component;
}

/** The ids of all measures on a dependency cycle. */
export function cycleMembers(measures: readonly Node[]): Set<string> {
	const component = dependencyComponents(measures);
	const sizes = new Map<number, number>();
	for (const c of component.values()) sizes.set(c, (sizes.get(c) ?? 0) + 1);
	const members = new Set<string>();
	for (const m of measures) {
		const c = component.get(m.id)!;
		if (sizes.get(c)! > 1 || m.dependsOn.includes(m.id)) members.add(m.id);
	}
	return members;
}
