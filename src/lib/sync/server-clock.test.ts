import { describe, expect, it } from 'vitest';
import { measureServerOffset } from './server-clock';

/** A device clock and a server 90 s ahead; each request takes the given round trips (ms). */
function scripted(roundTrips: number[]) {
	let device = 1_000_000;
	let call = 0;
	const fetch = (async () => {
		const trip = roundTrips[call++] ?? 10;
		// The server answers a quarter into the trip: an asymmetric network, as on a busy LAN.
		device += trip / 4;
		const serverNow = device + 90_000;
		device += (trip * 3) / 4;
		return new Response(JSON.stringify({ now: serverNow }));
	}) as typeof globalThis.fetch;
	return { fetch, now: () => device };
}

describe('measuring the offset to the server clock', () => {
	it('takes the sample with the shortest round trip, which is least skewed by the network', async () => {
		// Round trips 400, 20, 200, 100 ms. For the 20 ms one: sent at t, the server reads t + 5 + 90,000,
		// received at t + 20, so offset = 90,005 − 10 = 89,995 ms.
		const clock = scripted([400, 20, 200, 100]);
		expect(await measureServerOffset(clock)).toBe(89_995);
	});

	it('is null when the server does not answer, so the countdown falls back to this device’s clock', async () => {
		const fetch = (async () => {
			throw new TypeError('offline');
		}) as typeof globalThis.fetch;
		expect(await measureServerOffset({ fetch })).toBeNull();
		const garbage = (async () => new Response('{"now":"bald"}')) as typeof globalThis.fetch;
		expect(await measureServerOffset({ fetch: garbage })).toBeNull();
	});
});
