import { describe, expect, it } from 'vitest';
import {
	BARRIER_IDS,
	BARRIERS,
	barrierPareto,
	CUSTOM_BARRIERS_MAX,
	placeInTop3,
	validateCustomBarrier
} from './barriers';

describe('the barrier list', () => {
	it('holds the twelve barriers of the Digital-Check with unique ids', () => {
		expect(BARRIERS).toHaveLength(12);
		expect(new Set(BARRIER_IDS).size).toBe(12);
		expect(BARRIERS.map((barrier) => barrier.label)).toContain('Herstellerabhängigkeit');
	});
});

describe('the barrier Pareto', () => {
	// Hand-computed (rank 1 = 3 points, 2 = 2, 3 = 1):
	//
	//   barrier          round 1   round 2   round 3       round 4   score  ticked  top 3
	//   personalmangel   rank 1    rank 2    –             –         5      2       2
	//   finanzierung     rank 2    rank 1    –             ticked    5      3       2
	//   standards        rank 3    –         rank 1 (+3)   –         4      2       2
	//   it-fachkraefte   –         ticked    –             –         0      1       0
	//   breitband        –         –         ticked        –         0      1       0
	//
	// Total 14. finanzierung leads on ticks; it-fachkraefte before breitband by list order. standards
	// repeated on rank 3 of round 3 counts once, at rank 1; 'ufo' and 'quantencomputer' are unknown.
	const rounds = [
		{
			ticked: ['personalmangel', 'finanzierung', 'standards'],
			top3: ['personalmangel', 'finanzierung', 'standards']
		},
		// personalmangel is ranked without being ticked: it counts as ticked.
		{
			ticked: ['finanzierung', 'it-fachkraefte', 'finanzierung'],
			top3: ['finanzierung', 'personalmangel', null]
		},
		{
			ticked: ['standards', 'breitband', 'quantencomputer'],
			top3: ['standards', 'ufo', 'standards']
		},
		{ ticked: ['finanzierung'], top3: [] }
	];

	it('ranks by weighted score, then ticks, then list order, with cumulative shares', () => {
		const pareto = barrierPareto(rounds);
		expect(pareto.rounds).toBe(4);
		expect(pareto.totalScore).toBe(14);
		expect(pareto.rows.slice(0, 5)).toEqual([
			row('finanzierung', 3, 2, 5, 5 / 14, 5 / 14),
			row('personalmangel', 2, 2, 5, 5 / 14, 10 / 14),
			row('standards', 2, 2, 4, 4 / 14, 1),
			row('it-fachkraefte', 1, 0, 0, 0, 1),
			row('breitband', 1, 0, 0, 0, 1)
		]);
		expect(pareto.rows.slice(5).map((r) => [r.id, r.ticked, r.score])).toEqual([
			['it-komplexitaet', 0, 0],
			['undokumentierte-prozesse', 0, 0],
			['parallelarbeit', 0, 0],
			['zustaendigkeiten', 0, 0],
			['herstellerabhaengigkeit', 0, 0],
			['rechtsunsicherheit', 0, 0],
			['akzeptanz', 0, 0]
		]);
	});

	it('reports unknown ids instead of counting them', () => {
		expect(barrierPareto(rounds).unknownIds).toEqual(['quantencomputer', 'ufo']);
	});

	it('has no shares when nothing was ranked', () => {
		const pareto = barrierPareto([{ ticked: ['breitband'], top3: [null, null, null] }]);
		expect(pareto.totalScore).toBe(0);
		expect(pareto.rows[0]).toMatchObject({ id: 'breitband', ticked: 1, share: null });
		expect(pareto.rows.every((r) => r.cumulativeShare === null)).toBe(true);
		expect(barrierPareto([]).rows.map((r) => r.id)).toEqual(BARRIER_IDS);
	});

	it('ignores entries beyond the third rank', () => {
		const pareto = barrierPareto([{ ticked: [], top3: [null, null, null, 'akzeptanz'] }]);
		expect(pareto.rows.find((r) => r.id === 'akzeptanz')).toMatchObject({ ticked: 0, score: 0 });
	});
});

describe('choosing a barrier for a rank of the top 3', () => {
	it('swaps ranks when the rank-1 barrier is chosen as rank 3: the rank-3 barrier moves up', () => {
		expect(
			placeInTop3(['personalmangel', 'standards', 'finanzierung'], 3, 'personalmangel')
		).toEqual({
			top3: ['finanzierung', 'standards', 'personalmangel'],
			change: { kind: 'swapped', from: 1, other: 'finanzierung' }
		});
	});

	it('leaves the old rank free when the new one was empty, and says so', () => {
		expect(placeInTop3(['personalmangel', null, null], 3, 'personalmangel')).toEqual({
			top3: [null, null, 'personalmangel'],
			change: { kind: 'moved', from: 1 }
		});
	});

	it('replaces a barrier on a rank with one not yet ranked, and empties a rank on request', () => {
		expect(placeInTop3(['personalmangel', null, null], 1, 'breitband')).toEqual({
			top3: ['breitband', null, null],
			change: { kind: 'placed' }
		});
		expect(placeInTop3(['personalmangel', 'breitband', null], 1, null)).toEqual({
			top3: [null, 'breitband', null],
			change: { kind: 'cleared' }
		});
	});
});

describe("a barrier of the round's own", () => {
	const own = [{ id: 'eigen-1', label: 'Zu wenig Zeit' }];

	it('takes a free text, trimmed to single spaces', () => {
		expect(validateCustomBarrier('  Fehlende   Scanner ', own)).toEqual({
			ok: true,
			value: 'Fehlende Scanner'
		});
	});

	it.each([
		['', 'barrier_required'],
		['   ', 'barrier_required'],
		['x'.repeat(121), 'barrier_too_long'],
		['Zeit\u0007', 'barrier_invalid'],
		['finanzierung', 'barrier_duplicate'],
		['zu wenig zeit', 'barrier_duplicate']
	])('refuses %j as %s', (raw, error) => {
		expect(validateCustomBarrier(raw, own)).toEqual({ ok: false, error });
	});

	it('is refused beyond the most a round holds', () => {
		const many = Array.from({ length: CUSTOM_BARRIERS_MAX }, (_, i) => ({
			id: `eigen-${i}`,
			label: `Hemmnis ${i}`
		}));
		expect(validateCustomBarrier('Noch eins', many)).toEqual({
			ok: false,
			error: 'barrier_too_many'
		});
	});

	it('counts in the Pareto with its label, after the listed barriers on a tie', () => {
		const pareto = barrierPareto([
			{ ticked: ['eigen-1'], top3: ['eigen-1', 'eigen-2', null], custom: own }
		]);
		// By hand: eigen-1 on rank 1 scores 3 of 3 points; eigen-2 is not one of the round's barriers.
		expect(pareto.rows[0]).toEqual({
			id: 'eigen-1',
			label: 'Zu wenig Zeit',
			ticked: 1,
			inTop3: 1,
			score: 3,
			share: 1,
			cumulativeShare: 1
		});
		expect(pareto.unknownIds).toEqual(['eigen-2']);
		expect(pareto.rows).toHaveLength(BARRIERS.length + 1);
	});
});

function row(
	id: string,
	ticked: number,
	inTop3: number,
	score: number,
	share: number,
	cumulativeShare: number
) {
	const label = BARRIERS.find((barrier) => barrier.id === id)!.label;
	return { id, label, ticked, inTop3, score, share, cumulativeShare };
}
