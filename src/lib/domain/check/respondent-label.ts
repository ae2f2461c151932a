// The pseudonymous label a facilitator gives a respondent ("Kämmerer", "Personalrat 1"). Within a round
// each label names one person, so the facilitator can tell whose link and progress is whose: a label
// that differs from another only in case or spaces is refused, when adding as when renaming.

import { validateTitle, type Checked } from '../session-input';

export type RespondentLabelError =
	'label_required' | 'label_too_long' | 'label_invalid' | 'label_taken';

const TITLE_TO_LABEL = {
	title_required: 'label_required',
	title_too_long: 'label_too_long',
	title_invalid: 'label_invalid'
} as const;

/** The form two labels are compared in: spaces trimmed and collapsed, case folded. */
export const labelKey = (label: string): string =>
	label.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');

/** Whether another respondent than `self` among `others` already has this label (in labelKey form). */
export const isLabelTaken = (
	label: string,
	others: readonly { id: string; label: string }[],
	self?: string
): boolean =>
	others.some((other) => other.id !== self && labelKey(other.label) === labelKey(label));

/**
 * The label as it will be stored (trimmed, inner spaces collapsed), or why not. `others` are the round's
 * current respondents; `self` is the one being renamed, whose own label does not count as taken.
 */
export function validateRespondentLabel(
	raw: string,
	others: readonly { id: string; label: string }[],
	self?: string
): Checked<string, RespondentLabelError> {
	const checked = validateTitle(raw);
	if (!checked.ok) return { ok: false, error: TITLE_TO_LABEL[checked.error] };
	return isLabelTaken(checked.value, others, self) ? { ok: false, error: 'label_taken' } : checked;
}
