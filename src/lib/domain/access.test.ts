import { describe, expect, it } from 'vitest';
import {
	accessFor,
	DOC_KINDS,
	matchesDocPattern,
	parseDocName,
	PERMISSIONS,
	ROLES,
	type Role
} from './access';

const ARS = '032410001001';
const OTHER_ARS = '031010000000';
const docs = {
	profile: `kommune/${ARS}/profile`,
	checkShared: `kommune/${ARS}/check/2026-1/shared`,
	checkRespondent: `kommune/${ARS}/check/2026-1/respondent/r1`,
	workshopControl: `kommune/${ARS}/workshop/w1/control`,
	workshopBoard: `kommune/${ARS}/workshop/w1/board`,
	workshopPrivate: `kommune/${ARS}/workshop/w1/private/p1`
} as const;

const claims = (role: Role, patterns: string[], sub = 'someone') => ({ sub, role, docs: patterns });

describe('document-name patterns', () => {
	it('a literal pattern matches only the same name', () => {
		expect(matchesDocPattern(docs.profile, docs.profile)).toBe(true);
		expect(matchesDocPattern(docs.profile, `kommune/${OTHER_ARS}/profile`)).toBe(false);
		expect(matchesDocPattern(docs.profile, `${docs.profile}/x`)).toBe(false);
	});

	it('* matches exactly one segment', () => {
		expect(matchesDocPattern('kommune/*/profile', docs.profile)).toBe(true);
		expect(matchesDocPattern('kommune/*/profile', 'kommune/profile')).toBe(false);
		expect(matchesDocPattern('kommune/*', docs.profile)).toBe(false);
	});

	it('** matches any number of segments', () => {
		expect(matchesDocPattern('kommune/*/**', docs.workshopPrivate)).toBe(true);
		expect(matchesDocPattern(`kommune/${ARS}/**`, docs.checkRespondent)).toBe(true);
		expect(matchesDocPattern(`kommune/${ARS}/**`, `kommune/${OTHER_ARS}/profile`)).toBe(false);
		expect(matchesDocPattern(`kommune/${ARS}/workshop/w1/**`, docs.workshopBoard)).toBe(true);
		expect(matchesDocPattern(`kommune/${ARS}/workshop/w1/**`, docs.profile)).toBe(false);
		expect(matchesDocPattern('**/board', docs.workshopBoard)).toBe(true);
	});

	it('a star is not a wildcard inside a segment, and empty segments match nothing', () => {
		expect(matchesDocPattern('kommune/0324*/profile', docs.profile)).toBe(false);
		expect(matchesDocPattern('', docs.profile)).toBe(false);
		expect(matchesDocPattern('kommune//**', docs.profile)).toBe(false);
		expect(matchesDocPattern('kommune/*/**', `kommune//profile`)).toBe(false);
	});
});

describe('document names', () => {
	it('recognises each kind of document of the access table (ADR 5)', () => {
		for (const kind of DOC_KINDS) expect(parseDocName(docs[kind])?.kind).toBe(kind);
		expect(parseDocName(docs.workshopPrivate)).toEqual({
			kind: 'workshopPrivate',
			ars: ARS,
			ownerId: 'p1'
		});
	});

	it('names outside the scheme are not documents anyone may open', () => {
		for (const name of [
			'kommune/12345/profile',
			`kommune/${ARS}/unknown`,
			`kommune/${ARS}/workshop/w1/private/`,
			`kommune/${ARS}/workshop/w 1/board`,
			`other/${ARS}/profile`
		]) {
			expect(parseDocName(name)).toBeNull();
			expect(accessFor(claims('moderation', ['**']), name)).toBe('none');
		}
	});
});

describe('the permission table', () => {
	it('has a grant for every role on every kind of document', () => {
		for (const kind of DOC_KINDS)
			expect(Object.keys(PERMISSIONS[kind]).sort()).toEqual([...ROLES].sort());
	});

	it('moderation of a municipality writes everything of it but only reads private cards', () => {
		const moderation = claims('moderation', [`kommune/${ARS}/**`]);
		expect(accessFor(moderation, docs.profile)).toBe('write');
		expect(accessFor(moderation, docs.checkShared)).toBe('write');
		expect(accessFor(moderation, docs.checkRespondent)).toBe('write');
		expect(accessFor(moderation, docs.workshopControl)).toBe('write');
		expect(accessFor(moderation, docs.workshopBoard)).toBe('write');
		expect(accessFor(moderation, docs.workshopPrivate)).toBe('read');
	});

	it('moderation of one municipality has no access to another', () => {
		const moderation = claims('moderation', [`kommune/${ARS}/**`]);
		expect(accessFor(moderation, `kommune/${OTHER_ARS}/profile`)).toBe('none');
	});

	it('teilnahme reads profile and control, writes the board and only its own private document', () => {
		const teilnahme = claims('teilnahme', [docs.profile, `kommune/${ARS}/workshop/w1/**`], 'p1');
		expect(accessFor(teilnahme, docs.profile)).toBe('read');
		expect(accessFor(teilnahme, docs.workshopControl)).toBe('read');
		expect(accessFor(teilnahme, docs.workshopBoard)).toBe('write');
		expect(accessFor(teilnahme, docs.workshopPrivate)).toBe('write');
		expect(accessFor(teilnahme, `kommune/${ARS}/workshop/w1/private/p2`)).toBe('none');
		expect(accessFor(teilnahme, docs.checkShared)).toBe('none');
		expect(accessFor(teilnahme, `kommune/${ARS}/workshop/w2/board`)).toBe('none');
	});

	it('a respondent writes only its own answers', () => {
		const respondent = claims('respondent', [`kommune/${ARS}/check/2026-1/**`], 'r1');
		expect(accessFor(respondent, docs.checkRespondent)).toBe('write');
		expect(accessFor(respondent, `kommune/${ARS}/check/2026-1/respondent/r2`)).toBe('none');
		expect(accessFor(respondent, docs.checkShared)).toBe('none');
		expect(accessFor(claims('respondent', ['**'], 'r1'), docs.profile)).toBe('none');
	});

	it('ansicht (the projector) only reads the check and the workshop it shows', () => {
		const ansicht = claims('ansicht', [`kommune/${ARS}/**`]);
		expect(accessFor(ansicht, docs.profile)).toBe('none');
		expect(accessFor(ansicht, docs.checkShared)).toBe('read');
		expect(accessFor(ansicht, docs.checkRespondent)).toBe('none');
		expect(accessFor(ansicht, docs.workshopControl)).toBe('read');
		expect(accessFor(ansicht, docs.workshopBoard)).toBe('read');
		expect(accessFor(ansicht, docs.workshopPrivate)).toBe('none');
	});

	it('beratung reads every municipality document except private cards and never writes', () => {
		const beratung = claims('beratung', ['kommune/*/**']);
		for (const kind of DOC_KINDS) {
			expect(accessFor(beratung, docs[kind])).toBe(kind === 'workshopPrivate' ? 'none' : 'read');
		}
	});

	it('a token without a matching pattern grants nothing, whatever its role', () => {
		for (const role of ROLES) expect(accessFor(claims(role, []), docs.workshopBoard)).toBe('none');
	});

	it('a role unknown to the table grants nothing', () => {
		const unknown = { sub: 'x', role: 'admin' as Role, docs: ['**'] };
		expect(accessFor(unknown, docs.profile)).toBe('none');
	});
});
