// The pace of the pieces (S19) against the server's own rate limiter (ADR 5), on one stepped clock.

import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../server/rate-limit';
import { USER_BYTE_BURST, USER_BYTES_PER_SECOND } from '../contract/protocol';
import { createUploadPacer, PIECE_BYTES } from './chunked-provider';

describe('pacing the pieces of a large document', () => {
	it('sends 40 MiB no faster than the server takes it from one user', () => {
		let now = 0;
		const pacer = createUploadPacer(() => now);
		const server = createRateLimiter(
			{
				messagesPerSecond: 200,
				messageBurst: 1_000,
				bytesPerSecond: USER_BYTES_PER_SECOND,
				byteBurst: USER_BYTE_BURST
			},
			() => now
		);
		let sent = 0;
		while (sent < 40) {
			const wait = pacer.wait(PIECE_BYTES);
			if (wait > 0) {
				now += wait;
				continue;
			}
			expect(server.take('facilitator', PIECE_BYTES)).toBe(true);
			sent += 1;
		}
		// 8 pieces at once (half the 16 MiB burst), then one every 1 / 1.5 MiB/s = 666.7 ms: the 40th
		// leaves after 32 × 666.7 ms = 21,333 ms.
		expect(now).toBeGreaterThanOrEqual(21_333);
		expect(now).toBeLessThan(21_400);
	});
});
