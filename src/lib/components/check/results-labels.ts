// German words for results: bands, published perspective groups, suggestion reasons, and number
// formats for scores.
import { m } from '$lib/paraglide/messages.js';
import type { Band } from '$lib/domain/check/check-scoring';
import type { PerspectiveGroupId, PublishedGroup } from '$lib/domain/check/perspective-groups';
import { isPerspective } from '$lib/domain/perspectives';
import { perspectiveLabel } from '$lib/components/perspective-labels';
import type { Suggestion } from '$lib/domain/check/suggestions';
import { formatDecimal } from '$lib/ui/format';

const BAND_LABELS: Record<Band, () => string> = {
	einstieg: m.band_einstieg,
	grundlagen: m.band_grundlagen,
	fortgeschritten: m.band_fortgeschritten,
	vorreiter: m.band_vorreiter
};

export const bandLabel = (band: Band | null): string => (band ? BAND_LABELS[band]() : '–');

const GROUP_LABELS: Record<PerspectiveGroupId, () => string> = {
	leitung: m.results_group_leitung,
	mitarbeitende: m.results_group_mitarbeitende,
	aussen: m.results_group_aussen
};

/** The name of a published group by its key: a perspective's name, or a merge group's. */
export const groupLabel = (key: string): string =>
	isPerspective(key)
		? perspectiveLabel(key)
		: Object.hasOwn(GROUP_LABELS, key)
			? GROUP_LABELS[key as PerspectiveGroupId]()
			: key;

/** "Leitung = Verwaltungsspitze, Fach-/Amtsleitungen (3 Befragte)": what a merged group holds. */
export const groupMerge = (group: PublishedGroup): string =>
	m.results_group_merge({
		group: groupLabel(group.key),
		perspectives: group.perspectives.map(perspectiveLabel).join(', '),
		n: group.respondents
	});

/** Why a dimension is suggested; a perspective gap names the two published groups it lies between. */
export function suggestionReason(suggestion: Suggestion): string {
	const value = formatDecimal(suggestion.value);
	if (suggestion.reason !== 'perspective_gap')
		return suggestion.reason === 'weakest'
			? m.suggestion_weakest({ value })
			: m.suggestion_target_gap({ value });
	const { high, low } = suggestion.between;
	return m.suggestion_perspective_gap({ value, high: groupLabel(high), low: groupLabel(low) });
}

/** A score 0–100 with one decimal, or a dash when there is none. */
export const formatScore = (score: number | null): string =>
	score === null ? '–' : formatDecimal(score);

let dayFormat: Intl.DateTimeFormat | undefined;

/** "02.12.2026": the day a printout's figures were taken, in the device's time zone. */
export const formatDay = (ms: number): string =>
	(dayFormat ??= new Intl.DateTimeFormat('de-DE', {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric'
	})).format(new Date(ms));

/** A share 0–1 as a whole percentage, or a dash. */
export const formatShare = (share: number | null): string =>
	share === null ? '–' : `${Math.round(share * 100)} %`;

/** A change of score with its sign ("+12,5", "−6,3", "±0"), or a dash when there is none. */
export function formatChange(change: number | null): string {
	if (change === null) return '–';
	const rounded = Math.round(change * 10) / 10;
	if (rounded === 0) return '±0';
	return `${rounded > 0 ? '+' : '−'}${formatDecimal(Math.abs(rounded))}`;
}
