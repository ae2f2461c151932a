import { describe, expect, it } from 'vitest';
import {
	deletionScope,
	enclosingScopes,
	isUnderScope,
	mayDelete,
	parseDeletionScope,
	patternCoversScope,
	patternReachesScope
} from './deletion';

const A = '032410001001';
const B = '031010000000';

describe('deletion scopes', () => {
	it('a municipality, a workshop, a round and a respondent each have a scope that parses back', () => {
		const targets = [
			{ kind: 'kommune', ars: A },
			{ kind: 'workshop', ars: A, workshop: 'w1' },
			{ kind: 'checkRound', ars: A, round: 'c1' },
			{ kind: 'respondent', ars: A, round: 'c1', respondent: 'r1' }
		] as const;
		expect(targets.map(deletionScope)).toEqual([
			`kommune/${A}`,
			`kommune/${A}/workshop/w1`,
			`kommune/${A}/check/c1`,
			`kommune/${A}/check/c1/respondent/r1`
		]);
		for (const target of targets) expect(parseDeletionScope(deletionScope(target))).toEqual(target);
	});

	it('a malformed scope is refused: a single document, a bad ARS, a bad id, extra segments, no string', () => {
		for (const scope of [
			`kommune/${A}/profile`,
			`kommune/${A}/workshop/w1/board`,
			`kommune/${A}/check/c1/shared`,
			'kommune/12345/workshop/w1',
			`kommune/${A}/workshop/w 1`,
			`kommune/${A}/workshop/`,
			`kommune/${A}/check/c1/respondent/r1/x`,
			`kommune/${A}/`,
			'kommune',
			`other/${A}`,
			'',
			42,
			null
		]) {
			expect(parseDeletionScope(scope), String(scope)).toBeNull();
		}
	});

	it('a name is under a scope only segment by segment, never by a shared text prefix', () => {
		expect(isUnderScope(`kommune/${A}/workshop/w1/board`, `kommune/${A}/workshop/w1`)).toBe(true);
		expect(isUnderScope(`kommune/${A}/workshop/w10/board`, `kommune/${A}/workshop/w1`)).toBe(false);
		expect(
			isUnderScope(`kommune/${A}/check/c1/respondent/r1`, `kommune/${A}/check/c1/respondent/r1`)
		).toBe(true);
	});

	it('the scopes enclosing a document run from the municipality to the document itself', () => {
		expect(enclosingScopes(`kommune/${A}/workshop/w1/private/p1`)).toEqual([
			`kommune/${A}`,
			`kommune/${A}/workshop`,
			`kommune/${A}/workshop/w1`,
			`kommune/${A}/workshop/w1/private`,
			`kommune/${A}/workshop/w1/private/p1`
		]);
	});
});

describe('who may delete', () => {
	const moderation = (...docs: string[]) => ({ role: 'moderation' as const, docs });

	it('a pattern ending in ** covers the scopes at or below its literal part', () => {
		expect(patternCoversScope('kommune/*/**', `kommune/${A}`)).toBe(true);
		expect(patternCoversScope(`kommune/${A}/**`, `kommune/${A}/workshop/w1`)).toBe(true);
		expect(patternCoversScope(`kommune/${A}/workshop/w1/**`, `kommune/${A}`)).toBe(false);
		expect(patternCoversScope(`kommune/${A}/workshop/w1/**`, `kommune/${A}/workshop/w2`)).toBe(
			false
		);
		expect(patternCoversScope(`kommune/${A}/profile`, `kommune/${A}`)).toBe(false);
		expect(patternCoversScope(`kommune/${B}/**`, `kommune/${A}`)).toBe(false);
		expect(patternCoversScope('**', `kommune/${A}`)).toBe(true);
		expect(patternCoversScope('kommune/**/**', `kommune/${A}`)).toBe(false);
	});

	it("the laptop's owner and a municipality's moderation delete anything of it", () => {
		expect(mayDelete(moderation('kommune/*/**'), `kommune/${A}`)).toBe(true);
		expect(mayDelete(moderation(`kommune/${A}/**`), `kommune/${A}/check/c1`)).toBe(true);
		expect(mayDelete(moderation(`kommune/${A}/**`), `kommune/${B}`)).toBe(false);
	});

	it('a co-facilitator of one workshop deletes that workshop, not the municipality or another workshop', () => {
		const coModeration = moderation(`kommune/${A}/workshop/w1/**`);
		expect(mayDelete(coModeration, `kommune/${A}/workshop/w1`)).toBe(true);
		expect(mayDelete(coModeration, `kommune/${A}/workshop/w2`)).toBe(false);
		expect(mayDelete(coModeration, `kommune/${A}`)).toBe(false);
	});

	it('no other role deletes, even one that may write the documents', () => {
		for (const role of ['teilnahme', 'ansicht', 'beratung', 'respondent'] as const) {
			expect(mayDelete({ role, docs: ['kommune/*/**'] }, `kommune/${A}/workshop/w1`)).toBe(false);
		}
	});

	it('a malformed scope is never deletable', () => {
		expect(mayDelete(moderation('kommune/*/**'), `kommune/${A}/profile`)).toBe(false);
	});
});

describe('whether a central key could have uploaded part of a scope', () => {
	it("reaches the scope when the key's names could lie under it, and not for another municipality or workshop", () => {
		const scope = `kommune/${A}/workshop/w1`;
		expect(patternReachesScope(`kommune/${A}/**`, scope)).toBe(true);
		expect(patternReachesScope('kommune/*/**', scope)).toBe(true);
		expect(patternReachesScope(`kommune/${A}/workshop/w1/**`, `kommune/${A}`)).toBe(true);
		expect(patternReachesScope(`kommune/${A}/profile`, `kommune/${A}`)).toBe(true);
		expect(patternReachesScope(`kommune/${B}/**`, scope)).toBe(false);
		expect(patternReachesScope(`kommune/${A}/workshop/w10/**`, scope)).toBe(false);
		expect(patternReachesScope(`kommune/${A}/profile`, scope)).toBe(false);
		expect(patternReachesScope(`kommune/${A}`, scope)).toBe(false);
	});
});
