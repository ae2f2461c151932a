// Expectations are written out by hand from the access table and the token rules (ADR 5, ADR 6), not built with the name builders, so a
// mistake in a builder shows here too.
import { describe, expect, it } from 'vitest';
import { ROLES } from './access';
import { docPatternsFor, type ScopeError } from './token-scope';

const ARS = '032410001001';
const OTHER_ARS = '031010000000';

const patterns = (...docs: string[]) => ({ ok: true, docs });
const error = (code: ScopeError) => ({ ok: false, error: code });

describe('token scopes of each role', () => {
	it('beratung without a municipality covers every municipality', () => {
		expect(docPatternsFor('beratung', {})).toEqual(patterns('kommune/*/**'));
	});

	it('beratung of one municipality covers exactly that municipality', () => {
		expect(docPatternsFor('beratung', { ars: ARS })).toEqual(patterns(`kommune/${ARS}/**`));
		expect(docPatternsFor('beratung', { ars: OTHER_ARS })).toEqual(
			patterns(`kommune/${OTHER_ARS}/**`)
		);
	});

	it('moderation of a municipality covers every document of it', () => {
		expect(docPatternsFor('moderation', { ars: ARS })).toEqual(patterns(`kommune/${ARS}/**`));
	});

	it('moderation of one workshop (a co-facilitator) covers only that workshop', () => {
		expect(docPatternsFor('moderation', { ars: ARS, workshop: 'w1' })).toEqual(
			patterns(`kommune/${ARS}/workshop/w1/**`)
		);
	});

	it('moderation of one check round covers only that round', () => {
		expect(docPatternsFor('moderation', { ars: ARS, round: '2026-1' })).toEqual(
			patterns(`kommune/${ARS}/check/2026-1/**`)
		);
	});

	it('teilnahme covers its workshop and the municipality profile it reads', () => {
		expect(docPatternsFor('teilnahme', { ars: ARS, workshop: 'w1' })).toEqual(
			patterns(`kommune/${ARS}/workshop/w1/**`, `kommune/${ARS}/profile`)
		);
	});

	it('ansicht covers the one workshop or the one check round it shows', () => {
		expect(docPatternsFor('ansicht', { ars: ARS, workshop: 'w1' })).toEqual(
			patterns(`kommune/${ARS}/workshop/w1/**`)
		);
		expect(docPatternsFor('ansicht', { ars: ARS, round: '2026-1' })).toEqual(
			patterns(`kommune/${ARS}/check/2026-1/**`)
		);
	});

	it('a respondent token covers exactly its own respondent document and no pattern', () => {
		expect(docPatternsFor('respondent', { ars: ARS, round: '2026-1', respondent: 'r1' })).toEqual(
			patterns(`kommune/${ARS}/check/2026-1/respondent/r1`)
		);
	});

	it('ids may use letters, digits, "_" and "-" up to 64 characters', () => {
		const long = 'A'.repeat(64);
		expect(docPatternsFor('moderation', { ars: ARS, workshop: long })).toEqual(
			patterns(`kommune/${ARS}/workshop/${long}/**`)
		);
		expect(
			docPatternsFor('respondent', { ars: ARS, round: 'r_2026-1', respondent: 'x-Y_9' })
		).toEqual(patterns(`kommune/${ARS}/check/r_2026-1/respondent/x-Y_9`));
	});
});

describe('targets a token scope refuses', () => {
	it('every role but beratung needs a municipality', () => {
		for (const role of ROLES.filter((r) => r !== 'beratung')) {
			expect(docPatternsFor(role, {}), role).toEqual(error('ars_required'));
		}
		expect(docPatternsFor('teilnahme', { workshop: 'w1' })).toEqual(error('ars_required'));
		expect(docPatternsFor('respondent', { round: 'c1', respondent: 'r1' })).toEqual(
			error('ars_required')
		);
	});

	it('a malformed municipality key is refused for every role', () => {
		for (const ars of [
			'',
			'03241000100',
			'0324100010011',
			'03241000100x',
			'172410001001',
			'03 2 41 0001 001',
			'*'
		]) {
			for (const role of ROLES) {
				expect(docPatternsFor(role, { ars, workshop: 'w1' }), `${role} ${ars}`).toEqual(
					error('ars_invalid')
				);
			}
		}
	});

	it('teilnahme needs a workshop', () => {
		expect(docPatternsFor('teilnahme', { ars: ARS })).toEqual(error('workshop_required'));
		expect(docPatternsFor('teilnahme', { ars: ARS, round: 'c1' })).toEqual(
			error('workshop_required')
		);
	});

	it('ansicht needs a workshop or a check round', () => {
		expect(docPatternsFor('ansicht', { ars: ARS })).toEqual(error('workshop_required'));
	});

	it('a respondent token needs its round and its respondent id', () => {
		expect(docPatternsFor('respondent', { ars: ARS })).toEqual(error('round_required'));
		expect(docPatternsFor('respondent', { ars: ARS, respondent: 'r1' })).toEqual(
			error('round_required')
		);
		expect(docPatternsFor('respondent', { ars: ARS, round: 'c1' })).toEqual(
			error('respondent_required')
		);
	});

	it('an id that is not a document-name segment is refused, so it cannot act as a wildcard', () => {
		for (const id of ['', '*', '**', 'a/b', '..', 'w 1', 'ä', 'A'.repeat(65)]) {
			expect(docPatternsFor('moderation', { ars: ARS, workshop: id }), id).toEqual(
				error('id_invalid')
			);
			expect(docPatternsFor('ansicht', { ars: ARS, round: id }), id).toEqual(error('id_invalid'));
			expect(docPatternsFor('respondent', { ars: ARS, round: 'c1', respondent: id }), id).toEqual(
				error('id_invalid')
			);
		}
	});

	it('a target naming both a workshop and a check round or respondent is refused', () => {
		for (const role of ROLES) {
			expect(docPatternsFor(role, { ars: ARS, workshop: 'w1', round: 'c1' }), role).toEqual(
				error('target_ambiguous')
			);
			expect(docPatternsFor(role, { ars: ARS, workshop: 'w1', respondent: 'r1' }), role).toEqual(
				error('target_ambiguous')
			);
		}
	});

	it('beratung refuses a narrower target instead of widening it to whole municipalities', () => {
		expect(docPatternsFor('beratung', { ars: ARS, workshop: 'w1' })).toEqual(
			error('target_ambiguous')
		);
		expect(docPatternsFor('beratung', { round: 'c1' })).toEqual(error('target_ambiguous'));
		expect(docPatternsFor('beratung', { respondent: 'r1' })).toEqual(error('target_ambiguous'));
		expect(docPatternsFor('beratung', { ars: ARS, round: 'c1', respondent: 'r1' })).toEqual(
			error('target_ambiguous')
		);
	});

	it('moderation and ansicht refuse a respondent instead of ignoring it', () => {
		for (const role of ['moderation', 'ansicht'] as const) {
			expect(docPatternsFor(role, { ars: ARS, respondent: 'r1' }), role).toEqual(
				error('target_ambiguous')
			);
			expect(docPatternsFor(role, { ars: ARS, round: 'c1', respondent: 'r1' }), role).toEqual(
				error('target_ambiguous')
			);
		}
	});
});
