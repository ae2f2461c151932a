// Whether a raw value read from a respondent's document is a valid answer to a catalog item
// (ADR 7). Documents hold any JSON a peer wrote, so nothing is trusted: a value that fails
// here is ignored by scoring and flagged. A valid answer comes back in its canonical shape (extra keys
// dropped, ticked ids once each in option order), so two equal answers compare equal.

import type { NumberRange } from '../german-number';
import type { CatalogItem, FactItem } from './catalog-types';
import type { Answer } from './answers';

/**
 * What the field of a number fact accepts as typed: its range with at most one decimal ("2,5" VZÄ),
 * read as German by checkGermanNumber like every numeric field. A value stored with more decimals
 * (earlier versions took "2,25") stays a valid answer (validateAnswer checks only the range) and is
 * shown as stored; only a new entry is held to one decimal.
 */
export const factInputRange = (
	fact: Extract<FactItem['fact'], { kind: 'number' }>
): NumberRange => ({
	min: fact.min,
	max: fact.max,
	decimals: 1
});

export const INVALID_ANSWER_REASONS = [
	/** An answer of another item type, e.g. a Likert answer to a level item. */
	'wrong_kind',
	/** A number outside the item's range or, for levels and Likert values, not a whole number. */
	'out_of_range',
	/** Something other than a number (e.g. text) where a number belongs. */
	'not_a_number',
	/** A ticked id that is not an option of the checklist, or a band the fact does not offer. */
	'unknown_option',
	/** Anything that does not have the shape of an answer at all. */
	'malformed'
] as const;
export type InvalidAnswerReason = (typeof INVALID_ANSWER_REASONS)[number];

export type AnswerValidation =
	{ ok: true; answer: Answer } | { ok: false; reason: InvalidAnswerReason };

const ANSWER_KINDS: readonly string[] = ['unknown', 'level', 'likert', 'checklist', 'fact'];

const EXPECTED_KIND = { R: 'level', L: 'likert', C: 'checklist', F: 'fact' } as const;

const invalid = (reason: InvalidAnswerReason): AnswerValidation => ({ ok: false, reason });
const valid = (answer: Answer): AnswerValidation => ({ ok: true, answer });

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A whole number from `min` to `max`, as level (0–4) and Likert (1–5) values must be. */
function checkScale(value: unknown, min: number, max: number): InvalidAnswerReason | null {
	if (typeof value !== 'number' || Number.isNaN(value)) return 'not_a_number';
	if (!Number.isInteger(value) || value < min || value > max) return 'out_of_range';
	return null;
}

export function validateAnswer(item: CatalogItem, raw: unknown): AnswerValidation {
	if (!isRecord(raw)) return invalid('malformed');
	const kind = raw['kind'];
	if (typeof kind !== 'string' || !ANSWER_KINDS.includes(kind)) return invalid('malformed');
	// "weiß nicht / trifft nicht zu" is a valid answer to every item.
	if (kind === 'unknown') return valid({ kind: 'unknown' });
	if (kind !== EXPECTED_KIND[item.type]) return invalid('wrong_kind');
	const value = raw['value'];

	switch (item.type) {
		case 'R': {
			const problem = checkScale(value, 0, 4);
			return problem ? invalid(problem) : valid({ kind: 'level', value: value as number });
		}
		case 'L': {
			const problem = checkScale(value, 1, 5);
			return problem ? invalid(problem) : valid({ kind: 'likert', value: value as number });
		}
		case 'C': {
			const ticked = raw['ticked'];
			if (!Array.isArray(ticked) || !ticked.every((id) => typeof id === 'string'))
				return invalid('malformed');
			const optionIds = item.options.map((option) => option.id);
			// One id that is not an option makes the whole answer invalid: it was not written by our UI.
			if (!ticked.every((id) => optionIds.includes(id))) return invalid('unknown_option');
			return valid({ kind: 'checklist', ticked: optionIds.filter((id) => ticked.includes(id)) });
		}
		case 'F': {
			const fact = item.fact;
			if (fact.kind === 'number') {
				if (typeof value !== 'number' || Number.isNaN(value)) return invalid('not_a_number');
				if (!(value >= fact.min && value <= fact.max)) return invalid('out_of_range');
				return valid({ kind: 'fact', value });
			}
			if (typeof value !== 'string') return invalid('malformed');
			if (!fact.bands.includes(value)) return invalid('unknown_option');
			return valid({ kind: 'fact', value });
		}
	}
}
