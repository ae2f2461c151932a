// H3: strangers cannot grow the log. Every string a client chose is cut and escaped in each log line,
// and refusals are sampled and counted instead of logged one by one.
import { describe, expect, it } from 'vitest';
import { useCleanup } from './test/cleanup';
import { boundedString, createLogger, MAX_LOGGED_CHARS, REFUSALS_SAMPLED } from './logger';
import { frame, openRawSyncSocket, type RawSyncSocket } from './test/raw-sync-socket';
import { startTestServer } from './test/test-server';

const defer = useCleanup();
const MESSAGE_AUTH = 2;
const AUTH_TOKEN = 0;

/** A log destination that keeps the total size and the lines up to 64 KiB (a failing run may log GiBs). */
function logSink() {
	const sink = { bytes: 0, lines: [] as string[] };
	return {
		sink,
		write(line: string) {
			sink.bytes += Buffer.byteLength(line);
			if (sink.bytes <= 64 * 1024) sink.lines.push(line);
		}
	};
}

describe('bounded logs', () => {
	it(
		'1,000 refused authentications with 1 MiB document names grow the log by a few KiB, and every one is counted (H3)',
		{ timeout: 60_000 },
		async () => {
			const log = logSink();
			const test = await startTestServer({ logger: createLogger('info', log) });
			defer(() => test.close());
			const hugeName = `kommune/032410001001/${'\u202e<script>\n'.repeat(100 * 1024)}`;
			const attemptFrame = frame(hugeName, [MESSAGE_AUTH, AUTH_TOKEN], ['not-a-token']);
			expect(attemptFrame.byteLength).toBeGreaterThan(0);
			const before = log.sink.bytes;

			// Ten strangers at once, 100 attempts each; each attempt is answered (refused as unauthorized, or
			// the socket closed, and the next attempt opens a new one).
			const stranger = async () => {
				let socket: RawSyncSocket | null = null;
				for (let attempt = 0; attempt < 100; attempt += 1) {
					if (socket === null || socket.socket.readyState !== socket.socket.OPEN) {
						const opened = await openRawSyncSocket(test.syncUrl);
						defer(() => opened.socket.terminate());
						socket = opened;
					}
					const current = socket;
					await new Promise<void>((resolve) => {
						const done = () => {
							current.socket.off('message', done).off('close', done);
							resolve();
						};
						current.socket.on('message', done).on('close', done);
						current.send(attemptFrame);
					});
				}
			};
			await Promise.all(Array.from({ length: 10 }, stranger));
			await test.close();

			expect(log.sink.bytes - before).toBeLessThan(16 * 1024);
			const lines = log.sink.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
			expect(lines.filter((line) => line.event === 'sync_refused')).toHaveLength(REFUSALS_SAMPLED);
			const counted = lines.find((line) => line.event === 'refusals_counted');
			const refused = Object.values(counted?.refused as Record<string, number>);
			expect(refused.reduce((sum, count) => sum + count, 0)).toBe(1_000);
		}
	);

	it('a logged string is cut and has no control or bidi character left (H3)', () => {
		const logged = boundedString(`a\nb\u202ec${'x'.repeat(1_000)}`);
		expect(logged.startsWith('a\\x0ab\\u202ec')).toBe(true);
		expect(logged.length).toBeLessThan(MAX_LOGGED_CHARS + 40);
		expect(logged).toMatch(/^[\x20-\x7e…]*$/);
	});
});
