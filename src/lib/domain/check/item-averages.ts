// The mean score of each question over a round (for the CSV export), read as scoring reads answers:
// only valid answers from perspectives the question is asked count, "weiß nicht" is counted apart.
// A mean of fewer than 3 answers is not given, as no figure of the results is (ADR 7).

import type { RespondentAnswers } from './answers';
import { validateAnswer } from './answer-validation';
import type { Catalog, DimensionId } from './catalog-types';
import { isScoredItem, MIN_RESPONDENTS_SHOWN, scoreItem } from './check-scoring';
import { mean } from '../statistics/descriptive';

export interface ItemAverage {
	itemId: string;
	dimension: DimensionId;
	text: string;
	/** Answers with a score. */
	answered: number;
	/** "weiß nicht / trifft nicht zu" answers. */
	unknown: number;
	/** Mean item score 0–100; null below 3 answers. */
	mean: number | null;
}

/** One row per scored item, in catalog order. */
export function itemAverages(
	catalog: Catalog,
	respondents: readonly RespondentAnswers[]
): ItemAverage[] {
	return catalog.items.filter(isScoredItem).map((item) => {
		const scores: number[] = [];
		let unknown = 0;
		for (const { perspective, answers } of respondents) {
			if (!item.perspectives.includes(perspective) || !Object.hasOwn(answers, item.id)) continue;
			const validation = validateAnswer(item, answers[item.id]);
			if (!validation.ok) continue;
			if (validation.answer.kind === 'unknown') unknown += 1;
			const score = scoreItem(item, validation.answer);
			if (score !== null) scores.push(score);
		}
		return {
			itemId: item.id,
			dimension: item.dimension,
			text: item.text,
			answered: scores.length,
			unknown,
			mean: scores.length >= MIN_RESPONDENTS_SHOWN ? mean(scores) : null
		};
	});
}
