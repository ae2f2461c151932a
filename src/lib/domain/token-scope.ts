// Which document-name patterns a token of each role gets for a target (a municipality, a workshop, a
// check round, a respondent). One function for every issuer (join codes, the token CLI), so a token can
// never cover more than the access table intends (ADR 5): the permission table then decides read or write per
// document (access.ts).

import type { Role } from './access';
import { isArs } from './ars';
import {
	checkRespondentDocName,
	checkRoundPrefix,
	DOCUMENT_PREFIX,
	isNameId,
	profileDocName,
	workshopPrefix
} from './document-names';

export interface ScopeTarget {
	ars?: string;
	workshop?: string;
	round?: string;
	respondent?: string;
}

export const SCOPE_ERRORS = [
	'ars_required',
	'ars_invalid',
	'workshop_required',
	'round_required',
	'respondent_required',
	'id_invalid',
	'target_ambiguous'
] as const;
export type ScopeError = (typeof SCOPE_ERRORS)[number];

export type ScopeResult = { ok: true; docs: string[] } | { ok: false; error: ScopeError };

const fail = (error: ScopeError): ScopeResult => ({ ok: false, error });

/**
 * The patterns for `role` on `target`:
 * - beratung: every municipality, or the one named;
 * - moderation: one municipality, or only one workshop or one round of it (a co-facilitator);
 * - teilnahme: one workshop, and the municipality's profile (which it reads);
 * - ansicht: one workshop or one check round (the permission table makes it read-only);
 * - respondent: exactly one respondent document (its holder's subject must be the respondent id).
 */
export function docPatternsFor(role: Role, target: ScopeTarget): ScopeResult {
	const { ars, workshop, round, respondent } = target;
	for (const id of [workshop, round, respondent]) {
		if (id !== undefined && !isNameId(id)) return fail('id_invalid');
	}
	if (ars !== undefined && !isArs(ars)) return fail('ars_invalid');
	if (workshop !== undefined && (round !== undefined || respondent !== undefined)) {
		return fail('target_ambiguous');
	}
	if (role === 'beratung') {
		// Beratung covers whole municipalities; a narrower target must not silently widen to all of them.
		if (workshop !== undefined || round !== undefined || respondent !== undefined) {
			return fail('target_ambiguous');
		}
		return { ok: true, docs: [`${DOCUMENT_PREFIX}/${ars ?? '*'}/**`] };
	}
	if (ars === undefined) return fail('ars_required');
	switch (role) {
		case 'moderation':
			if (respondent !== undefined) return fail('target_ambiguous');
			if (workshop !== undefined)
				return { ok: true, docs: [`${workshopPrefix(ars, workshop)}/**`] };
			if (round !== undefined) return { ok: true, docs: [`${checkRoundPrefix(ars, round)}/**`] };
			return { ok: true, docs: [`${DOCUMENT_PREFIX}/${ars}/**`] };
		case 'teilnahme':
			if (workshop === undefined) return fail('workshop_required');
			return { ok: true, docs: [`${workshopPrefix(ars, workshop)}/**`, profileDocName(ars)] };
		case 'ansicht':
			if (respondent !== undefined) return fail('target_ambiguous');
			if (workshop !== undefined)
				return { ok: true, docs: [`${workshopPrefix(ars, workshop)}/**`] };
			if (round !== undefined) return { ok: true, docs: [`${checkRoundPrefix(ars, round)}/**`] };
			return fail('workshop_required');
		case 'respondent':
			if (round === undefined) return fail('round_required');
			if (respondent === undefined) return fail('respondent_required');
			return { ok: true, docs: [checkRespondentDocName(ars, round, respondent)] };
	}
}
