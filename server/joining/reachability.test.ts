import { describe, expect, it } from 'vitest';
import { createReachability } from './reachability';

describe('reachability (H5)', () => {
	it('notes the laptop address a device reached, IPv4 as the page lists it, and never loopback', () => {
		let now = 1_000;
		const reachability = createReachability(() => now);
		reachability.note('127.0.0.1');
		reachability.note('::1');
		reachability.note('::ffff:127.0.0.1');
		reachability.note(undefined);
		expect(reachability.read()).toEqual({ lastContactAt: null, contacts: [] });

		reachability.note('::ffff:192.168.178.20');
		now = 2_000;
		reachability.note('FE80::1');
		expect(reachability.read()).toEqual({
			lastContactAt: 2_000,
			contacts: [
				{ address: 'fe80::1', at: 2_000 },
				{ address: '192.168.178.20', at: 1_000 }
			]
		});
	});
});
