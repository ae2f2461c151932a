import { describe, expect, it } from 'vitest';
import { TimeoutError, withTimeout } from './with-timeout';

describe('withTimeout', () => {
	it('passes the value of a promise that settles in time', async () => {
		await expect(withTimeout(Promise.resolve(7), 50, 'slow')).resolves.toBe(7);
	});

	it('rejects with the given code when the promise never settles', async () => {
		const never = new Promise<number>(() => {});
		const error = await withTimeout(never, 10, 'storage_timeout').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TimeoutError);
		expect((error as TimeoutError).code).toBe('storage_timeout');
	});

	it('passes the rejection of a promise that fails in time', async () => {
		await expect(withTimeout(Promise.reject(new Error('boom')), 50, 'slow')).rejects.toThrow(
			'boom'
		);
	});
});
