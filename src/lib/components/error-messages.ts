// Domain and storage layers answer with codes; this is the one place that turns them into German text.
// The Record types make svelte-check fail when a new code has no message.
import type { ProfileErrorCode } from '$lib/domain/kommune-profile';
import type { ProfileFormErrorCode } from '$lib/sync/profile-repository';
import { m } from '$lib/paraglide/messages.js';

const PROFILE_MESSAGES: Record<ProfileErrorCode, () => string> = {
	ars_required: m.err_ars_required,
	ars_not_digits: m.err_ars_not_digits,
	ars_too_short: m.err_ars_too_short,
	ars_too_long: m.err_ars_too_long,
	ars_is_ags: m.err_ars_is_ags,
	ars_land_unknown: m.err_ars_land_unknown,
	ars_structure_type: m.err_ars_structure_type,
	ars_duplicate: m.err_ars_duplicate,
	required: m.err_required,
	text_too_long: m.err_text_too_long,
	option_unknown: m.err_option_unknown,
	number_invalid: m.err_number_invalid,
	number_not_integer: m.err_number_not_integer,
	number_too_small: m.err_number_too_small,
	number_too_large: m.err_number_too_large,
	number_too_precise: m.err_number_too_precise
};

const FORM_MESSAGES: Record<ProfileFormErrorCode, () => string> = {
	not_found: m.err_not_found,
	storage_timeout: m.err_storage_timeout,
	storage_write_failed: m.err_storage_write_failed,
	code_load_failed: m.err_code_load_failed
};

export function errorMessage(code: string): string {
	const message =
		(PROFILE_MESSAGES as Record<string, () => string>)[code] ??
		(FORM_MESSAGES as Record<string, () => string>)[code] ??
		m.err_unknown;
	return message();
}
