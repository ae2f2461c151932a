// The German words of a deletion (ADR 11): what is lost, the error messages, the notice afterwards.
import { m } from '$lib/paraglide/messages.js';
import type {
	DeletionError,
	DeletionPlace,
	DeletionPlan,
	ScopeDeletionFlow
} from '$lib/state/deletion/scope-deletion-flow.svelte';
import { perspectiveLabel } from './perspective-labels';

const counted = (count: number, one: () => string, other: (inputs: { count: string }) => string) =>
	count === 1 ? one() : other({ count: String(count) });

/** "Kommune Celle mit 2 Check-Runden (9 Befragte) und 1 Workshop", and the like for a session. */
export function lossDescription(plan: DeletionPlan, fallbackName: string): string {
	const name = plan.title ?? fallbackName;
	const respondents = counted(
		plan.respondents,
		m.delete_count_respondents_one,
		m.delete_count_respondents_other
	);
	switch (plan.target.kind) {
		case 'kommune':
			return m.delete_loses_kommune({
				name,
				rounds: counted(plan.checkRounds, m.delete_count_rounds_one, m.delete_count_rounds_other),
				respondents,
				workshops: counted(
					plan.workshops,
					m.delete_count_workshops_one,
					m.delete_count_workshops_other
				)
			});
		case 'checkRound':
			return m.delete_loses_round({ name, respondents });
		case 'respondent':
			return respondentLoss(plan, name);
		case 'workshop':
			return m.delete_loses_workshop({ name });
	}
}

/** "Befragte Person „Fachamt 1“ (Beschäftigte) mit 23 beantworteten Fragen". */
function respondentLoss(plan: DeletionPlan, fallbackName: string): string {
	const who = plan.respondent;
	if (who === null || who.answered === null) {
		return m.delete_loses_respondent_plain({ label: who?.label ?? fallbackName });
	}
	return m.delete_loses_respondent({
		label: who.label,
		perspective: perspectiveLabel(who.perspective),
		answered: counted(who.answered, m.delete_count_answered_one, m.delete_count_answered_other)
	});
}

const ERRORS: Record<NonNullable<ScopeDeletionFlow['error']>, () => string> = {
	unsent_changes: m.delete_err_unsent,
	no_token: m.delete_err_no_token,
	storage_failed: m.delete_err_storage,
	code_load_failed: m.err_unknown,
	unreachable: m.delete_err_unreachable,
	forbidden: m.delete_err_forbidden,
	unauthorized: m.delete_err_unauthorized,
	token_expired: m.delete_err_unauthorized,
	device_revoked: m.delete_err_unauthorized,
	invalid_scope: m.delete_err_internal,
	internal: m.delete_err_internal
};

/** The central server failed and nothing was deleted anywhere. */
const CENTRAL_ERRORS: Partial<Record<DeletionError, () => string>> = {
	unreachable: m.delete_err_central_unreachable,
	forbidden: m.delete_err_central_forbidden,
	unauthorized: m.delete_err_central_unauthorized,
	token_expired: m.delete_err_central_unauthorized,
	device_revoked: m.delete_err_central_unauthorized
};

/** Why the laptop server did not delete after the central server did. */
const PARTIAL_REASONS: Partial<Record<DeletionError, () => string>> = {
	unreachable: m.delete_reason_unreachable,
	forbidden: m.delete_reason_forbidden,
	unauthorized: m.delete_reason_unauthorized,
	token_expired: m.delete_reason_unauthorized,
	device_revoked: m.delete_reason_unauthorized
};

/**
 * The message for a failed deletion: which server failed and why, and, when some servers deleted
 * already, exactly where it is deleted and where not, with the way to finish it (ADR 11).
 */
export function deletionErrorMessage(
	error: NonNullable<ScopeDeletionFlow['error']>,
	failedOn: DeletionPlace | null = null,
	deletedOn: readonly DeletionPlace[] = []
): string {
	if (error !== 'code_load_failed' && deletedOn.length > 0) {
		if (failedOn === null) {
			const where = deletedOn.includes('central') ? m.delete_where_both : m.delete_where_laptop;
			return m.delete_err_storage_after_servers({ where: where() });
		}
		return m.delete_err_partial({
			reason: (PARTIAL_REASONS[error] ?? m.delete_reason_internal)()
		});
	}
	if (error !== 'code_load_failed' && failedOn === 'central') {
		return (CENTRAL_ERRORS[error] ?? m.delete_err_central_internal)();
	}
	return ERRORS[error]();
}

/** The confirmation on the page the person lands on afterwards. */
export const deletionNotice = (mode: 'device' | 'everywhere', name: string): string =>
	mode === 'device' ? m.deleted_local_notice({ name }) : m.deleted_final_notice({ name });
