// Token buckets per user (ADR 5): one for messages, one for bytes, each with a sustained rate and
// a burst. Keyed by the authenticated user, never by IP: on a LAN every client looks alike
// (ADR 10). Pure: the clock is injected, so tests step time instead of waiting.

export interface RateLimits {
	messagesPerSecond: number;
	messageBurst: number;
	bytesPerSecond: number;
	byteBurst: number;
}

export interface RateLimiter {
	/**
	 * Charges one message of `bytes` to `key`. False when either budget cannot pay for it; then nothing
	 * is charged. A message larger than the byte burst never passes.
	 */
	take(key: string, bytes: number): boolean;
	/**
	 * Charges what a socket sent before anyone knew its user, whatever the budget: it may go into debt,
	 * which later messages of that user must pay back first. So reconnecting buys no fresh allowance.
	 */
	charge(key: string, messages: number, bytes: number): void;
	/** Whether the user owes more than the budget has refilled (after a charge). */
	inDebt(key: string): boolean;
	/** Forgets keys whose budgets are full again: a full bucket is the same as a new one. */
	prune(): void;
	/** How many keys are remembered. */
	readonly size: number;
}

interface Bucket {
	messages: number;
	bytes: number;
	/** When the bucket was last refilled (ms on the injected clock). */
	at: number;
}

/** `now` is in milliseconds; a monotonic clock by default, so a changed wall clock refills nothing. */
export function createRateLimiter(
	limits: RateLimits,
	now: () => number = () => performance.now()
): RateLimiter {
	const buckets = new Map<string, Bucket>();

	function refill(bucket: Bucket, at: number): void {
		const seconds = Math.max(0, at - bucket.at) / 1000;
		bucket.messages = Math.min(
			limits.messageBurst,
			bucket.messages + seconds * limits.messagesPerSecond
		);
		bucket.bytes = Math.min(limits.byteBurst, bucket.bytes + seconds * limits.bytesPerSecond);
		bucket.at = Math.max(bucket.at, at);
	}

	function bucketOf(key: string): Bucket {
		const at = now();
		let bucket = buckets.get(key);
		if (bucket) refill(bucket, at);
		else {
			bucket = { messages: limits.messageBurst, bytes: limits.byteBurst, at };
			buckets.set(key, bucket);
		}
		return bucket;
	}

	return {
		take(key, bytes) {
			const bucket = bucketOf(key);
			if (bucket.messages < 1 || bucket.bytes < bytes) return false;
			bucket.messages -= 1;
			bucket.bytes -= bytes;
			return true;
		},

		charge(key, messages, bytes) {
			const bucket = bucketOf(key);
			bucket.messages -= messages;
			bucket.bytes -= bytes;
		},

		inDebt(key) {
			const bucket = buckets.get(key);
			if (!bucket) return false;
			refill(bucket, now());
			return bucket.messages < 0 || bucket.bytes < 0;
		},

		prune() {
			const at = now();
			for (const [key, bucket] of buckets) {
				refill(bucket, at);
				if (bucket.messages >= limits.messageBurst && bucket.bytes >= limits.byteBurst) {
					buckets.delete(key);
				}
			}
		},

		get size() {
			return buckets.size;
		}
	};
}
