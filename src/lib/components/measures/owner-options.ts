// The owners a filter offers: each named once however it was typed ("Kämmerei", " kämmerei "), compared
// as the domain's filter and overload hint compare them (ownerKey), in the spelling first seen and
// alphabetically in German; measures without an owner add none.
import { ownerKey } from '$lib/domain/measures/smart-check';

export function ownerOptions(measures: readonly { owner: string }[]): string[] {
	const byKey = new Map<string, string>();
	for (const { owner } of measures) {
		const key = ownerKey(owner);
		if (key !== '' && !byKey.has(key)) byKey.set(key, owner.trim());
	}
	return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'de-DE'));
}

/**
 * The owner filter's value for "measures without an owner": a blank, which no offered owner can be
 * (they are trimmed) and which the domain's filter reads as the empty owner.
 */
export const NO_OWNER = ' ';

/** The filter the domain takes from the select's value: '' keeps every owner. */
export const ownerFilter = (value: string): string | undefined =>
	value === '' ? undefined : value;
