import { describe, expect, it } from 'vitest';
import { createRateLimiter, type RateLimits } from './rate-limit';

const LIMITS: RateLimits = {
	messagesPerSecond: 10,
	messageBurst: 5,
	bytesPerSecond: 1_000,
	byteBurst: 2_000
};

function withClock(limits: RateLimits = LIMITS) {
	let time = 1_000;
	const limiter = createRateLimiter(limits, () => time);
	return {
		limiter,
		advance: (ms: number) => void (time += ms),
		setTime: (ms: number) => void (time = ms)
	};
}

/** How many messages of `bytes` pass in a row right now. */
function passing(limiter: ReturnType<typeof createRateLimiter>, key: string, bytes = 1): number {
	let count = 0;
	while (limiter.take(key, bytes)) count += 1;
	return count;
}

describe('rate limiter', () => {
	it('lets a new user send the burst at once and refuses the next message', () => {
		const { limiter } = withClock();
		expect(passing(limiter, 'teilnahme:p1')).toBe(5);
		expect(limiter.take('teilnahme:p1', 1)).toBe(false);
	});

	it('refills messages at the sustained rate, never beyond the burst', () => {
		const { limiter, advance } = withClock();
		passing(limiter, 'u');
		advance(100);
		expect(passing(limiter, 'u')).toBe(1);
		advance(250);
		expect(passing(limiter, 'u')).toBe(2);
		advance(60_000);
		expect(passing(limiter, 'u')).toBe(5);
	});

	it('charges bytes: a user who sent the byte burst waits for the byte rate', () => {
		const { limiter, advance } = withClock();
		expect(limiter.take('u', 1_500)).toBe(true);
		expect(limiter.take('u', 600)).toBe(false);
		advance(100);
		expect(limiter.take('u', 600)).toBe(true);
		expect(limiter.take('u', 1)).toBe(false);
	});

	it('never passes a message larger than the byte burst', () => {
		const { limiter, advance } = withClock();
		expect(limiter.take('u', 2_001)).toBe(false);
		advance(3_600_000);
		expect(limiter.take('u', 2_001)).toBe(false);
		expect(limiter.take('u', 2_000)).toBe(true);
	});

	it('charges nothing for a refused message', () => {
		const { limiter } = withClock();
		expect(limiter.take('u', 1_900)).toBe(true);
		expect(limiter.take('u', 200)).toBe(false);
		expect(passing(limiter, 'u', 10)).toBe(4);
	});

	it('keeps one budget per key: several sockets of one user share it, other users have their own', () => {
		const { limiter } = withClock();
		expect(passing(limiter, 'teilnahme:p1')).toBe(5);
		expect(passing(limiter, 'teilnahme:p2')).toBe(5);
		expect(passing(limiter, 'moderation:p1')).toBe(5);
		expect(limiter.take('teilnahme:p1', 1)).toBe(false);
	});

	it('refills nothing when the clock goes backwards', () => {
		const { limiter, setTime } = withClock();
		passing(limiter, 'u');
		setTime(0);
		expect(limiter.take('u', 1)).toBe(false);
		setTime(1_100);
		expect(passing(limiter, 'u')).toBe(1);
	});

	it('forgets users whose budgets are full again, and only those', () => {
		const { limiter, advance } = withClock();
		passing(limiter, 'idle');
		advance(1_000);
		passing(limiter, 'busy');
		limiter.prune();
		expect(limiter.size).toBe(1);
		// A forgotten user starts with a full budget, exactly what the refill had given it.
		expect(passing(limiter, 'idle')).toBe(5);
		expect(passing(limiter, 'busy')).toBe(0);
	});
});
