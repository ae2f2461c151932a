/** The error `withTimeout` rejects with; `code` is what callers branch on. */
export class TimeoutError<C extends string = string> extends Error {
	constructor(
		readonly code: C,
		readonly ms: number
	) {
		super(`${code} after ${ms} ms`);
		this.name = 'TimeoutError';
	}
}

/**
 * Settles like `promise`, or rejects with a TimeoutError carrying `code` after `ms`. Needed because some
 * browser storage promises never settle at all (a failed y-indexeddb open, an aborted quota write).
 */
export function withTimeout<T, C extends string>(
	promise: Promise<T>,
	ms: number,
	code: C
): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new TimeoutError(code, ms)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
