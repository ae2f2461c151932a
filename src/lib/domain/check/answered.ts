// Whether a respondent has answered at all: the results count only people who did, so that "7 Befragte"
// is not printed for a round in which 4 answered and 3 never opened the questionnaire.

import type { Catalog } from './catalog-types';
import { validateAnswer } from './answer-validation';

/**
 * True when at least one item of the catalog has a valid answer, "weiß nicht" included (it is an
 * answer, only not a score). Values a peer wrote that are not answers, and ids the catalog does not
 * have, do not count.
 */
export function hasAnswered(catalog: Catalog, answers: Readonly<Record<string, unknown>>): boolean {
	return catalog.items.some(
		(item) =>
			Object.hasOwn(answers, item.id) &&
			answers[item.id] !== undefined &&
			validateAnswer(item, answers[item.id]).ok
	);
}
