// How far each respondent of a round has got, and who has answered at all (issue 15: "7 Befragte" when
// only 4 had answered). One rule for the round page, the questionnaire and the results.
//
// An item counts as answered when the respondent's document holds a valid answer to it, and "weiß nicht
// / trifft nicht zu" is such an answer: the respondent has read the item and responded, so it counts for
// progress and for "has answered", although scoring treats it as no score. Values that are not a valid
// answer (another item type, out of range, written by a faulty peer) do not count, nor do answers to
// items the respondent's perspective is not asked.

import type { RespondentAnswers } from './answers';
import { validateAnswer } from './answer-validation';
import { itemsForPerspective } from './catalog-items';
import type { Catalog, CatalogItem } from './catalog-types';

export interface RespondentProgress {
	/** Items of the respondent's perspective with a valid answer, "weiß nicht" included. */
	answered: number;
	/** Items the respondent's perspective is asked. */
	total: number;
}

/** Whether `raw`, as read from a respondent's document, answers `item` ("weiß nicht" does). */
export function isItemAnswered(item: CatalogItem, raw: unknown): boolean {
	return raw !== undefined && validateAnswer(item, raw).ok;
}

/** Answered and total items of one respondent, against the catalog the round is taken with. */
export function respondentProgress(
	catalog: Catalog,
	respondent: Pick<RespondentAnswers, 'perspective' | 'answers'>
): RespondentProgress {
	const items = itemsForPerspective(catalog, respondent.perspective);
	const answered = items.filter((item) => isItemAnswered(item, respondent.answers[item.id])).length;
	return { answered, total: items.length };
}

/** A respondent has answered once at least one of their items is answered. */
export function hasAnswered(
	catalog: Catalog,
	respondent: Pick<RespondentAnswers, 'perspective' | 'answers'>
): boolean {
	return respondentProgress(catalog, respondent).answered > 0;
}

/**
 * The respondents who have answered, in the order given: "n von m Befragten haben geantwortet" is
 * `answeredRespondents(catalog, all).length` of `all.length`, with `all` the round's current (not
 * removed) respondents.
 */
export function answeredRespondents<T extends Pick<RespondentAnswers, 'perspective' | 'answers'>>(
	catalog: Catalog,
	respondents: readonly T[]
): T[] {
	return respondents.filter((respondent) => hasAnswered(catalog, respondent));
}
