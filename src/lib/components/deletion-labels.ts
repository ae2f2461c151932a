// The German words of a deletion (ADR 11): what is lost, the error messages, the notice afterwards.
import { m } from '$lib/paraglide/messages.js';
import type { DeletionPlan } from '$lib/sync/scope-deletion';
import type { ScopeDeletionFlow } from '$lib/state/scope-deletion-flow.svelte';

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
		case 'respondent':
			return m.delete_loses_round({ name, respondents });
		case 'workshop':
			return m.delete_loses_workshop({ name });
	}
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

export const deletionErrorMessage = (error: NonNullable<ScopeDeletionFlow['error']>): string =>
	ERRORS[error]();

/** The confirmation on the page the person lands on afterwards. */
export const deletionNotice = (mode: 'device' | 'everywhere', name: string): string =>
	mode === 'device' ? m.deleted_local_notice({ name }) : m.deleted_final_notice({ name });
