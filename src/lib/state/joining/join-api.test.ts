import { describe, expect, it } from 'vitest';
import { apiBaseOfSocket } from './join-api';

describe("where a server's API lives, from its sync socket", () => {
	it('is the https origin for a wss socket and the http origin for a ws socket, port included', () => {
		expect(apiBaseOfSocket('wss://zentral.example.de/sync')).toBe('https://zentral.example.de');
		expect(apiBaseOfSocket('ws://localhost:8421/sync')).toBe('http://localhost:8421');
	});

	it('keeps the path prefix of a server behind a reverse proxy, so a deletion reaches /kw/api/deletions', () => {
		expect(apiBaseOfSocket('wss://host.example.de/kw/sync')).toBe('https://host.example.de/kw');
		expect(apiBaseOfSocket('wss://host.example.de/kw/sync/')).toBe('https://host.example.de/kw');
		expect(apiBaseOfSocket('ws://10.0.0.5:8421/a/b/sync?x=1')).toBe('http://10.0.0.5:8421/a/b');
		// Only a final segment named exactly `sync` is the socket's own.
		expect(apiBaseOfSocket('wss://host.example.de/async')).toBe('https://host.example.de/async');
		expect(apiBaseOfSocket('wss://host.example.de')).toBe('https://host.example.de');
	});
});
