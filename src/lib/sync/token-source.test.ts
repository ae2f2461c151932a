import { describe, expect, it, vi } from 'vitest';
import { createOwnerTokenSource } from './token-source';

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function setup(responses: (() => Response | Promise<Response>)[], pageHost = 'localhost') {
	let time = 1_000_000;
	const fetch = vi.fn(async () => {
		const next = responses.shift();
		if (!next) throw new Error('no more responses');
		return next();
	});
	const source = createOwnerTokenSource({
		fetch: fetch as unknown as typeof globalThis.fetch,
		url: '/api/owner-token',
		pageHost,
		now: () => time,
		refreshMarginMs: 60_000,
		retryDelayMs: 2_000
	});
	return { source, fetch, advance: (ms: number) => (time += ms), now: () => time };
}

describe('owner token source', () => {
	it('fetches a token once and serves it from the cache until shortly before expiry', async () => {
		const { source, fetch, advance, now } = setup([
			() => json(200, { token: 'a', expiresAt: now() + 3_600_000 }),
			() => json(200, { token: 'b', expiresAt: now() + 3_600_000 })
		]);
		expect(await source.getToken()).toBe('a');
		advance(3_600_000 - 61_000);
		expect(await source.getToken()).toBe('a');
		expect(fetch).toHaveBeenCalledTimes(1);
		advance(2_000);
		expect(await source.getToken()).toBe('b');
		expect(source.state).toBe('available');
	});

	it('asks with POST to the owner-token path', async () => {
		const { source, fetch, now } = setup([() => json(200, { token: 'a', expiresAt: now() + 1e6 })]);
		await source.getToken();
		expect(fetch).toHaveBeenCalledWith(
			'/api/owner-token',
			expect.objectContaining({ method: 'POST' })
		);
	});

	it('shares one request between concurrent callers', async () => {
		const { source, fetch, now } = setup([() => json(200, { token: 'a', expiresAt: now() + 1e6 })]);
		expect(await Promise.all([source.getToken(), source.getToken()])).toEqual(['a', 'a']);
		expect(fetch).toHaveBeenCalledTimes(1);
	});

	it('stays without a token, and stops asking, when this browser is not the owner', async () => {
		const { source, fetch, advance } = setup([() => json(403, { error: 'not_owner' })]);
		expect(await source.getToken()).toBeNull();
		advance(10 * 60_000);
		expect(await source.getToken()).toBeNull();
		expect(fetch).toHaveBeenCalledTimes(1);
		expect(source.state).toBe('denied');
	});

	it('never asks when the page was opened under another name than localhost, as on a phone in the room', async () => {
		for (const host of [
			'kw-lan.test',
			'192.168.178.20',
			'127.0.0.1',
			'kommunalwerkstatt.example.org'
		]) {
			const { source, fetch } = setup([() => json(200, { token: 'a', expiresAt: 2e12 })], host);
			expect(await source.getToken(), host).toBeNull();
			expect(source.state, host).toBe('denied');
			expect(fetch, host).not.toHaveBeenCalled();
		}
		const { source } = setup([() => json(200, { token: 'a', expiresAt: 2e12 })], 'LOCALHOST');
		expect(await source.getToken()).toBe('a');
	});

	it('backs off while the server is unreachable and recovers when it answers', async () => {
		const { source, fetch, advance, now } = setup([
			() => Promise.reject(new TypeError('fetch failed')),
			() => json(502, {}),
			() => json(200, { token: 'c', expiresAt: now() + 1e6 })
		]);
		expect(await source.getToken()).toBeNull();
		expect(source.state).toBe('unreachable');
		expect(await source.getToken()).toBeNull(); // inside the 2 s backoff: no request
		expect(fetch).toHaveBeenCalledTimes(1);
		advance(2_000);
		expect(await source.getToken()).toBeNull(); // 502, next wait 4 s
		advance(2_000);
		expect(await source.getToken()).toBeNull();
		expect(fetch).toHaveBeenCalledTimes(2);
		advance(2_000);
		expect(await source.getToken()).toBe('c');
	});

	it('refuses an answer without a usable token', async () => {
		const { source } = setup([() => json(200, { token: '', expiresAt: 5 })]);
		expect(await source.getToken()).toBeNull();
		expect(source.state).toBe('unreachable');
	});

	it('fetches a new token after the server refused the cached one', async () => {
		const { source, now } = setup([
			() => json(200, { token: 'a', expiresAt: now() + 1e6 }),
			() => json(200, { token: 'b', expiresAt: now() + 1e6 })
		]);
		expect(await source.getToken()).toBe('a');
		source.invalidate();
		expect(await source.getToken()).toBe('b');
	});
});
