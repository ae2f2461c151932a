// Everything a test starts is stopped in afterEach, newest first, so no socket, timer or server outlives
// its test (a hanging vitest is a failing vitest).
import { afterEach } from 'vitest';

export type Cleanup = () => unknown;

export function useCleanup(): (cleanup: Cleanup) => void {
	const cleanups: Cleanup[] = [];
	afterEach(async () => {
		while (cleanups.length > 0) await cleanups.pop()!();
	});
	return (cleanup) => void cleanups.push(cleanup);
}
