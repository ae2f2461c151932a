// Domain and storage layers answer with codes; this is the one place that turns them into German text.
// The Record types make svelte-check fail when a new code has no message.
import type { ProfileErrorCode } from '$lib/domain/kommune-profile';
import type { ProfileFormErrorCode } from '$lib/state/municipality/profile-repository';
import { m } from '$lib/paraglide/messages.js';
import type { CardTextError, ClusterNameError } from '$lib/domain/workshop/cards';
import type { VotingRulesError } from '$lib/domain/workshop/votes';
import type { ActionFieldTitleError } from '$lib/domain/workshop/action-fields';
import type { DateError, TitleError } from '$lib/domain/session-input';
import type { RespondentLabelError } from '$lib/domain/check/respondent-label';
import type { JoinError } from '$lib/state/join-flow.svelte';
import type {
	MeasureDraftField,
	MeasureError,
	MeasureInputError
} from '$lib/state/workshop/workshop-measures.svelte';
import { MEASURE_TEXT_MAX_LENGTH } from '$lib/domain/measures/measure-fields';
import { formatGermanNumber } from '$lib/domain/german-number';
import { appErrorMessage, isAppErrorCode, type AppErrorCode } from '$lib/state/app-error';

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

/** Storage and loading codes come from the state layer's one error type (ADR 12). */
const FORM_MESSAGES: Record<Exclude<ProfileFormErrorCode, AppErrorCode>, () => string> = {
	not_found: m.err_not_found
};

const SESSION_MESSAGES: Record<
	| TitleError
	| DateError
	| RespondentLabelError
	| 'restore_label_taken'
	| 'perspective_required'
	| 'catalog_unknown',
	() => string
> = {
	title_required: m.err_title_required,
	title_too_long: m.err_title_too_long,
	title_invalid: m.err_text_invalid,
	date_invalid: m.err_date_invalid,
	label_required: m.err_label_required,
	label_too_long: m.err_label_too_long,
	label_invalid: m.err_text_invalid,
	label_taken: m.err_label_taken,
	restore_label_taken: m.err_restore_label_taken,
	perspective_required: m.err_perspective_required,
	catalog_unknown: m.err_catalog_unknown
};

/** Values the facilitator types for the workshop day. */
const WORKSHOP_MESSAGES: Record<
	| 'duration_invalid'
	| 'start_time_invalid'
	| 'facilitators_too_long'
	| 'question_too_long'
	| CardTextError
	| ClusterNameError
	| VotingRulesError
	| ActionFieldTitleError
	| 'field_dimensions_missing'
	| 'field_dimensions_invalid',
	() => string
> = {
	field_title_empty: m.err_field_title_empty,
	field_title_too_long: m.err_field_title_too_long,
	field_title_invalid: m.err_field_title_invalid,
	field_dimensions_missing: m.err_field_dimensions_missing,
	field_dimensions_invalid: m.err_field_dimensions_invalid,
	dots_invalid: m.err_dots_invalid,
	max_per_item_invalid: m.err_max_per_item_invalid,
	card_empty: m.err_card_empty,
	card_too_long: m.err_card_too_long,
	card_invalid: m.err_card_invalid,
	cluster_name_empty: m.err_cluster_name_empty,
	cluster_name_too_long: m.err_cluster_name_too_long,
	cluster_name_invalid: m.err_cluster_name_invalid,
	duration_invalid: m.err_duration_invalid,
	start_time_invalid: m.err_start_time_invalid,
	facilitators_too_long: m.err_facilitators_too_long,
	question_too_long: m.err_question_too_long
};

/** What the measure form and the measures' writes answer (the form's fields, ADR 17). */
const MEASURE_MESSAGES: Record<
	Exclude<MeasureInputError, 'measure_text_too_long'> | 'measure_unknown',
	() => string
> = {
	measure_title_empty: m.err_measure_title_empty,
	measure_title_too_long: m.err_measure_title_too_long,
	measure_title_invalid: m.err_measure_title_invalid,
	measure_text_invalid: m.err_measure_text_invalid,
	schedule_invalid: m.err_schedule_invalid,
	budget_invalid: m.err_budget_invalid,
	budget_not_whole: m.err_budget_not_whole,
	budget_out_of_range: m.err_budget_out_of_range,
	staff_days_invalid: m.err_staff_days_invalid,
	staff_days_not_half: m.err_staff_days_not_half,
	staff_days_out_of_range: m.err_staff_days_out_of_range,
	measure_field_unknown: m.err_measure_field_unknown,
	measure_dimensions_invalid: m.err_measure_dimensions_invalid,
	measure_ikz_invalid: m.err_measure_ikz_invalid,
	measure_dependency_unknown: m.err_measure_dependency_unknown,
	measure_dependency_cycle: m.err_measure_dependency_cycle,
	measure_source_invalid: m.err_measure_source_invalid,
	measure_unknown: m.err_measure_unknown
};

/** A refused measure write in German; a text that is too long says how long its field may be. */
export function measureErrorMessage(code: MeasureError, field?: MeasureDraftField): string {
	if (code === 'measure_text_too_long') {
		const max =
			field !== undefined && field in MEASURE_TEXT_MAX_LENGTH
				? MEASURE_TEXT_MAX_LENGTH[field as keyof typeof MEASURE_TEXT_MAX_LENGTH]
				: null;
		return max === null
			? m.err_measure_text_too_long_any()
			: m.err_measure_text_too_long({ max: formatGermanNumber(max, 0) });
	}
	if (code === 'read_only') return m.err_measure_read_only();
	return errorMessage(code);
}

export function errorMessage(code: string): string {
	const message =
		(PROFILE_MESSAGES as Record<string, () => string>)[code] ??
		(FORM_MESSAGES as Record<string, () => string>)[code] ??
		(SESSION_MESSAGES as Record<string, () => string>)[code] ??
		(WORKSHOP_MESSAGES as Record<string, () => string>)[code] ??
		(MEASURE_MESSAGES as Record<string, () => string>)[code];
	if (message) return message();
	return isAppErrorCode(code) ? appErrorMessage(code) : m.err_unknown();
}

/** Answers of the laptop's joining API, and the checks the join page makes before asking it. */
const JOIN_MESSAGES: Record<JoinError | 'no_token', () => string> = {
	unreachable: m.err_join_unreachable,
	invalid_code: m.err_join_invalid_code,
	code_expired: m.err_join_invalid_code,
	device_revoked: m.err_join_device_revoked,
	unauthorized: m.err_join_unauthorized,
	token_expired: m.err_join_unauthorized,
	forbidden: m.err_join_forbidden,
	not_owner: m.err_join_forbidden,
	forbidden_origin: m.err_join_forbidden,
	no_token: m.err_join_no_token,
	invalid_request: m.err_join_invalid_request,
	body_too_large: m.err_join_invalid_request,
	rate_limited: m.err_join_rate_limited,
	too_many_devices: m.err_join_too_many_devices,
	document_too_large: m.err_join_invalid_request,
	document_deleted: m.err_document_deleted,
	write_refused: m.err_write_refused,
	write_budget_exceeded: m.err_write_budget_exceeded,
	invalid_scope: m.err_join_invalid_request,
	// Only the blob endpoint answers these; a join never does.
	photo_empty: m.err_join_invalid_request,
	photo_too_large: m.err_join_invalid_request,
	photo_unsupported_type: m.err_join_invalid_request,
	photo_damaged: m.err_join_invalid_request,
	photo_has_metadata: m.err_join_invalid_request,
	blob_hash_mismatch: m.err_join_invalid_request,
	blob_quota_exceeded: m.err_join_invalid_request,
	not_found: m.err_join_not_found,
	method_not_allowed: m.err_join_internal,
	internal: m.err_join_internal,
	name_required: m.err_name_required,
	name_too_long: m.err_name_too_long,
	name_invalid: m.err_text_invalid,
	storage_write_failed: () => appErrorMessage('storage_write_failed')
};

export const joinErrorMessage = (code: JoinError | 'no_token'): string => JOIN_MESSAGES[code]();
