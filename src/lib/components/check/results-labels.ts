// German words for results: bands, suggestion reasons, and number formats for scores.
import { m } from '$lib/paraglide/messages.js';
import type { Band } from '$lib/domain/check/check-scoring';
import type { SuggestionReason } from '$lib/domain/check/suggestions';
import { formatDecimal } from '$lib/ui/format';

const BAND_LABELS: Record<Band, () => string> = {
	einstieg: m.band_einstieg,
	grundlagen: m.band_grundlagen,
	fortgeschritten: m.band_fortgeschritten,
	vorreiter: m.band_vorreiter
};

export const bandLabel = (band: Band | null): string => (band ? BAND_LABELS[band]() : '–');

const REASONS: Record<SuggestionReason, (value: string) => string> = {
	weakest: (value) => m.suggestion_weakest({ value }),
	target_gap: (value) => m.suggestion_target_gap({ value }),
	perspective_gap: (value) => m.suggestion_perspective_gap({ value })
};

export const suggestionReason = (reason: SuggestionReason, value: number): string =>
	REASONS[reason](formatDecimal(value));

/** A score 0–100 with one decimal, or a dash when there is none. */
export const formatScore = (score: number | null): string =>
	score === null ? '–' : formatDecimal(score);

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
