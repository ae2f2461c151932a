import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERSPECTIVES, type Perspective } from '../perspectives';
import { DIMENSIONS, type DimensionId } from './catalog-types';
import type { RespondentResult } from './check-scoring';
import { groupPerspectives, PERSPECTIVE_GROUPS } from './perspective-groups';

/** A respondent with the given dimension scores (other dimensions unanswered). */
const respondent = (
	id: string,
	perspective: Perspective,
	scores: Partial<Record<DimensionId, number>>
): RespondentResult => ({
	respondentId: id,
	perspective,
	dimensions: Object.fromEntries(
		DIMENSIONS.map((d) => {
			const score = scores[d] ?? null;
			return [d, { score, answered: score === null ? 0 : 1, asked: 1, coverage: null }];
		})
	) as RespondentResult['dimensions']
});

describe('groupPerspectives', () => {
	it('every perspective is in exactly one merge group', () => {
		const listed = PERSPECTIVE_GROUPS.flatMap((group) => group.perspectives);
		expect([...listed].sort()).toEqual([...PERSPECTIVES].sort());
	});

	it('merges the mayor and two heads of office of a round of five into "Leitung", with the median computed by hand', () => {
		const grouping = groupPerspectives([
			respondent('r1', 'H', { strategie: 75, daten: 50 }),
			respondent('r2', 'A', { strategie: 25, daten: 100 }),
			respondent('r3', 'A', { strategie: 50 }),
			respondent('r4', 'B', { strategie: 0 }),
			respondent('r5', 'PR', { strategie: 100 })
		]);
		// Leitung: Verwaltungsspitze 1 + Fach-/Amtsleitungen 2 = 3. Strategie: 25, 50, 75 → median 50,
		// type 7 quartiles 37.5 and 62.5 → spread 25. Daten has two scores only: not shown, no figure.
		// Mitarbeitende: Beschäftigte 1 + Personalrat 1 = 2, below 3: not shown.
		expect(grouping.groups.map((g) => [g.key, g.kind, g.perspectives, g.respondents])).toEqual([
			['leitung', 'merged', ['H', 'A'], 3]
		]);
		const leitung = grouping.groups[0]!;
		expect(leitung.dimensions.strategie).toMatchObject({
			respondents: 3,
			median: 50,
			iqr: 25,
			min: 25,
			max: 75,
			shownSeparately: true
		});
		expect(leitung.dimensions.daten).toEqual({
			respondents: 2,
			median: null,
			iqr: null,
			min: null,
			max: null,
			shownSeparately: false
		});
		expect(grouping.unpublished).toEqual(['B', 'PR']);
	});

	it('keeps a perspective of three by itself and leaves its lone neighbour out rather than merging', () => {
		const grouping = groupPerspectives([
			respondent('r1', 'B', { strategie: 0 }),
			respondent('r2', 'B', { strategie: 40 }),
			respondent('r3', 'B', { strategie: 100 }),
			respondent('r4', 'PR', { strategie: 60 }),
			respondent('r5', 'D', { strategie: 20 }),
			respondent('r6', 'D', { strategie: 30 })
		]);
		// Beschäftigte (3) stays itself, median 40; Personalrat 1 + Digitalisierung/IT 2 = 3 pool as
		// Mitarbeitende: 20, 30, 60 → median 30.
		expect(
			grouping.groups.map((g) => [g.key, g.perspectives, g.dimensions.strategie.median])
		).toEqual([
			['B', ['B'], 40],
			['mitarbeitende', ['D', 'PR'], 30]
		]);
		expect(grouping.unpublished).toEqual([]);
	});

	it('does not count respondents without a score towards the three', () => {
		const grouping = groupPerspectives([
			respondent('r1', 'H', { strategie: 50 }),
			respondent('r2', 'A', { strategie: 50 }),
			respondent('r3', 'A', {})
		]);
		expect(grouping.groups).toEqual([]);
		expect(grouping.unpublished).toEqual(['H', 'A']);
	});

	const roundArbitrary = fc
		.array(
			fc.record({
				perspective: fc.constantFrom(...PERSPECTIVES),
				scores: fc.dictionary(
					fc.constantFrom(...DIMENSIONS.slice(0, 3)),
					fc.integer({ min: 0, max: 100 })
				)
			}),
			{ maxLength: 20 }
		)
		.map((list) => list.map((r, i) => respondent(`r${i}`, r.perspective, r.scores)));

	it('never publishes a group or a figure of fewer than three people', () => {
		fc.assert(
			fc.property(roundArbitrary, (respondents) => {
				for (const group of groupPerspectives(respondents).groups) {
					expect(group.respondents).toBeGreaterThanOrEqual(3);
					for (const d of DIMENSIONS) {
						const cell = group.dimensions[d];
						if (cell.respondents < 3) expect(cell.median).toBeNull();
						if (cell.median !== null) expect(cell.respondents).toBeGreaterThanOrEqual(3);
					}
				}
			})
		);
	});

	it('shows a perspective with three scored respondents by itself, and no perspective in two groups', () => {
		fc.assert(
			fc.property(roundArbitrary, (respondents) => {
				const grouping = groupPerspectives(respondents);
				const seen = grouping.groups.flatMap((g) => g.perspectives);
				expect(new Set(seen).size).toBe(seen.length);
				for (const perspective of PERSPECTIVES) {
					const scored = respondents.filter(
						(r) =>
							r.perspective === perspective &&
							DIMENSIONS.some((d) => r.dimensions[d].score !== null)
					).length;
					const own = grouping.groups.find((g) => g.key === perspective);
					expect(own !== undefined).toBe(scored >= 3);
					if (own) expect(own.perspectives).toEqual([perspective]);
					// A perspective with scored respondents is either published or listed as not shown.
					const shown = seen.includes(perspective);
					expect(shown || grouping.unpublished.includes(perspective)).toBe(scored > 0);
				}
			})
		);
	});
});
