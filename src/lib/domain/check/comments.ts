// Questionnaire comments in the results (ADR 7): listed under their dimension and item for the
// facilitator, pseudonymous. A comment carries no attribution at all, not even a published group, and
// no order that follows the respondents: a group next to a comment identifies its author whenever it
// is the only group whose members were asked the item (Leitung on an item asked only of the mayor's
// perspective), and a comment without a group whenever one perspective is left unpublished.

import { DIMENSIONS, type Catalog, type DimensionId } from './catalog-types';

/** One respondent's comments by item id, as read from their document; nothing says whose. */
export interface RespondentComments {
	comments: Readonly<Record<string, string>>;
}

export interface ResultComment {
	itemId: string;
	/** The item's question, so the comment can be read in context. */
	itemText: string;
	text: string;
}

/** Code-unit order: the same on every machine. */
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every non-blank comment on an item of the catalog, by dimension; within one, in catalog order of
 * the items, then by text. Comments on ids the catalog does not have are left out.
 */
export function commentsByDimension(
	catalog: Catalog,
	respondents: readonly RespondentComments[]
): Record<DimensionId, ResultComment[]> {
	const byDimension = Object.fromEntries(DIMENSIONS.map((d) => [d, []])) as unknown as Record<
		DimensionId,
		ResultComment[]
	>;
	catalog.items.forEach((item) => {
		const comments = respondents.flatMap(({ comments }) => {
			const text = Object.hasOwn(comments, item.id) ? comments[item.id] : undefined;
			if (typeof text !== 'string' || text.trim() === '') return [];
			return [{ itemId: item.id, itemText: item.text, text: text.trim() }];
		});
		comments.sort((a, b) => compareStrings(a.text, b.text));
		byDimension[item.dimension].push(...comments);
	});
	return byDimension;
}
