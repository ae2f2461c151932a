import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { API_PATHS, type OwnerTokenResponse, type ServerInfo } from '../src/lib/contract/protocol';
import type { Env } from './config';
import { useCleanup } from './test/cleanup';
import { jsonBody, rawRequest } from './test/http-request';
import { FAKE_BOOT_SCRIPT, startTestServer } from './test/test-server';

const defer = useCleanup();

async function start(env: Env = {}) {
	const test = await startTestServer({ env });
	defer(() => test.close());
	return test;
}

const ownerHeaders = (port: number) => ({
	Host: `localhost:${port}`,
	Origin: `http://localhost:${port}`
});

describe('owner token', () => {
	it('is issued to a loopback request with Host and Origin localhost:<port>', async () => {
		const { port, server } = await start();
		const response = await rawRequest({
			port,
			method: 'POST',
			path: API_PATHS.ownerToken,
			headers: ownerHeaders(port)
		});
		expect(response.status).toBe(200);
		expect(response.headers['cache-control']).toBe('no-store');
		const body = jsonBody<OwnerTokenResponse>(response);
		expect(body.expiresAt).toBeGreaterThan(Date.now() + 11 * 3_600_000);
		const verified = await server.tokens.verify(body.token);
		expect(verified).toMatchObject({
			ok: true,
			claims: { sub: 'owner', role: 'moderation', docs: ['kommune/*/**'] }
		});
	});

	it('is refused when Host says localhost but Origin is another site', async () => {
		const { port } = await start();
		const response = await rawRequest({
			port,
			method: 'POST',
			path: API_PATHS.ownerToken,
			headers: { Host: `localhost:${port}`, Origin: 'http://evil.example' }
		});
		expect(response.status).toBe(403);
		expect(jsonBody(response)).toEqual({ error: 'not_owner' });
	});

	it('is refused without an Origin header', async () => {
		const { port } = await start();
		const response = await rawRequest({
			port,
			method: 'POST',
			path: API_PATHS.ownerToken,
			headers: { Host: `localhost:${port}` }
		});
		expect(response.status).toBe(403);
		expect(jsonBody(response)).toEqual({ error: 'not_owner' });
	});

	it('is refused to a request for the LAN address even from the laptop itself', async () => {
		const { port } = await start();
		const response = await rawRequest({
			port,
			method: 'POST',
			path: API_PATHS.ownerToken,
			headers: { Host: `kw-lan.test:${port}`, Origin: `http://kw-lan.test:${port}` }
		});
		expect(response.status).toBe(403);
	});

	it('is refused to a peer that is not loopback, even with Host and Origin localhost:<port>', async () => {
		const { port, server } = await start();
		// The kernel's peer address is what counts: make this loopback connection look like the LAN.
		server.httpServer.prependListener('connection', (socket: Socket) => {
			Object.defineProperty(socket, 'remoteAddress', { value: '192.168.1.20' });
		});
		const response = await rawRequest({
			port,
			method: 'POST',
			path: API_PATHS.ownerToken,
			headers: ownerHeaders(port)
		});
		expect(response.status).toBe(403);
		expect(jsonBody(response)).toEqual({ error: 'not_owner' });
	});

	it('is refused to a request that came through a proxy or tunnel on the laptop', async () => {
		const { port } = await start();
		for (const [name, value] of [
			['Forwarded', 'for=192.168.1.20'],
			['X-Forwarded-For', '192.168.1.20'],
			['X-Real-IP', '192.168.1.20'],
			['Via', '1.1 tunnel']
		]) {
			const response = await rawRequest({
				port,
				method: 'POST',
				path: API_PATHS.ownerToken,
				headers: { ...ownerHeaders(port), [name!]: value! }
			});
			expect(response.status, name).toBe(403);
			expect(jsonBody(response)).toEqual({ error: 'not_owner' });
		}
	});

	it('is issued over IPv6 loopback (::1) and to an IPv4 peer of a dual-stack socket (::ffff:127.0.0.1)', async () => {
		for (const [host, address] of [
			['::1', '::1'],
			['::ffff:127.0.0.1', '127.0.0.1']
		] as const) {
			const { port } = await start({ HOST: host });
			const response = await rawRequest({
				address,
				port,
				method: 'POST',
				path: API_PATHS.ownerToken,
				headers: ownerHeaders(port)
			});
			expect(response.status, host).toBe(200);
		}
	});

	it('is refused when trust of loopback is off', async () => {
		const { port } = await start({ TRUST_LOOPBACK: '0' });
		const response = await rawRequest({
			port,
			method: 'POST',
			path: API_PATHS.ownerToken,
			headers: ownerHeaders(port)
		});
		expect(response.status).toBe(403);
		expect(jsonBody(response)).toEqual({ error: 'not_owner' });
	});

	it('is not handed out for GET', async () => {
		const { port } = await start();
		const response = await rawRequest({
			port,
			path: API_PATHS.ownerToken,
			headers: ownerHeaders(port)
		});
		expect(response.status).toBe(405);
		expect(jsonBody(response)).toEqual({ error: 'method_not_allowed' });
	});
});

describe('http', () => {
	it('redirects 127.0.0.1 and [::1] to localhost with the same path (one origin for IndexedDB)', async () => {
		const { port } = await start();
		for (const host of [`127.0.0.1:${port}`, `[::1]:${port}`]) {
			const response = await rawRequest({
				port,
				path: '/workshop/abc?x=1',
				headers: { Host: host }
			});
			expect(response.status).toBe(308);
			expect(response.headers.location).toBe(`http://localhost:${port}/workshop/abc?x=1`);
		}
	});

	it('answers a request that really arrives over IPv6 loopback with the redirect to localhost', async () => {
		const { port } = await start({ HOST: '::1' });
		const response = await rawRequest({
			address: '::1',
			port,
			path: '/impressum',
			headers: { Host: `[::1]:${port}` }
		});
		expect(response.status).toBe(308);
		expect(response.headers.location).toBe(`http://localhost:${port}/impressum`);
	});

	it('sends a Content Security Policy that allows the inline boot script by its hash', async () => {
		const { port } = await start();
		const response = await rawRequest({
			port,
			path: '/',
			headers: { Host: `localhost:${port}`, Accept: 'text/html' }
		});
		expect(response.status).toBe(200);
		const csp = String(response.headers['content-security-policy']);
		const hash = createHash('sha256').update(FAKE_BOOT_SCRIPT).digest('base64');
		expect(csp).toContain("default-src 'self'");
		expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
		expect(csp).not.toContain('unsafe-eval');
		expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
		expect(csp).toContain(`connect-src 'self' ws://localhost:${port}`);
		expect(csp).toContain("frame-ancestors 'none'");
		expect(response.headers['x-content-type-options']).toBe('nosniff');
		expect(response.headers['referrer-policy']).toBe('no-referrer');
	});

	it('answers a deep link with the SPA fallback, but a missing asset with 404', async () => {
		const { port } = await start();
		const headers = { Host: `localhost:${port}` };
		const deepLink = await rawRequest({
			port,
			path: '/workshop/abc',
			headers: { ...headers, Accept: 'text/html' }
		});
		expect(deepLink.status).toBe(200);
		expect(deepLink.body).toContain(FAKE_BOOT_SCRIPT);
		expect(deepLink.headers['content-security-policy']).toBeDefined();
		const missing = await rawRequest({ port, path: '/_app/immutable/entry/gone.js', headers });
		expect(missing.status).toBe(404);
	});

	it('lets the browser cache hashed assets for good and revalidate sw.js, 200.html and the manifest', async () => {
		const { port } = await start();
		const headers = { Host: `localhost:${port}` };
		const asset = await rawRequest({ port, path: '/_app/immutable/entry/start.js', headers });
		expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		for (const path of ['/sw.js', '/200.html', '/manifest.webmanifest']) {
			const response = await rawRequest({ port, path, headers });
			expect(response.status).toBe(200);
			expect(response.headers['cache-control']).toBe('no-cache');
		}
	});

	it('reports health and the operator details configured in the environment', async () => {
		const { port } = await start({
			OPERATOR_NAME: 'Samtgemeinde Musterland',
			OPERATOR_EMAIL: 'it@musterland.example'
		});
		const headers = { Host: `localhost:${port}` };
		expect(jsonBody(await rawRequest({ port, path: API_PATHS.health, headers }))).toEqual({
			status: 'ok'
		});
		const info = jsonBody<ServerInfo>(await rawRequest({ port, path: API_PATHS.config, headers }));
		expect(info.mode).toBe('laptop');
		expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
		expect(info.operator).toEqual({
			name: 'Samtgemeinde Musterland',
			address: null,
			email: 'it@musterland.example',
			phone: null,
			representative: null
		});
	});

	it('answers an unknown API path with a JSON error code', async () => {
		const { port } = await start();
		const response = await rawRequest({
			port,
			path: '/api/nope',
			headers: { Host: `localhost:${port}` }
		});
		expect(response.status).toBe(404);
		expect(jsonBody(response)).toEqual({ error: 'not_found' });
	});
});
