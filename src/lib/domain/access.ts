// Who may read and write which document (ADR 5). Permissions follow documents because a Yjs
// document always syncs whole, so the unit of access is a document name. The server enforces the result
// (a 'read' connection is readOnly, 'none' is refused); the browser may use it to hide controls.
//
// A token grants access in two steps, both of which must hold:
// 1. scope: one of its `docs` patterns matches the document name (which municipality, workshop, …);
// 2. role: the table below allows the role on that kind of document. Rows marked 'write-own' allow
//    writing only the holder's own document: the id in the name must equal the token's subject.

export const ROLES = ['moderation', 'teilnahme', 'ansicht', 'beratung', 'respondent'] as const;
export type Role = (typeof ROLES)[number];

export type Access = 'write' | 'read' | 'none';

/** What the server's tokens carry (JWT claims; `exp` in seconds since the epoch). */
export interface TokenClaims {
	/** Subject: a person, device or participant; for teilnahme the participant id, for respondent the respondent id. */
	sub: string;
	role: Role;
	/** Document-name patterns, see `matchesDocPattern`. */
	docs: string[];
	exp: number;
	/** The device a join code issued this token to; the server refuses it once the device is removed. */
	jti?: string;
}

export const DOC_KINDS = [
	'profile',
	'checkShared',
	'checkRespondent',
	'workshopControl',
	'workshopBoard',
	'workshopPrivate'
] as const;
export type DocKind = (typeof DOC_KINDS)[number];

type Grant = Access | 'write-own';

/** The access table of ADR 5, row by row. A missing entry ("–") is 'none'. */
export const PERMISSIONS: Readonly<Record<DocKind, Readonly<Record<Role, Grant>>>> = {
	profile: {
		moderation: 'write',
		teilnahme: 'read',
		respondent: 'none',
		ansicht: 'none',
		beratung: 'read'
	},
	checkShared: {
		moderation: 'write',
		teilnahme: 'none',
		respondent: 'none',
		ansicht: 'read',
		beratung: 'read'
	},
	checkRespondent: {
		moderation: 'write',
		teilnahme: 'none',
		respondent: 'write-own',
		ansicht: 'none',
		beratung: 'read'
	},
	workshopControl: {
		moderation: 'write',
		teilnahme: 'read',
		respondent: 'none',
		ansicht: 'read',
		beratung: 'read'
	},
	workshopBoard: {
		moderation: 'write',
		teilnahme: 'write',
		respondent: 'none',
		ansicht: 'read',
		beratung: 'read'
	},
	workshopPrivate: {
		// Moderation reads private cards to reveal them; nobody else but the participant sees them.
		moderation: 'read',
		teilnahme: 'write-own',
		respondent: 'none',
		ansicht: 'none',
		beratung: 'none'
	}
};

export interface ParsedDocName {
	kind: DocKind;
	ars: string;
	/** The id that makes a document someone's own: the respondent id or the participant id. */
	ownerId: string | null;
}

const ID = '[A-Za-z0-9_-]{1,64}';
const DOC_NAME_RULES: ReadonlyArray<{ kind: DocKind; regex: RegExp }> = [
	{ kind: 'profile', regex: /^kommune\/(\d{12})\/profile$/ },
	{ kind: 'checkShared', regex: new RegExp(`^kommune/(\\d{12})/check/${ID}/shared$`) },
	{
		kind: 'checkRespondent',
		regex: new RegExp(`^kommune/(\\d{12})/check/${ID}/respondent/(${ID})$`)
	},
	{ kind: 'workshopControl', regex: new RegExp(`^kommune/(\\d{12})/workshop/${ID}/control$`) },
	{ kind: 'workshopBoard', regex: new RegExp(`^kommune/(\\d{12})/workshop/${ID}/board$`) },
	{
		kind: 'workshopPrivate',
		regex: new RegExp(`^kommune/(\\d{12})/workshop/${ID}/private/(${ID})$`)
	}
];

/** The kind of a document by its name, or null for a name outside the scheme (which nobody may open). */
export function parseDocName(name: string): ParsedDocName | null {
	for (const { kind, regex } of DOC_NAME_RULES) {
		const match = regex.exec(name);
		if (match) return { kind, ars: match[1]!, ownerId: match[2] ?? null };
	}
	return null;
}

/**
 * Pattern syntax over '/'-separated name segments:
 * - a literal segment matches itself exactly;
 * - `*` matches exactly one non-empty segment;
 * - `**` matches zero or more segments (so `kommune/*` + `/**` covers every document of every
 *   municipality, `kommune/032410001001/**` every document of one).
 * Nothing else is special; an empty pattern or a pattern with an empty segment matches nothing.
 */
export function matchesDocPattern(pattern: string, name: string): boolean {
	const patternSegments = pattern.split('/');
	const nameSegments = name.split('/');
	if (patternSegments.some((s) => s === '') || nameSegments.some((s) => s === '')) return false;
	return matchSegments(patternSegments, 0, nameSegments, 0);
}

function matchSegments(pattern: string[], p: number, name: string[], n: number): boolean {
	if (p === pattern.length) return n === name.length;
	const segment = pattern[p]!;
	if (segment === '**') {
		for (let skip = n; skip <= name.length; skip++) {
			if (matchSegments(pattern, p + 1, name, skip)) return true;
		}
		return false;
	}
	if (n === name.length) return false;
	if (segment !== '*' && segment !== name[n]) return false;
	return matchSegments(pattern, p + 1, name, n + 1);
}

/** What the holder of these claims may do with the named document. Expiry is checked by the verifier. */
export function accessFor(
	claims: Pick<TokenClaims, 'sub' | 'role' | 'docs'>,
	documentName: string
): Access {
	const parsed = parseDocName(documentName);
	if (!parsed) return 'none';
	if (!claims.docs.some((pattern) => matchesDocPattern(pattern, documentName))) return 'none';
	// A role the table does not know (a token from a newer server) gets nothing.
	const grant: Grant = PERMISSIONS[parsed.kind][claims.role] ?? 'none';
	if (grant === 'write-own') return parsed.ownerId === claims.sub ? 'write' : 'none';
	return grant;
}
