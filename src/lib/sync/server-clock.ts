// The offset between this device's clock and the server's (ADR 8): the countdown's `endsAt` is in
// the server's clock, and a participant's phone may be minutes off. A few requests to GET /api/time;
// the sample with the shortest round trip estimates best (its midpoint is least skewed by the network).

import { bestOffset, offsetSample, type OffsetSample } from '../domain/workshop/timer';
import { API_PATHS, type ServerTimeResponse } from '../contract/protocol';

export interface MeasureOptions {
	fetch?: typeof fetch;
	now?: () => number;
	samples?: number;
}

const isTimeResponse = (value: unknown): value is ServerTimeResponse =>
	typeof value === 'object' &&
	value !== null &&
	typeof (value as { now?: unknown }).now === 'number' &&
	Number.isFinite((value as { now: number }).now);

/** Server time minus device time in ms, or null when the server did not answer. */
export async function measureServerOffset(options: MeasureOptions = {}): Promise<number | null> {
	const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
	const now = options.now ?? Date.now;
	const samples: OffsetSample[] = [];
	for (let i = 0; i < (options.samples ?? 4); i++) {
		const sentAt = now();
		const body: unknown = await doFetch(API_PATHS.time, { cache: 'no-store' })
			.then((response) => (response.ok ? response.json() : null))
			.catch(() => null);
		const receivedAt = now();
		if (!isTimeResponse(body)) return samples.length > 0 ? bestOffset(samples) : null;
		samples.push(offsetSample(sentAt, body.now, receivedAt));
	}
	return bestOffset(samples);
}
