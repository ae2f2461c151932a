import { describe, expect, it } from 'vitest';
import { validateArs } from '../domain/ars';
import { validateAnswer } from '../domain/check/answer-validation';
import { CURRENT_CATALOG } from '../domain/check/catalog';
import { itemsForPerspective } from '../domain/check/catalog-items';
import { DIMENSIONS } from '../domain/check/catalog-types';
import { POINTS_PER_LEVEL, scoreRound } from '../domain/check/check-scoring';
import { isId } from '../domain/ids';
import { parseStoredProfile } from '../domain/kommune-profile';
import { isKreisType, KOMMUNE_TYPES, type KommuneType } from '../domain/kommune-type';
import {
	generateCheckRound,
	generateFullSet,
	generateMunicipalities,
	MAX_MUNICIPALITIES,
	municipalityMix,
	perspectiveCounts,
	respondentsForPopulation,
	ROUND_PERSPECTIVES,
	type GeneratedMunicipality
} from './municipality-generator';

const SEED = 20260302;
const FULL_SET = generateFullSet(SEED);
const MUNICIPALITIES = FULL_SET.map(({ municipality }) => municipality);
const RESULTS = FULL_SET.map(({ round }) =>
	scoreRound(CURRENT_CATALOG, round.respondents, round.targets)
);

const countTypes = (list: readonly GeneratedMunicipality[]): Record<KommuneType, number> => {
	const counts = Object.fromEntries(KOMMUNE_TYPES.map((t) => [t, 0])) as Record<
		KommuneType,
		number
	>;
	for (const { profile } of list) counts[profile.type] += 1;
	return counts;
};

const mean = (values: readonly number[]): number =>
	values.reduce((sum, v) => sum + v, 0) / values.length;

/** Mean of `value` over the top and the bottom quarter of the list ranked by population. */
function quartileMeans<T extends { population: number }>(
	list: readonly T[],
	value: (t: T) => number
) {
	const ranked = [...list].sort((a, b) => a.population - b.population);
	const quarter = Math.floor(ranked.length / 4);
	return {
		bottom: mean(ranked.slice(0, quarter).map(value)),
		top: mean(ranked.slice(-quarter).map(value))
	};
}

describe('generateMunicipalities', () => {
	it('gives deep-equal output for the same seed, and other municipalities for another seed', () => {
		const first = generateMunicipalities({ seed: 7 });
		expect(generateMunicipalities({ seed: 7 })).toEqual(first);
		const other = generateMunicipalities({ seed: 8 });
		expect(other.map((m) => m.profile.name)).not.toEqual(first.map((m) => m.profile.name));
		expect(other.map((m) => m.profile.population)).not.toEqual(
			first.map((m) => m.profile.population)
		);
	});

	it("makes Lower Saxony's 440: 289 Einheitsgemeinden (8 kreisfreie Städte among them), 114 Samtgemeinden, 36 Landkreise and 1 Region", () => {
		const counts = countTypes(MUNICIPALITIES);
		expect(MUNICIPALITIES).toHaveLength(440);
		expect(counts.einheitsgemeinde + counts.stadt + counts.kreisfreie_stadt).toBe(289);
		expect(counts).toEqual({
			einheitsgemeinde: 153,
			stadt: 128,
			kreisfreie_stadt: 8,
			samtgemeinde: 114,
			landkreis: 36,
			region: 1
		});
		expect(municipalityMix(440)).toEqual(counts);
	});

	it('gives every municipality a unique ARS of Lower Saxony that is valid for its type, and a profile the app accepts', () => {
		const arsList = MUNICIPALITIES.map((m) => m.profile.ars);
		expect(new Set(arsList).size).toBe(arsList.length);
		for (const { profile } of MUNICIPALITIES) {
			expect(validateArs(profile.ars, profile.type), `${profile.ars} ${profile.type}`).toEqual({
				ok: true,
				value: profile.ars
			});
			expect(profile.ars.startsWith('03')).toBe(true);
			expect(parseStoredProfile(profile), profile.name).not.toBeNull();
		}
	});

	it('gives unique names and puts every member into a generated Landkreis or Region with its Kreis number', () => {
		const names = MUNICIPALITIES.map((m) => m.profile.name);
		expect(new Set(names).size).toBe(names.length);
		const kreise = new Map(
			MUNICIPALITIES.filter((m) => isKreisType(m.profile.type)).map((m) => [
				m.profile.name,
				m.profile.ars
			])
		);
		for (const { profile } of MUNICIPALITIES) {
			if (isKreisType(profile.type) || profile.type === 'kreisfreie_stadt') {
				expect(profile.landkreis).toBeNull();
				continue;
			}
			const kreisArs = kreise.get(profile.landkreis ?? '');
			expect(kreisArs, profile.name).toBeDefined();
			expect(profile.ars.slice(0, 5)).toBe(kreisArs!.slice(0, 5));
		}
		expect(names.some((name) => name.startsWith('Samtgemeinde '))).toBe(true);
		expect(names.filter((name) => name.startsWith('Landkreis '))).toHaveLength(36);
	});

	it('keeps most Gemeinden below 25,000 inhabitants, every Landkreis within 50,000–400,000 and each Kreis the sum of its members', () => {
		const gemeinden = MUNICIPALITIES.filter((m) => !isKreisType(m.profile.type));
		const small = gemeinden.filter((m) => m.profile.population < 25_000);
		expect(small.length / gemeinden.length).toBeGreaterThan(0.6);
		for (const { profile } of MUNICIPALITIES) {
			if (profile.type === 'landkreis') {
				expect(profile.population).toBeGreaterThanOrEqual(50_000);
				expect(profile.population).toBeLessThanOrEqual(400_000);
			}
			if (!isKreisType(profile.type)) continue;
			const members = MUNICIPALITIES.filter((m) => m.profile.landkreis === profile.name);
			expect(members.reduce((sum, m) => sum + m.profile.population, 0)).toBe(profile.population);
		}
	});

	it('scales core staff and IT staff with size', () => {
		const profiles = MUNICIPALITIES.map((m) => m.profile);
		const staff = quartileMeans(profiles, (p) => p.coreStaff!);
		const it = quartileMeans(profiles, (p) => p.itStaffFte!);
		expect(staff.top).toBeGreaterThan(5 * staff.bottom);
		expect(it.top).toBeGreaterThan(5 * it.bottom);
	});

	it('scales the mix for other counts, still with valid unique ARS and a Landkreis for every member', () => {
		for (const count of [0, 1, 2, 5, 50, 1000, MAX_MUNICIPALITIES]) {
			const list = generateMunicipalities({ seed: count, count });
			expect(list).toHaveLength(count);
			expect(countTypes(list)).toEqual(municipalityMix(count));
			expect(new Set(list.map((m) => m.profile.ars)).size).toBe(count);
			for (const { profile } of list)
				expect(parseStoredProfile(profile), profile.ars).not.toBeNull();
		}
		expect(municipalityMix(880)).toEqual({
			einheitsgemeinde: 306,
			stadt: 256,
			kreisfreie_stadt: 16,
			samtgemeinde: 228,
			landkreis: 72,
			region: 2
		});
	});

	it('refuses a count or seed it cannot honour', () => {
		expect(() => generateMunicipalities({ seed: 1, count: MAX_MUNICIPALITIES + 1 })).toThrow(
			RangeError
		);
		expect(() => generateMunicipalities({ seed: 1, count: 2.5 })).toThrow(RangeError);
		expect(() => generateMunicipalities({ seed: 0.5 })).toThrow(RangeError);
	});
});

describe('generateCheckRound', () => {
	const large = MUNICIPALITIES.find((m) => m.profile.type === 'landkreis')!;

	it('gives deep-equal output for the same seed, and other answers for another seed', () => {
		const round = generateCheckRound(large, { seed: 3, respondents: 40 });
		expect(generateCheckRound(large, { seed: 3, respondents: 40 })).toEqual(round);
		expect(generateCheckRound(large, { seed: 4, respondents: 40 })).not.toEqual(round);
		expect(generateFullSet(SEED)).toEqual(FULL_SET);
	});

	it('spreads respondents over H, D, A, B, PR and P, at least 3 each from 18 respondents', () => {
		for (let n = 0; n <= 60; n++) {
			const counts = perspectiveCounts(n);
			expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(n);
			if (n >= 18)
				for (const p of ROUND_PERSPECTIVES)
					expect(counts[p], `${n} ${p}`).toBeGreaterThanOrEqual(3);
		}
		const round = generateCheckRound(large, { seed: 3, respondents: 40 });
		expect(round.respondents).toHaveLength(40);
		for (const p of ROUND_PERSPECTIVES) {
			expect(round.respondents.filter((r) => r.perspective === p).length).toBeGreaterThanOrEqual(3);
		}
	});

	it('gives every respondent a unique id of the app’s format and an answer to every item of their perspective, each valid for its item', () => {
		const itemsById = new Map(CURRENT_CATALOG.items.map((item) => [item.id, item]));
		const problems: string[] = [];
		let answers = 0;
		for (const { round } of FULL_SET) {
			const ids = round.respondents.map((r) => r.respondentId);
			expect(new Set(ids).size).toBe(ids.length);
			expect(ids).toEqual([...ids].sort());
			for (const respondent of round.respondents) {
				expect(isId(respondent.respondentId)).toBe(true);
				const asked = itemsForPerspective(CURRENT_CATALOG, respondent.perspective).map((i) => i.id);
				expect(Object.keys(respondent.answers)).toEqual(asked);
				for (const [itemId, answer] of Object.entries(respondent.answers)) {
					// Collected rather than asserted one by one: there are some 450,000 answers.
					const validation = validateAnswer(itemsById.get(itemId)!, answer);
					const canonical =
						validation.ok && JSON.stringify(validation.answer) === JSON.stringify(answer);
					if (!canonical)
						problems.push(`${itemId}: ${JSON.stringify(answer)} ${JSON.stringify(validation)}`);
					answers += 1;
				}
			}
		}
		expect(problems).toEqual([]);
		expect(answers).toBeGreaterThan(100_000);
	});

	it('uses every answer kind and gives about 8 % "weiß nicht"', () => {
		const kinds = new Map<string, number>();
		for (const { round } of FULL_SET)
			for (const respondent of round.respondents)
				for (const answer of Object.values(respondent.answers))
					kinds.set(answer.kind, (kinds.get(answer.kind) ?? 0) + 1);
		const total = [...kinds.values()].reduce((a, b) => a + b, 0);
		expect([...kinds.keys()].sort()).toEqual(['checklist', 'fact', 'level', 'likert', 'unknown']);
		expect(kinds.get('unknown')! / total).toBeGreaterThan(0.06);
		expect(kinds.get('unknown')! / total).toBeLessThan(0.1);
	});

	it('sets a Soll level for every dimension above the true level (or 4), and above the measured score almost everywhere', () => {
		let gaps = 0;
		let positive = 0;
		FULL_SET.forEach(({ municipality, round }, i) => {
			for (const d of DIMENSIONS) {
				const target = round.targets[d];
				expect(Number.isInteger(target) && target >= 0 && target <= 4).toBe(true);
				expect(target === 4 || target >= municipality.trueLevels[d] + 0.5).toBe(true);
				const gap = RESULTS[i]!.dimensions[d].gap;
				if (gap === null) continue;
				gaps += 1;
				if (gap > 0) positive += 1;
			}
		});
		expect(positive / gaps).toBeGreaterThan(0.95);
	});

	it('refuses a respondent count it cannot honour', () => {
		expect(() => generateCheckRound(large, { seed: 1, respondents: -1 })).toThrow(RangeError);
		expect(() => generateCheckRound(large, { seed: 1, respondents: 1.5 })).toThrow(RangeError);
	});
});

describe('scoring generated rounds', () => {
	it('scores every round of the full set without flags, every score within 0–100', () => {
		for (const result of RESULTS) {
			expect(result.flags).toEqual([]);
			expect(result.overall.score).not.toBeNull();
			for (const d of DIMENSIONS) {
				const { score, targetScore } = result.dimensions[d];
				expect(score).not.toBeNull();
				expect(score!).toBeGreaterThanOrEqual(0);
				expect(score!).toBeLessThanOrEqual(100);
				expect(targetScore! % POINTS_PER_LEVEL).toBe(0);
			}
		}
	});

	it('gives rounds of 8 to 40 respondents, more for larger municipalities', () => {
		for (const { municipality, round } of FULL_SET) {
			expect(round.respondents.length).toBe(
				respondentsForPopulation(municipality.profile.population)
			);
			expect(round.respondents.length).toBeGreaterThanOrEqual(8);
			expect(round.respondents.length).toBeLessThanOrEqual(40);
		}
		expect(respondentsForPopulation(1_000)).toBe(8);
		expect(respondentsForPopulation(1_100_000)).toBe(40);
	});

	it('finds larger municipalities more mature: the top population quartile scores higher than the bottom one', () => {
		const rows = FULL_SET.map(({ municipality }, i) => ({
			population: municipality.profile.population,
			score: RESULTS[i]!.overall.score!
		}));
		const { top, bottom } = quartileMeans(rows, (row) => row.score);
		expect(top).toBeGreaterThan(bottom + 5);
	});

	it('lets the hidden maturity offset show in the scores: the top quartile by offset scores higher than the bottom one', () => {
		const rows = FULL_SET.map(({ municipality }, i) => ({
			offset: municipality.maturityOffset,
			score: RESULTS[i]!.overall.score!
		})).sort((a, b) => a.offset - b.offset);
		const quarter = Math.floor(rows.length / 4);
		const low = mean(rows.slice(0, quarter).map((r) => r.score));
		const high = mean(rows.slice(-quarter).map((r) => r.score));
		expect(high).toBeGreaterThan(low + 5);
	});
});
