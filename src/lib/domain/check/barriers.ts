// Hemmnisse (PRODUCT.md §3.2): a checklist of barriers to digitalisation plus a ranked top 3, and their
// Pareto over one round or many municipalities: which few barriers carry most of the weight.

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

/** Points for ranks 1, 2 and 3 of the top 3. */
export const RANK_POINTS = [3, 2, 1] as const;

/** What one municipality's round says about barriers; `top3[0]` is rank 1. */
export interface BarrierAnswer {
	ticked: readonly string[];
	top3: readonly (string | null)[];
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
 * Every barrier with its counts, by weighted score, then ticked count, then list order. Within one
 * round a barrier counts once: ticked twice is one tick, and ranked twice counts at its best rank.
 */
export function barrierPareto(rounds: readonly BarrierAnswer[]): BarrierPareto {
	const ticked = new Map<string, number>(BARRIER_IDS.map((id) => [id, 0]));
	const inTop3 = new Map<string, number>(BARRIER_IDS.map((id) => [id, 0]));
	const score = new Map<string, number>(BARRIER_IDS.map((id) => [id, 0]));
	const unknown = new Set<string>();
	const add = (counts: Map<string, number>, id: string, amount: number) =>
		counts.set(id, (counts.get(id) ?? 0) + amount);

	for (const round of rounds) {
		const tickedHere = new Set<string>();
		const rankedHere = new Set<string>();
		for (const [rank, points] of RANK_POINTS.entries()) {
			const id = round.top3[rank] ?? null;
			if (id === null || rankedHere.has(id)) continue;
			if (!isBarrierId(id)) {
				unknown.add(id);
				continue;
			}
			rankedHere.add(id);
			tickedHere.add(id);
			add(inTop3, id, 1);
			add(score, id, points);
		}
		for (const id of round.ticked) {
			if (isBarrierId(id)) tickedHere.add(id);
			else unknown.add(id);
		}
		for (const id of tickedHere) add(ticked, id, 1);
	}

	const totalScore = [...score.values()].reduce((sum, points) => sum + points, 0);
	const ordered = BARRIERS.map((barrier, index) => ({ barrier, index })).sort(
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
