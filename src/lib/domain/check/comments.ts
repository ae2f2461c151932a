// Questionnaire comments in the results (ADR 7): listed under their dimension for the facilitator,
// pseudonymous. A comment carries no respondent label and no order that follows the respondents; its
// only attribution is the published group its author's perspective is shown in, and none at all when
// that perspective is not shown (a lone mayor's comment must not read "Verwaltungsspitze").

import type { Perspective } from '../perspectives';
import { DIMENSIONS, type Catalog, type DimensionId } from './catalog-types';
import { publishedGroupOf, type PerspectiveGrouping } from './perspective-groups';

/** One respondent's comments by item id, as read from their document. */
export interface RespondentComments {
	perspective: Perspective;
	comments: Readonly<Record<string, string>>;
}

export interface ResultComment {
	itemId: string;
	/** The item's question, so the comment can be read in context. */
	itemText: string;
	/** The key of the published group of the author's perspective, or null when it is not shown. */
	group: string | null;
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
	respondents: readonly RespondentComments[],
	grouping: PerspectiveGrouping
): Record<DimensionId, ResultComment[]> {
	const byDimension = Object.fromEntries(DIMENSIONS.map((d) => [d, []])) as unknown as Record<
		DimensionId,
		ResultComment[]
	>;
	catalog.items.forEach((item) => {
		const comments = respondents.flatMap(({ perspective, comments }) => {
			const text = Object.hasOwn(comments, item.id) ? comments[item.id] : undefined;
			if (typeof text !== 'string' || text.trim() === '') return [];
			const group = publishedGroupOf(grouping, perspective)?.key ?? null;
			return [{ itemId: item.id, itemText: item.text, group, text: text.trim() }];
		});
		comments.sort(
			(a, b) => compareStrings(a.text, b.text) || compareStrings(a.group ?? '', b.group ?? '')
		);
		byDimension[item.dimension].push(...comments);
	});
	return byDimension;
}
