// Seeded random numbers for demo and benchmark data: the same seed gives the same stream on every
// machine. pure-rand's xoroshiro128+ makes the numbers; this module only shapes them (uniform, normal,
// log-normal, weighted picks).

import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { skipN } from 'pure-rand/utils/skipN';

/** A generator for a seed: any safe integer; the high bits are folded into the 32 the generator takes. */
export function seededGenerator(seed: number): JumpableRandomGenerator {
	if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer: ${seed}`);
	const high = Math.floor(seed / 2 ** 32) | 0;
	const rng = xoroshiro128plus((seed | 0) ^ Math.imul(high, 0x9e3779b1));
	// xoroshiro128+ seeded from one 32-bit number starts close to the seed; run it in first.
	skipN(rng, 32);
	return rng;
}

/** Distributions over a pure-rand generator (which it advances). */
export class Random {
	readonly #rng: JumpableRandomGenerator;

	constructor(rng: JumpableRandomGenerator) {
		this.#rng = rng;
	}

	/** A whole number from `min` to `max`, both included. */
	int(min: number, max: number): number {
		return uniformInt(this.#rng, min, max);
	}

	/** A 32-bit signed integer, e.g. the seed of a further generator. */
	int32(): number {
		return this.#rng.next();
	}

	/** [0, 1) */
	float(): number {
		return uniformFloat64(this.#rng);
	}

	between(min: number, max: number): number {
		return min + (max - min) * this.float();
	}

	chance(probability: number): boolean {
		return this.float() < probability;
	}

	/** Box–Muller; one of the pair is thrown away, which keeps the stream easy to follow. */
	normal(mean = 0, sd = 1): number {
		const u = 1 - this.float();
		const v = this.float();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	/** Log-normal with the given median. */
	logNormal(median: number, sigma: number): number {
		return median * Math.exp(this.normal(0, sigma));
	}

	/** Log-uniform between `min` and `max`. */
	logUniform(min: number, max: number): number {
		return Math.exp(this.between(Math.log(min), Math.log(max)));
	}

	pick<T>(list: readonly T[]): T {
		return list[this.int(0, list.length - 1)]!;
	}

	/** An index drawn with the given non-negative weights (uniform when all are 0). */
	weightedIndex(weights: readonly number[]): number {
		const total = weights.reduce((sum, w) => sum + w, 0);
		if (total <= 0) return this.int(0, weights.length - 1);
		let target = this.float() * total;
		for (let i = 0; i < weights.length; i++) {
			target -= weights[i]!;
			if (target < 0) return i;
		}
		return weights.length - 1;
	}

	weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
		const keys = Object.keys(weights) as T[];
		return keys[this.weightedIndex(keys.map((key) => weights[key]))]!;
	}

	/** Fisher–Yates, in place. */
	shuffle<T>(list: T[]): T[] {
		for (let i = list.length - 1; i > 0; i--) {
			const j = this.int(0, i);
			[list[i], list[j]] = [list[j]!, list[i]!];
		}
		return list;
	}
}
