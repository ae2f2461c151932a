import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, lanUrls, loopbackRedirectTarget, parseHostHeader } from './host-rules';

const PORT = 8420;
const localAddresses = new Set(['127.0.0.1', '::1', '192.168.1.20', 'fe80::1']);
const check = (origin: string | undefined, host: string | undefined = `localhost:${PORT}`) =>
	isAllowedOrigin({ origin, host, port: PORT, localAddresses });

describe('WebSocket origin check', () => {
	it('allows the server’s own origins: localhost and this machine’s addresses on our port', () => {
		expect(check(`http://localhost:${PORT}`)).toBe(true);
		expect(check(`http://192.168.1.20:${PORT}`, `192.168.1.20:${PORT}`)).toBe(true);
		// The page came from the LAN address, the socket goes to localhost: still this machine.
		expect(check(`http://192.168.1.20:${PORT}`)).toBe(true);
		expect(check(`http://[fe80::1]:${PORT}`)).toBe(true);
	});

	it('allows a page whose origin is the Host it was served under (a LAN or central host name)', () => {
		expect(check(`http://kw-lan.test:${PORT}`, `kw-lan.test:${PORT}`)).toBe(true);
		expect(check('https://kommunalwerkstatt.example', 'kommunalwerkstatt.example')).toBe(true);
	});

	it('refuses a cross-site origin', () => {
		expect(check('http://evil.example')).toBe(false);
		expect(check(`http://evil.example:${PORT}`)).toBe(false);
		expect(check(`http://localhost:${PORT + 1}`)).toBe(false);
		expect(check(`http://192.168.1.99:${PORT}`)).toBe(false);
		expect(check('null')).toBe(false);
		expect(check('file://')).toBe(false);
		expect(check(`http://localhost:${PORT}/path`)).toBe(false);
	});

	it('leaves a request without Origin (not a browser) to the token', () => {
		expect(check(undefined)).toBe(true);
	});
});

describe('loopback redirect', () => {
	it('sends 127.0.0.1 and [::1] to localhost with the same path', () => {
		expect(loopbackRedirectTarget(`127.0.0.1:${PORT}`, '/a?b=1', PORT)).toBe(
			`http://localhost:${PORT}/a?b=1`
		);
		expect(loopbackRedirectTarget(`[::1]:${PORT}`, '/', PORT)).toBe(`http://localhost:${PORT}/`);
		expect(loopbackRedirectTarget('127.0.0.1', '/x', PORT)).toBe(`http://localhost:${PORT}/x`);
	});

	it('leaves other hosts alone and never redirects to a path that names another host', () => {
		expect(loopbackRedirectTarget(`localhost:${PORT}`, '/', PORT)).toBeNull();
		expect(loopbackRedirectTarget(`192.168.1.20:${PORT}`, '/', PORT)).toBeNull();
		expect(loopbackRedirectTarget(undefined, '/', PORT)).toBeNull();
		expect(loopbackRedirectTarget(`127.0.0.1:${PORT}`, '//evil.example/x', PORT)).toBe(
			`http://localhost:${PORT}/`
		);
		expect(loopbackRedirectTarget(`127.0.0.1:${PORT}`, 'http://evil.example/', PORT)).toBe(
			`http://localhost:${PORT}/`
		);
	});
});

describe('Host header', () => {
	it('accepts names, IPv4 and bracketed IPv6 with an optional port, nothing else', () => {
		expect(parseHostHeader('LocalHost:8420')).toEqual({ hostname: 'localhost', port: 8420 });
		expect(parseHostHeader('[::1]:8420')).toEqual({ hostname: '[::1]', port: 8420 });
		expect(parseHostHeader('example.org')).toEqual({ hostname: 'example.org', port: null });
		for (const bad of ['', 'a b', "x'; script-src *", 'host:99999', 'host:', 'a/b']) {
			expect(parseHostHeader(bad)).toBeNull();
		}
	});
});

describe('LAN URLs printed at start', () => {
	const lan = () => ['192.168.1.20', '10.0.0.5'];

	it('lists the laptop’s IPv4 addresses when the server listens on every address (:: is dual-stack)', () => {
		const expected = ['http://192.168.1.20:8420', 'http://10.0.0.5:8420'];
		expect(lanUrls('::', PORT, lan)).toEqual(expected);
		expect(lanUrls('0.0.0.0', PORT, lan)).toEqual(expected);
	});

	it('lists none on loopback and the one address otherwise', () => {
		for (const host of ['127.0.0.1', '::1', '::ffff:127.0.0.1', 'localhost']) {
			expect(lanUrls(host, PORT, lan)).toEqual([]);
		}
		expect(lanUrls('192.168.1.20', PORT, lan)).toEqual(['http://192.168.1.20:8420']);
		expect(lanUrls('fd00::20', PORT, lan)).toEqual(['http://[fd00::20]:8420']);
	});
});
