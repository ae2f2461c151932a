import { describe, expect, it } from 'vitest';
import { cycleMembers, wouldCreateCycle } from './dependencies';

/** Measures written as "a→b" meaning a depends on b. */
function measures(...edges: string[]): Array<{ id: string; dependsOn: string[] }> {
	const byId = new Map<string, string[]>();
	for (const edge of edges) {
		const [from, to] = edge.split('→') as [string, string | undefined];
		byId.set(from, [...(byId.get(from) ?? []), ...(to ? [to] : [])]);
		if (to && !byId.has(to)) byId.set(to, []);
	}
	return [...byId].map(([id, dependsOn]) => ({ id, dependsOn }));
}

describe('a new dependency between measures', () => {
	it('is refused when a measure would depend on itself', () => {
		expect(wouldCreateCycle(measures('a'), 'a', 'a')).toBe(true);
	});

	it('is refused when it closes a cycle of two', () => {
		// b depends on a; a depending on b closes a↔b.
		expect(wouldCreateCycle(measures('b→a'), 'a', 'b')).toBe(true);
	});

	it('is refused when it closes a longer cycle', () => {
		// d→c→b→a; a depending on d closes the loop, a depending on c or b too.
		const chain = measures('d→c', 'c→b', 'b→a');
		expect(wouldCreateCycle(chain, 'a', 'd')).toBe(true);
		expect(wouldCreateCycle(chain, 'a', 'c')).toBe(true);
		expect(wouldCreateCycle(chain, 'a', 'b')).toBe(true);
	});

	it('is allowed along the chain and across branches that do not lead back', () => {
		const chain = measures('d→c', 'c→b', 'b→a');
		expect(wouldCreateCycle(chain, 'd', 'a')).toBe(false);
		expect(wouldCreateCycle(chain, 'd', 'b')).toBe(false);
		// A diamond: e depends on b and c, both on a; e on a too is no cycle.
		const diamond = measures('e→b', 'e→c', 'b→a', 'c→a');
		expect(wouldCreateCycle(diamond, 'e', 'a')).toBe(false);
		expect(wouldCreateCycle(diamond, 'c', 'b')).toBe(false);
		expect(wouldCreateCycle(diamond, 'a', 'e')).toBe(true);
	});

	it('ignores dependencies on measures no longer there', () => {
		// b depended on x, which was removed; x's own dependency on a is not passed either.
		expect(
			wouldCreateCycle(
				[
					{ id: 'a', dependsOn: [] },
					{ id: 'b', dependsOn: ['x'] }
				],
				'a',
				'b'
			)
		).toBe(false);
	});
});

describe('cycles already in a document', () => {
	it('are none in a graph without cycles', () => {
		expect(cycleMembers(measures('e→b', 'e→c', 'b→a', 'c→a', 'f'))).toEqual(new Set());
	});

	it('are found when two devices offline each added one half of a cycle', () => {
		// Device 1 let a depend on b, device 2 let b depend on a; both keys stayed.
		expect(cycleMembers(measures('a→b', 'b→a', 'c→a'))).toEqual(new Set(['a', 'b']));
	});

	it('name only the measures on a cycle, not those merely depending on one', () => {
		// a→b→c→a is a cycle; d depends on it, e on d; f→g→f is another cycle.
		const graph = measures('a→b', 'b→c', 'c→a', 'd→a', 'e→d', 'f→g', 'g→f');
		expect(cycleMembers(graph)).toEqual(new Set(['a', 'b', 'c', 'f', 'g']));
	});

	it('include a measure depending on itself', () => {
		expect(cycleMembers(measures('a→a', 'b→a'))).toEqual(new Set(['a']));
	});

	it('are found in a chain of 20.000 measures closed at its end, without overflowing the stack', () => {
		const chain = Array.from({ length: 20_000 }, (_, i) => ({
			id: `m${i}`,
			dependsOn: [`m${(i + 1) % 20_000}`]
		}));
		expect(cycleMembers(chain).size).toBe(20_000);
		chain[19_999]!.dependsOn = [];
		expect(cycleMembers(chain).size).toBe(0);
	});
});
