import { describe, expect, it } from 'vitest';
import { API_PATHS, type ServerTimeResponse } from '../src/lib/contract/protocol';
import { useCleanup } from './test/cleanup';
import { jsonBody, rawRequest } from './test/http-request';
import { startTestServer } from './test/test-server';

const defer = useCleanup();

async function start() {
	const test = await startTestServer();
	defer(() => test.close());
	return test;
}

describe('server clock', () => {
	it('answers a GET without a token with the server time in epoch milliseconds, never from a cache', async () => {
		const { port } = await start();
		const before = Date.now();
		const response = await rawRequest({
			port,
			path: API_PATHS.time,
			headers: { Host: `localhost:${port}` }
		});
		const after = Date.now();
		expect(response.status).toBe(200);
		expect(response.headers['cache-control']).toBe('no-store');
		const { now } = jsonBody<ServerTimeResponse>(response);
		expect(now).toBeGreaterThanOrEqual(before);
		expect(now).toBeLessThanOrEqual(after);
	});

	it('refuses POST the way the other GET-only endpoints do', async () => {
		const { port } = await start();
		const post = (path: string) =>
			rawRequest({ port, path, method: 'POST', headers: { Host: `localhost:${port}` } });
		const time = await post(API_PATHS.time);
		const health = await post(API_PATHS.health);
		expect(time.status).toBe(405);
		expect(jsonBody(time)).toEqual({ error: 'method_not_allowed' });
		expect(time.headers.allow).toBe('GET, HEAD');
		expect({ status: time.status, allow: time.headers.allow, body: time.body }).toEqual({
			status: health.status,
			allow: health.headers.allow,
			body: health.body
		});
	});
});
