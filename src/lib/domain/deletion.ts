// Deleting for good (ADR 11): what may be deleted, and who may. A deletion names a scope, a prefix of
// document names: a whole municipality, one workshop, one check round, or one respondent's document.
// The server deletes every document under the scope and keeps the scope as a tombstone, so a device
// that still holds one of them cannot bring it back by syncing, even a document the server never had.

import type { TokenClaims } from './access';
import { isArs } from './ars';
import {
	checkRespondentDocName,
	checkRoundPrefix,
	DOCUMENT_PREFIX,
	isNameId,
	workshopPrefix
} from './document-names';

export type DeletionTarget =
	| { kind: 'kommune'; ars: string }
	| { kind: 'workshop'; ars: string; workshop: string }
	| { kind: 'checkRound'; ars: string; round: string }
	| { kind: 'respondent'; ars: string; round: string; respondent: string };

/** The municipality's prefix: every document of it starts with this plus '/'. */
export const kommunePrefix = (ars: string): string => `${DOCUMENT_PREFIX}/${ars}`;

/** The scope (document-name prefix) a target deletes. */
export function deletionScope(target: DeletionTarget): string {
	switch (target.kind) {
		case 'kommune':
			return kommunePrefix(target.ars);
		case 'workshop':
			return workshopPrefix(target.ars, target.workshop);
		case 'checkRound':
			return checkRoundPrefix(target.ars, target.round);
		case 'respondent':
			return checkRespondentDocName(target.ars, target.round, target.respondent);
	}
}

/** The target a scope stands for, or null when the text is not one of the four scope shapes. */
export function parseDeletionScope(scope: unknown): DeletionTarget | null {
	if (typeof scope !== 'string' || scope.length > 300) return null;
	const [prefix, ars, kind, id, sub, respondent, ...rest] = scope.split('/');
	if (prefix !== DOCUMENT_PREFIX || ars === undefined || !isArs(ars) || rest.length > 0) {
		return null;
	}
	if (kind === undefined) return { kind: 'kommune', ars };
	if (!isNameId(id)) return null;
	if (kind === 'workshop' && sub === undefined) return { kind: 'workshop', ars, workshop: id };
	if (kind !== 'check') return null;
	if (sub === undefined) return { kind: 'checkRound', ars, round: id };
	if (sub === 'respondent' && isNameId(respondent)) {
		return { kind: 'respondent', ars, round: id, respondent };
	}
	return null;
}

/** Whether a document name lies under a scope (is the scope itself, or starts with it plus '/'). */
export const isUnderScope = (name: string, scope: string): boolean =>
	name === scope || name.startsWith(`${scope}/`);

/**
 * Every scope that would cover `name`, from the municipality down to the name itself: the server looks
 * these up among its tombstones (an indexed lookup, no pattern scan).
 */
export function enclosingScopes(name: string): string[] {
	const segments = name.split('/');
	const scopes: string[] = [];
	for (let length = 2; length <= segments.length; length++) {
		scopes.push(segments.slice(0, length).join('/'));
	}
	return scopes;
}

/**
 * Whether one pattern covers every name that could ever lie under `scope`: its literal and `*` segments
 * match the scope's first segments, and it ends in `**` right after them. `kommune/<ARS>/**` covers the
 * municipality and each of its workshops; a workshop's pattern does not cover the municipality.
 */
export function patternCoversScope(pattern: string, scope: string): boolean {
	const patternSegments = pattern.split('/');
	if (patternSegments.pop() !== '**') return false;
	const scopeSegments = scope.split('/');
	if (patternSegments.length > scopeSegments.length) return false;
	return patternSegments.every(
		(segment, i) =>
			segment !== '' && segment !== '**' && (segment === '*' || segment === scopeSegments[i])
	);
}

/**
 * Whether a name the pattern matches could lie under `scope`: a key whose patterns reach no such name
 * never uploaded anything of the scope (the central sync uploads only what its key covers, ADR 10), so
 * that server need not be asked to delete it. A `**` counts as reaching anything after it.
 */
export function patternReachesScope(pattern: string, scope: string): boolean {
	const patternSegments = pattern.split('/');
	const scopeSegments = scope.split('/');
	for (const [i, segment] of patternSegments.entries()) {
		if (segment === '**' || i >= scopeSegments.length) return true;
		if (segment !== '*' && segment !== scopeSegments[i]) return false;
	}
	return patternSegments.length === scopeSegments.length;
}

/**
 * Deleting for good is moderation's: the token's role is moderation and one of its patterns covers the
 * whole scope (the pattern rules of access.ts), so a co-facilitator of one workshop deletes that workshop and
 * nothing else. The scope includes documents moderation only reads (participants' private cards): a
 * workshop deleted for good leaves none of its parts behind.
 */
export function mayDelete(claims: Pick<TokenClaims, 'role' | 'docs'>, scope: string): boolean {
	if (claims.role !== 'moderation' || parseDeletionScope(scope) === null) return false;
	return claims.docs.some((pattern) => patternCoversScope(pattern, scope));
}
