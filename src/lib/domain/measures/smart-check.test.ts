import { describe, expect, it } from 'vitest';
import type { Measure } from './measure';
import { measureFixture } from './measure.fixture';
import { OVERLOAD_LIMIT, smartWarnings, type SmartWarning } from './smart-check';

/** A measure that passes every check; each test breaks one thing. */
function measure(id: string, fields: Partial<Measure> = {}): Measure {
	return measureFixture(id, {
		actionFieldId: 'hf.daten',
		title: `Maßnahme ${id}`,
		owner: `Fachbereich ${id}`,
		start: '2027-Q1',
		due: '2027-Q3',
		indicator: 'Anteil online gestellter Anträge',
		target: '80 %',
		...fields
	});
}

const codes = (warnings: Map<string, SmartWarning[]>, id: string) =>
	warnings.get(id)!.map((w) => w.code);

describe('the SMART check of a measure', () => {
	it('has nothing to say about a complete measure, and lists it with no warnings', () => {
		expect(smartWarnings([measure('a')])).toEqual(new Map([['a', []]]));
	});

	it('says when nobody is named as owner, blanks counting as nobody', () => {
		expect(codes(smartWarnings([measure('a', { owner: '' })]), 'a')).toEqual(['owner_missing']);
		expect(codes(smartWarnings([measure('a', { owner: '   ' })]), 'a')).toEqual(['owner_missing']);
	});

	it('says when no due date is set', () => {
		expect(codes(smartWarnings([measure('a', { due: null })]), 'a')).toEqual(['due_missing']);
		// A start alone is no due date.
		expect(codes(smartWarnings([measure('a', { start: null, due: null })]), 'a')).toEqual([
			'due_missing'
		]);
	});

	it('says when no success indicator is named', () => {
		expect(codes(smartWarnings([measure('a', { indicator: ' \n ' })]), 'a')).toEqual([
			'indicator_missing'
		]);
	});

	it('lists every missing part at once, in a fixed order', () => {
		const bare = measure('a', { owner: '', start: null, due: null, indicator: '' });
		expect(codes(smartWarnings([bare]), 'a')).toEqual([
			'owner_missing',
			'due_missing',
			'indicator_missing'
		]);
	});
});

describe('the SMART check of times', () => {
	it.each([
		['2027-Q3', '2027-Q2', true],
		['2027-07-01', '2027-06-30', true],
		['2027-Q3', '2027-06-30', true],
		['2027-08-15', '2027-08-14', true],
		['2028-Q1', '2027-Q4', true],
		['2027-Q3', '2027-Q3', false],
		['2027-Q3', '2027-08-15', false],
		['2027-08-15', '2027-Q3', false],
		['2027-08-15', '2027-08-15', false],
		['2027-09-30', '2027-Q3', false],
		['2027-Q2', '2027-Q3', false]
	])('start %s and due %s: warns that due is before start: %s', (start, due, warns) => {
		const warnings = smartWarnings([measure('a', { start, due })]);
		expect(codes(warnings, 'a')).toEqual(warns ? ['due_before_start'] : []);
	});

	it('says when a measure is due before a measure it depends on, naming that one', () => {
		// a depends on b and c; b is due in Q4 (after a's Q3), c in Q2 (before).
		const warnings = smartWarnings([
			measure('a', { due: '2027-Q3', dependsOn: ['b', 'c'] }),
			measure('b', { due: '2027-Q4' }),
			measure('c', { due: '2027-Q2', start: null })
		]);
		expect(warnings.get('a')).toEqual([
			{ code: 'due_before_dependency', measureId: 'a', dependencyId: 'b' }
		]);
		// The dependency itself is fine: it does not depend on anything.
		expect(warnings.get('b')).toEqual([]);
	});

	it('does not warn about a dependency due in the same quarter, without a due date, or removed', () => {
		const warnings = smartWarnings([
			measure('a', { due: '2027-08-01', dependsOn: ['b', 'c', 'gone'] }),
			measure('b', { due: '2027-Q3' }),
			measure('c', { due: null })
		]);
		expect(codes(warnings, 'a')).toEqual([]);
	});

	it('warns about a dependency due on a later day of the same quarter', () => {
		const warnings = smartWarnings([
			measure('a', { due: '2027-07-15', dependsOn: ['b'] }),
			measure('b', { due: '2027-07-20' })
		]);
		expect(codes(warnings, 'a')).toEqual(['due_before_dependency']);
	});
});

describe('the SMART check of dependency cycles', () => {
	it('names the cycle on every measure on it, with a dependency on the cycle', () => {
		// a→b→c→a, and d→a merely depends on the cycle.
		const warnings = smartWarnings([
			measure('a', { dependsOn: ['b'] }),
			measure('b', { dependsOn: ['c'] }),
			measure('c', { dependsOn: ['a'] }),
			measure('d', { dependsOn: ['a'] })
		]);
		expect(warnings.get('a')).toEqual([
			{ code: 'dependency_cycle', measureId: 'a', dependencyId: 'b' }
		]);
		expect(warnings.get('b')).toEqual([
			{ code: 'dependency_cycle', measureId: 'b', dependencyId: 'c' }
		]);
		expect(warnings.get('c')).toEqual([
			{ code: 'dependency_cycle', measureId: 'c', dependencyId: 'a' }
		]);
		expect(warnings.get('d')).toEqual([]);
	});

	it('names the dependency on the cycle, not another one', () => {
		const warnings = smartWarnings([
			measure('a', { dependsOn: ['x', 'b'] }),
			measure('b', { dependsOn: ['a'] }),
			measure('x')
		]);
		expect(warnings.get('a')).toEqual([
			{ code: 'dependency_cycle', measureId: 'a', dependencyId: 'b' }
		]);
	});

	it('names a measure that depends on itself', () => {
		expect(smartWarnings([measure('a', { dependsOn: ['a'] })]).get('a')).toEqual([
			{ code: 'dependency_cycle', measureId: 'a', dependencyId: 'a' }
		]);
	});
});

describe('the overload hint', () => {
	const owned = (id: string, owner: string, due: string | null) =>
		measure(id, { owner, due, start: null });

	it('is at most three measures due in one quarter for one owner', () => {
		expect(OVERLOAD_LIMIT).toBe(3);
	});

	it('stays silent at the limit: three measures due in one quarter', () => {
		const warnings = smartWarnings([
			owned('a', 'Kämmerei', '2027-Q3'),
			owned('b', 'Kämmerei', '2027-07-01'),
			owned('c', 'Kämmerei', '2027-09-30')
		]);
		expect([...warnings.values()].flat()).toEqual([]);
	});

	it('names owner, quarter and count on each of four measures due in one quarter', () => {
		// Four for the Kämmerei in Q3 2027, typed differently; one in Q4 and one of another owner.
		const warnings = smartWarnings([
			owned('a', 'Kämmerei', '2027-Q3'),
			owned('b', ' kämmerei ', '2027-07-01'),
			owned('c', 'KÄMMEREI', '2027-09-30'),
			owned('d', 'Kämmerei', '2027-08-15'),
			owned('e', 'Kämmerei', '2027-10-01'),
			owned('f', 'Bauamt', '2027-Q3')
		]);
		expect(warnings.get('a')).toEqual([
			{
				code: 'owner_overloaded',
				measureId: 'a',
				owner: 'Kämmerei',
				quarter: '2027-Q3',
				count: 4
			}
		]);
		expect(warnings.get('b')).toEqual([
			{
				code: 'owner_overloaded',
				measureId: 'b',
				owner: 'kämmerei',
				quarter: '2027-Q3',
				count: 4
			}
		]);
		expect(codes(warnings, 'c')).toEqual(['owner_overloaded']);
		expect(codes(warnings, 'd')).toEqual(['owner_overloaded']);
		expect(codes(warnings, 'e')).toEqual([]);
		expect(codes(warnings, 'f')).toEqual([]);
	});

	it('does not count measures without owner or without due date', () => {
		const warnings = smartWarnings([
			owned('a', '', '2027-Q3'),
			owned('b', '', '2027-Q3'),
			owned('c', '', '2027-Q3'),
			owned('d', '', '2027-Q3'),
			owned('e', 'Kämmerei', null),
			owned('f', 'Kämmerei', null),
			owned('g', 'Kämmerei', null),
			owned('h', 'Kämmerei', null)
		]);
		expect(codes(warnings, 'a')).toEqual(['owner_missing']);
		expect(codes(warnings, 'e')).toEqual(['due_missing']);
	});

	it('counts only open measures: one done and one put back leave three, and they warn of nothing', () => {
		// Five for the Kämmerei in Q3 2027: geplant, in Arbeit, geplant, umgesetzt, zurückgestellt.
		const warnings = smartWarnings([
			owned('a', 'Kämmerei', '2027-Q3'),
			{ ...owned('b', 'Kämmerei', '2027-Q3'), status: 'in_arbeit' },
			owned('c', 'Kämmerei', '2027-Q3'),
			{ ...owned('d', 'Kämmerei', '2027-Q3'), status: 'umgesetzt' },
			{ ...owned('e', 'Kämmerei', '2027-Q3'), status: 'zurueckgestellt' }
		]);
		expect([...warnings.values()].flat()).toEqual([]);
	});

	it('counts a fourth open measure, and names the count of open ones on the open ones only', () => {
		const warnings = smartWarnings([
			owned('a', 'Kämmerei', '2027-Q3'),
			{ ...owned('b', 'Kämmerei', '2027-Q3'), status: 'in_arbeit' },
			owned('c', 'Kämmerei', '2027-Q3'),
			owned('d', 'Kämmerei', '2027-Q3'),
			{ ...owned('e', 'Kämmerei', '2027-Q3'), status: 'umgesetzt' }
		]);
		expect(warnings.get('b')).toEqual([
			{
				code: 'owner_overloaded',
				measureId: 'b',
				owner: 'Kämmerei',
				quarter: '2027-Q3',
				count: 4
			}
		]);
		expect(codes(warnings, 'd')).toEqual(['owner_overloaded']);
		expect(codes(warnings, 'e')).toEqual([]);
	});

	it('follows a limit given by the caller', () => {
		const two = [owned('a', 'IT', '2027-Q1'), owned('b', 'IT', '2027-Q1')];
		expect(codes(smartWarnings(two, 1), 'a')).toEqual(['owner_overloaded']);
		expect(codes(smartWarnings(two, 2), 'a')).toEqual([]);
	});
});
