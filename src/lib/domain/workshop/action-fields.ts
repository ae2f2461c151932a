// Handlungsfelder (action fields, ADR 9): what the municipality will work on, each tagged
// with at least one dimension of the Digital-Check catalog, ordered by priority, with cards, clusters
// and matrix items linked to it.
//
// A field taken over from the Digital-Check's suggestions gets the id `hf.<dimension>`: two
// facilitators taking over the same suggestion at the same time (offline, on two laptops) write the
// same record, not two fields (ADR 8).

import { DIMENSIONS, type DimensionId, type DimensionInfo } from '../check/catalog-types';
import { hasForbiddenCharacters } from '../display-name';
import type { Checked } from '../session-input';

export interface ActionField {
	id: string;
	title: string;
	/** Catalog dimensions, at least one, in catalog order. */
	dimensions: DimensionId[];
	/** Fractional index (ordering.ts): the first is the highest priority. */
	order: string;
	createdAt: number;
}

const TITLE_MAX_LENGTH = 120;

export type ActionFieldTitleError =
	'field_title_empty' | 'field_title_too_long' | 'field_title_invalid';

export function validateActionFieldTitle(raw: string): Checked<string, ActionFieldTitleError> {
	const value = raw.trim().replace(/\s+/g, ' ');
	if (value === '') return { ok: false, error: 'field_title_empty' };
	if (hasForbiddenCharacters(value)) return { ok: false, error: 'field_title_invalid' };
	if ([...value].length > TITLE_MAX_LENGTH) return { ok: false, error: 'field_title_too_long' };
	return { ok: true, value };
}

export const isDimensionId = (value: unknown): value is DimensionId =>
	typeof value === 'string' && (DIMENSIONS as readonly string[]).includes(value);

/** At least one known dimension; duplicates dropped, in catalog order. */
export function validateDimensions(
	raw: readonly unknown[]
): Checked<DimensionId[], 'field_dimensions_missing' | 'field_dimensions_invalid'> {
	if (!raw.every(isDimensionId)) return { ok: false, error: 'field_dimensions_invalid' };
	const dimensions = DIMENSIONS.filter((d) => raw.includes(d));
	if (dimensions.length === 0) return { ok: false, error: 'field_dimensions_missing' };
	return { ok: true, value: dimensions };
}

export const suggestedFieldId = (dimension: DimensionId): string => `hf.${dimension}`;

/** The field a Digital-Check suggestion becomes: named after its dimension, tagged with it. */
export function fieldFromSuggestion(
	dimension: DimensionInfo,
	order: string,
	createdAt: number
): ActionField {
	return {
		id: suggestedFieldId(dimension.id),
		title: dimension.title,
		dimensions: [dimension.id],
		order,
		createdAt
	};
}

/**
 * The Handlungsfeld an entry (card, group or matrix entry) is linked to, for a measure made from it:
 * the first of `fields` (in priority order) whose links name it, or null when none does.
 */
export function fieldLinkedTo<F extends { id: string }>(
	fields: readonly F[],
	links: ReadonlyMap<string, readonly string[]>,
	itemId: string
): F | null {
	return fields.find((field) => links.get(field.id)?.includes(itemId)) ?? null;
}
