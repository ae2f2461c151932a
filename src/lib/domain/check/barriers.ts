// Hemmnisse (ADR 7): a checklist of barriers to digitalisation plus a ranked top 3, and their
// Pareto over one round or many municipalities: which few barriers carry most of the weight. A round may
// add barriers of its own ("Sonstiges", free text), ticked and ranked like the listed ones.

import { hasForbiddenCharacters } from '../display-name';
import type { Checked } from '../session-input';

export interface Barrier {
	/** Stable: documents store it; a barrier that changes its meaning gets a new id. */
	id: string;
	label: string;
}

export const BARRIERS: readonly Barrier[] = [
	{ id: 'personalmangel', label: 'Personalmangel' },
	{ id: 'it-fachkraefte', label: 'Fehlende IT-Fachkräfte' },
	{ id: 'finanzierung', label: 'Finanzierung' },
	{ id: 'it-komplexitaet', label: 'Komplexität der IT-Landschaft' },
	{ id: 'undokumentierte-prozesse', label: 'Undokumentierte Prozesse' },
	{ id: 'parallelarbeit', label: 'Parallele analoge und digitale Arbeit' },
	{ id: 'zustaendigkeiten', label: 'Unklare Zuständigkeiten zwischen Bund, Land und Kommune' },
	{ id: 'standards', label: 'Fehlende Standards und Schnittstellen' },
	{ id: 'herstellerabhaengigkeit', label: 'Herstellerabhängigkeit' },
	{ id: 'rechtsunsicherheit', label: 'Rechtsunsicherheit und Datenschutz' },
	{ id: 'akzeptanz', label: 'Fehlende Akzeptanz' },
	{ id: 'breitband', label: 'Breitbandversorgung' }
];

export const BARRIER_IDS: readonly string[] = BARRIERS.map((barrier) => barrier.id);

export const isBarrierId = (value: unknown): value is string =>
	typeof value === 'string' && BARRIER_IDS.includes(value);

// --- a round's own barriers ------------------------------------------------------------------------

export const CUSTOM_BARRIER_MAX_LENGTH = 120;
/** Enough for every barrier a workshop names; more is a list, not a ranking aid. */
export const CUSTOM_BARRIERS_MAX = 20;

/** A round's own barrier: its id never collides with a listed barrier's. */
export const isCustomBarrierId = (value: unknown): value is string =>
	typeof value === 'string' && /^eigen-[a-z0-9]{1,40}$/.test(value);

export const customBarrierId = (random: string): string => `eigen-${random.toLowerCase()}`;

export type CustomBarrierError =
	| 'barrier_required'
	| 'barrier_too_long'
	| 'barrier_invalid'
	| 'barrier_duplicate'
	| 'barrier_too_many';

const sameLabel = (a: string, b: string) =>
	a.localeCompare(b, 'de', { sensitivity: 'accent' }) === 0;

/**
 * The text of an own barrier, trimmed and with single spaces; refused when empty, too long, holding
 * control characters, already on the list (listed or own, ignoring case) or one too many.
 */
export function validateCustomBarrier(
	raw: string,
	own: readonly Barrier[]
): Checked<string, CustomBarrierError> {
	const value = raw.trim().replace(/\s+/g, ' ');
	if (value === '') return { ok: false, error: 'barrier_required' };
	if (hasForbiddenCharacters(value)) return { ok: false, error: 'barrier_invalid' };
	if ([...value].length > CUSTOM_BARRIER_MAX_LENGTH)
		return { ok: false, error: 'barrier_too_long' };
	if ([...BARRIERS, ...own].some((barrier) => sameLabel(barrier.label, value))) {
		return { ok: false, error: 'barrier_duplicate' };
	}
	if (own.length >= CUSTOM_BARRIERS_MAX) return { ok: false, error: 'barrier_too_many' };
	return { ok: true, value };
}

// --- the top 3 ---------------------------------------------------------------------------------------

export type BarrierRank = 1 | 2 | 3;

/** What placing a barrier did to the other ranks, so the page can say it. */
export type RankChange =
	| { kind: 'placed' }
	| { kind: 'cleared' }
	/** The barrier left rank `from`, which is now empty. */
	| { kind: 'moved'; from: BarrierRank }
	/** The barrier left rank `from`, and the one it displaced took that rank. */
	| { kind: 'swapped'; from: BarrierRank; other: string };

/**
 * The top 3 after putting `id` on `rank` (null empties the rank). A barrier holds one rank: if it
 * already had another, the two ranks swap their barriers, so choosing rank 3 for the rank-1 barrier
 * never loses the barrier that was on rank 3; an empty rank 3 leaves rank 1 empty instead.
 */
export function placeInTop3(
	top3: readonly (string | null)[],
	rank: BarrierRank,
	id: string | null
): { top3: (string | null)[]; change: RankChange } {
	const next = [0, 1, 2].map((index) => top3[index] ?? null);
	if (id === null) {
		next[rank - 1] = null;
		return { top3: next, change: { kind: 'cleared' } };
	}
	const fromIndex = next.findIndex((other, index) => other === id && index !== rank - 1);
	const displaced = next[rank - 1] === id ? null : next[rank - 1]!;
	next[rank - 1] = id;
	if (fromIndex < 0) return { top3: next, change: { kind: 'placed' } };
	const from = (fromIndex + 1) as BarrierRank;
	next[fromIndex] = displaced;
	return {
		top3: next,
		change:
			displaced === null ? { kind: 'moved', from } : { kind: 'swapped', from, other: displaced }
	};
}

// --- the Pareto --------------------------------------------------------------------------------------

/** Points for ranks 1, 2 and 3 of the top 3. */
export const RANK_POINTS = [3, 2, 1] as const;

/** What one municipality's round says about barriers; `top3[0]` is rank 1. */
export interface BarrierAnswer {
	ticked: readonly string[];
	top3: readonly (string | null)[];
	/** The round's own barriers, which its ticks and ranks may name. */
	custom?: readonly Barrier[];
}

export interface BarrierParetoRow {
	id: string;
	label: string;
	/** Rounds that ticked it (a ranked barrier counts as ticked). */
	ticked: number;
	/** Rounds that ranked it in their top 3. */
	inTop3: number;
	/** Sum of RANK_POINTS over the rounds. */
	score: number;
	/** score / total score; null when no round ranked anything. */
	share: number | null;
	/** Share of this row and all rows above it. */
	cumulativeShare: number | null;
}

export interface BarrierPareto {
	rows: BarrierParetoRow[];
	rounds: number;
	totalScore: number;
	/** Ids no barrier has (e.g. from a newer version), sorted; they count nowhere. */
	unknownIds: string[];
}

/**
 * Every barrier with its counts, by weighted score, then ticked count, then list order (a round's own
 * barriers after the listed ones). Within one round a barrier counts once: ticked twice is one tick,
 * and ranked twice counts at its best rank.
 */
export function barrierPareto(rounds: readonly BarrierAnswer[]): BarrierPareto {
	const all: Barrier[] = [...BARRIERS];
	const labels = new Map<string, string>(BARRIERS.map((barrier) => [barrier.id, barrier.label]));
	for (const round of rounds) {
		for (const own of round.custom ?? []) {
			if (!isCustomBarrierId(own.id) || labels.has(own.id)) continue;
			labels.set(own.id, own.label);
			all.push(own);
		}
	}
	const zero = () => new Map<string, number>(all.map(({ id }) => [id, 0]));
	const ticked = zero();
	const inTop3 = zero();
	const score = zero();
	const unknown = new Set<string>();
	const add = (counts: Map<string, number>, id: string, amount: number) =>
		counts.set(id, (counts.get(id) ?? 0) + amount);

	for (const round of rounds) {
		const own = new Set((round.custom ?? []).map(({ id }) => id));
		const known = (id: string) => isBarrierId(id) || (own.has(id) && labels.has(id));
		const tickedHere = new Set<string>();
		const rankedHere = new Set<string>();
		for (const [rank, points] of RANK_POINTS.entries()) {
			const id = round.top3[rank] ?? null;
			if (id === null || rankedHere.has(id)) continue;
			if (!known(id)) {
				unknown.add(id);
				continue;
			}
			rankedHere.add(id);
			tickedHere.add(id);
			add(inTop3, id, 1);
			add(score, id, points);
		}
		for (const id of round.ticked) {
			if (known(id)) tickedHere.add(id);
			else unknown.add(id);
		}
		for (const id of tickedHere) add(ticked, id, 1);
	}

	const totalScore = [...score.values()].reduce((sum, points) => sum + points, 0);
	const ordered = all
		.map((barrier, index) => ({ barrier, index }))
		.sort(
			(a, b) =>
				score.get(b.barrier.id)! - score.get(a.barrier.id)! ||
				ticked.get(b.barrier.id)! - ticked.get(a.barrier.id)! ||
				a.index - b.index
		);
	let running = 0;
	const rows = ordered.map(({ barrier }): BarrierParetoRow => {
		const points = score.get(barrier.id)!;
		running += points;
		return {
			id: barrier.id,
			label: barrier.label,
			ticked: ticked.get(barrier.id)!,
			inTop3: inTop3.get(barrier.id)!,
			score: points,
			share: totalScore === 0 ? null : points / totalScore,
			cumulativeShare: totalScore === 0 ? null : running / totalScore
		};
	});
	return { rows, rounds: rounds.length, totalScore, unknownIds: [...unknown].sort() };
}
