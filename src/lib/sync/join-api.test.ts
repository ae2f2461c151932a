import { describe, expect, it } from 'vitest';
import { apiOriginOfSocket } from './join-api';

describe("where a server's API lives, from its sync socket", () => {
	it('is the https origin for a wss socket and the http origin for a ws socket, port included', () => {
		expect(apiOriginOfSocket('wss://zentral.example.de/sync')).toBe('https://zentral.example.de');
		expect(apiOriginOfSocket('ws://localhost:8421/sync')).toBe('http://localhost:8421');
	});
});
