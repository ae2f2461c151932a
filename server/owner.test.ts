import { describe, expect, it } from 'vitest';
import { hasProxyHeaders, isLoopbackAddress, isOwnerRequest } from './owner';

const PORT = 8420;
const owner = {
	peerAddress: '127.0.0.1',
	host: `localhost:${PORT}`,
	origin: `http://localhost:${PORT}`,
	proxied: false,
	port: PORT,
	trustLoopback: true
};

describe('the owner rule', () => {
	it('a loopback peer with Host and Origin localhost:<port> is the owner', () => {
		expect(isOwnerRequest(owner)).toBe(true);
		expect(isOwnerRequest({ ...owner, peerAddress: '::1' })).toBe(true);
		expect(isOwnerRequest({ ...owner, peerAddress: '::ffff:127.0.0.1' })).toBe(true);
		expect(isOwnerRequest({ ...owner, peerAddress: '127.8.9.10' })).toBe(true);
	});

	it('a peer that is not loopback is not the owner, whatever its headers say', () => {
		for (const peerAddress of [
			'192.168.1.20',
			'::ffff:10.0.0.1',
			'fe80::1',
			'10.127.0.1',
			undefined
		]) {
			expect(isOwnerRequest({ ...owner, peerAddress })).toBe(false);
		}
	});

	it('a request whose Host says localhost but whose Origin does not is not the owner', () => {
		for (const origin of [
			'http://evil.example',
			`http://evil.example:${PORT}`,
			`https://localhost:${PORT}`,
			'http://localhost:8421',
			'null',
			undefined
		]) {
			expect(isOwnerRequest({ ...owner, origin })).toBe(false);
		}
	});

	it('a request for another host name or port is not the owner', () => {
		for (const host of [
			`127.0.0.1:${PORT}`,
			`kw-lan.test:${PORT}`,
			'localhost',
			'localhost:8421',
			undefined
		]) {
			expect(isOwnerRequest({ ...owner, host })).toBe(false);
		}
	});

	it('a request that came through a proxy on the laptop is not the owner, whatever its peer and headers', () => {
		expect(isOwnerRequest({ ...owner, proxied: true })).toBe(false);
	});

	it('nobody is the owner when trust of loopback is off', () => {
		expect(isOwnerRequest({ ...owner, trustLoopback: false })).toBe(false);
	});
});

describe('proxy headers', () => {
	it('Forwarded, Via, X-Real-IP and any X-Forwarded-* header mark a request as proxied', () => {
		for (const name of [
			'forwarded',
			'via',
			'x-real-ip',
			'x-forwarded-for',
			'X-Forwarded-Host',
			'x-forwarded-proto'
		]) {
			expect(hasProxyHeaders({ host: `localhost:${PORT}`, [name]: 'x' })).toBe(true);
		}
	});

	it('a browser request to localhost has none', () => {
		expect(
			hasProxyHeaders({
				host: `localhost:${PORT}`,
				origin: `http://localhost:${PORT}`,
				'sec-fetch-site': 'same-origin',
				'x-requested-with': 'fetch'
			})
		).toBe(false);
	});
});

describe('loopback addresses', () => {
	it('are 127.0.0.0/8 and ::1 in their usual spellings', () => {
		expect(isLoopbackAddress('127.0.0.1')).toBe(true);
		expect(isLoopbackAddress('::FFFF:127.0.0.1')).toBe(true);
		expect(isLoopbackAddress('0:0:0:0:0:0:0:1')).toBe(true);
		expect(isLoopbackAddress('127.0.0.256')).toBe(false);
		expect(isLoopbackAddress('127.0.0')).toBe(false);
		expect(isLoopbackAddress('::ffff:192.168.1.20')).toBe(false);
		expect(isLoopbackAddress('')).toBe(false);
	});
});
