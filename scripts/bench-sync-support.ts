// Small helpers shared by the sync benchmarks (scripts/bench-lan-load.ts, scripts/bench-central-ingest.ts).
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/** Polls `check` every `everyMs` until it is true; false if `timeoutMs` passed first. */
export async function waitUntil(
	check: () => boolean,
	timeoutMs: number,
	everyMs = 20
): Promise<boolean> {
	const deadline = performance.now() + timeoutMs;
	for (;;) {
		if (check()) return true;
		if (performance.now() >= deadline) return false;
		await delay(everyMs);
	}
}

/** The 1, 5 and 15 minute load averages, as /proc/loadavg shows them ("?" where there is none). */
export function loadAverage(): string {
	try {
		return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
	} catch {
		return '?';
	}
}

/** CPU time of this process so far (user + system), in microseconds. */
export function ownCpuMicros(): number {
	const { user, system } = process.cpuUsage();
	return user + system;
}

/** CPU time over wall time, as a percentage of one core. */
export const cpuPercent = (cpuMicros: number, wallMs: number): string =>
	`${((cpuMicros / 1000 / wallMs) * 100).toFixed(0)} %`;

/** The number after `--<name>` on the command line, or `fallback`; throws on anything else. */
export function numberArgument(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	if (index === -1) return fallback;
	const raw = process.argv[index + 1];
	const value = Number(raw);
	if (raw === undefined || !Number.isFinite(value) || value <= 0) {
		throw new Error(`--${name} takes a positive number, not ${String(raw)}`);
	}
	return value;
}

/** The word after `--<name>` on the command line, or undefined when the option is not given. */
export function stringArgument(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	if (index === -1) return undefined;
	const value = process.argv[index + 1];
	if (value === undefined || value.startsWith('--')) throw new Error(`--${name} takes a value`);
	return value;
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;
