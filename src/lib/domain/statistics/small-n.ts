// How many municipalities a figure across municipalities must rest on before it is shown beyond the
// consultants' drill-down: on the dashboard, in its API and in the benchmark file that goes back to the
// municipalities (issues 22 and 23). Within one municipality, ADR 7's threshold of 3 people applies.

/**
 * A figure over fewer distinct municipalities than this is withheld. The figures are medians and
 * quartiles (type 7, see descriptive.ts), and fewer would give scores away: the quartiles of 3 are
 * (x₁ + x₂) / 2, x₂ and (x₂ + x₃) / 2, which yield all three scores; those of 4 are three equations in
 * the four scores, which any one of the four can solve with its own score for the other three. From 5
 * on, neither the smallest nor the largest score enters any quartile, so no member can work out all
 * the others.
 */
export const MIN_MUNICIPALITIES_PER_FIGURE = 5;

export interface PublishedFigure<T> {
	value: T;
	/** The number of distinct municipalities behind the figure, shown with it. */
	n: number;
}

/**
 * The figure with the number of distinct municipalities it rests on, or null (withheld) when they are
 * fewer than MIN_MUNICIPALITIES_PER_FIGURE. Count municipalities, not respondents or rounds: several
 * rounds of one municipality are still one. Withholding a cell does not hide it where a total or the
 * other cells of its row are published as well; complementary suppression (issue 23) has to follow.
 */
export function publishFigure<T>(value: T, municipalities: number): PublishedFigure<T> | null {
	if (!Number.isInteger(municipalities) || municipalities < 0)
		throw new RangeError(`publishFigure: ${municipalities} is not a count of municipalities`);
	return municipalities < MIN_MUNICIPALITIES_PER_FIGURE ? null : { value, n: municipalities };
}
