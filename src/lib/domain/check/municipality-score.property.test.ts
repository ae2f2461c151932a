// The municipality's score never gives away a figure of fewer than 3 people (ADR 7): over generated
// rounds, a respondent whose pool (the published group of their perspective, or the unpublished
// perspectives together) has fewer than 3 scores in a dimension can change their answer there at will
// and every number the results publish stays the same, so none of them can be worked back from.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERSPECTIVES, type Perspective } from '../perspectives';
import type { RespondentAnswers } from './answers';
import { DIMENSIONS, type Catalog, type DimensionId } from './catalog-types';
import { scoreRound } from './check-scoring';
import { groupPerspectives } from './perspective-groups';

const USED = ['strategie', 'daten'] as const satisfies readonly DimensionId[];
const catalog: Catalog = {
	version: 'prop.1',
	dimensions: DIMENSIONS.map((id) => ({ id, title: id, description: '' })),
	items: USED.map((dimension) => ({
		id: `${dimension}.01`,
		dimension,
		text: 'Frage',
		perspectives: PERSPECTIVES,
		type: 'R' as const,
		levels: ['0', '1', '2', '3', '4']
	}))
};

/** Everything the results page and the CSV show that rests on scores. */
function publishedNumbers(respondents: readonly RespondentAnswers[]) {
	const result = scoreRound(catalog, respondents);
	const grouping = groupPerspectives(result.respondents);
	return {
		municipality: USED.map((d) => result.dimensions[d].score),
		overall: result.overall.score,
		groups: grouping.groups,
		unpublished: grouping.unpublished,
		unpublishedRespondents: grouping.unpublishedRespondents
	};
}

const answerArbitrary = fc.option(
	fc.oneof(
		fc.integer({ min: 0, max: 4 }).map((value) => ({ kind: 'level', value })),
		fc.constant({ kind: 'unknown' })
	),
	{ nil: undefined }
);

const roundArbitrary: fc.Arbitrary<RespondentAnswers[]> = fc
	.array(
		fc.record({
			perspective: fc.constantFrom(...PERSPECTIVES),
			strategie: answerArbitrary,
			daten: answerArbitrary
		}),
		{ minLength: 1, maxLength: 9 }
	)
	.map((list) =>
		list.map(({ perspective, ...answers }, i) => ({
			respondentId: `r${i}`,
			perspective,
			answers: Object.fromEntries(
				USED.flatMap((d) => (answers[d] === undefined ? [] : [[`${d}.01`, answers[d]]]))
			)
		}))
	);

const hasLevel = (respondent: RespondentAnswers, dimension: DimensionId) =>
	(respondent.answers[`${dimension}.01`] as { kind?: string } | undefined)?.kind === 'level';

/** The respondents whose scores make one figure with `perspective`'s: its published group or the rest. */
function poolOf(round: readonly RespondentAnswers[], perspective: Perspective) {
	const grouping = groupPerspectives(scoreRound(catalog, round).respondents);
	const published = grouping.groups.find((g) => g.perspectives.includes(perspective));
	const members = published ? published.perspectives : grouping.unpublished;
	return round.filter((r) => members.includes(r.perspective));
}

describe('the municipality’s score over generated rounds', () => {
	it('stays the same, as does every published figure, whatever one of fewer than 3 answers', () => {
		let checked = 0;
		fc.assert(
			fc.property(
				roundArbitrary,
				fc.nat(),
				fc.constantFrom(...USED),
				fc.integer({ min: 0, max: 4 }),
				(round, pick, dimension, value) => {
					const index = pick % round.length;
					const respondent = round[index]!;
					if (!hasLevel(respondent, dimension)) return;
					const pool = poolOf(round, respondent.perspective);
					if (pool.filter((r) => hasLevel(r, dimension)).length >= 3) return;
					checked += 1;
					const changed = round.map((r, i) =>
						i === index
							? { ...r, answers: { ...r.answers, [`${dimension}.01`]: { kind: 'level', value } } }
							: r
					);
					expect(publishedNumbers(changed)).toEqual(publishedNumbers(round));
				}
			),
			{ numRuns: 500 }
		);
		// The property is not vacuous: many rounds had such a respondent.
		expect(checked).toBeGreaterThan(100);
	});
});
