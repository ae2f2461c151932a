// H4: sockets that have not authenticated hold little, together: a cap on their number and on the bytes
// Hocuspocus queues for them, a deadline to authenticate, and frames sent before a token is accepted are
// never applied by a later authentication. Nothing is keyed by IP: every socket here comes from 127.0.0.1.
import type { Extension } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES, ERROR_CODES } from '../src/lib/contract/protocol';
import { useCleanup } from './test/cleanup';
import {
	frame,
	independentEntry,
	openRawSyncSocket,
	type RawSyncSocket
} from './test/raw-sync-socket';
import { startTestServer, type TestServer } from './test/test-server';
import type { SyncLimits } from './config';

const PROFILE = 'kommune/032410001001/profile';
const defer = useCleanup();

async function serverWith(limits: Partial<SyncLimits>): Promise<TestServer> {
	const test = await startTestServer({
		configure: (config) => ({ ...config, limits: { ...config.limits, ...limits } })
	});
	defer(() => test.close());
	return test;
}

const ownerToken = async (test: TestServer) =>
	(
		await test.server.tokens.issue({
			sub: 'owner',
			role: 'moderation',
			docs: ['kommune/*/**'],
			ttlSeconds: 600
		})
	).token;

/** The keys of the map 'flood' in the server's copy of the profile. */
async function serverFlood(test: TestServer): Promise<string[]> {
	const socket = await openRawSyncSocket(test.syncUrl);
	defer(() => socket.socket.terminate());
	await socket.join(PROFILE, await ownerToken(test));
	const doc = test.server.hocuspocus.documents.get(PROFILE);
	return doc ? [...doc.getMap('flood').keys()] : [];
}

describe('before authentication', () => {
	it(
		'200 sockets without a token: those beyond the cap are refused, the bytes queued for all stay under their cap, and a late authentication applies nothing sent before it (H4)',
		{ timeout: 60_000 },
		async () => {
			const MAX_SOCKETS = 64;
			const MAX_QUEUED = 32 * 1024;
			const test = await serverWith({
				maxUnauthenticatedSockets: MAX_SOCKETS,
				maxUnauthenticatedBytes: MAX_QUEUED,
				authenticationDeadlineMs: 60_000
			});
			const attempts = await Promise.allSettled(
				Array.from({ length: 200 }, () => openRawSyncSocket(test.syncUrl))
			);
			const sockets = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
			for (const socket of sockets) defer(() => socket.socket.terminate());
			expect(sockets).toHaveLength(MAX_SOCKETS);
			const refusals = attempts.flatMap((a) => (a.status === 'rejected' ? [String(a.reason)] : []));
			expect(refusals).toHaveLength(200 - MAX_SOCKETS);
			expect(refusals.every((reason) => reason.includes('503'))).toBe(true);

			// Token checks that take their time (a slow disk): meanwhile Hocuspocus queues what follows a token.
			let release = () => {};
			const released = new Promise<void>((resolve) => (release = resolve));
			const slowCheck: Extension = { onAuthenticate: () => released };
			test.server.hocuspocus.configuration.extensions.unshift(slowCheck);

			// Each socket: an update without a token (dropped), then a token and 2 KiB after it, queued
			// while the token is checked: 64 × 2 KiB is four times what all may queue together.
			const value = 'x'.repeat(2 * 1024);
			sockets.forEach((socket, i) => {
				socket.sendUpdate(PROFILE, independentEntry(`early-${i}`, 'x'));
				socket.sendAuth(PROFILE, 'not-a-token');
				socket.sendUpdate(PROFILE, independentEntry(`queued-${i}`, value));
			});
			// Every frame is read: the sockets over the cap are closed, the others hold their frames queued.
			const perSocket =
				frame(PROFILE, [2, 0], ['not-a-token']).byteLength +
				frame(PROFILE, [0, 2], [], [independentEntry('queued-0', value)]).byteLength;
			const closedOverCap = () =>
				sockets.filter((s) => s.socket.readyState === s.socket.CLOSED).length;
			const load = () => test.server.preAuthenticationLoad();
			await expect
				.poll(() => closedOverCap() + Math.round(load().queuedBytes / perSocket))
				.toBe(MAX_SOCKETS);
			expect(load().queuedBytes).toBeLessThanOrEqual(MAX_QUEUED);
			expect(closedOverCap()).toBeGreaterThan(0);
			// The checks end with the token refused: Hocuspocus drops what it queued, and so does the meter.
			release();
			await expect.poll(() => load().queuedBytes).toBe(0);
			const codes = await Promise.all(
				sockets.filter((s) => s.socket.readyState === s.socket.CLOSED).map((s) => s.closed)
			);
			expect(new Set(codes.map((c) => c.code))).toEqual(new Set([CLOSE_CODES.rateLimited]));

			// The sockets still open authenticate now, with a valid token: nothing they sent before is applied.
			const open = sockets.filter((s: RawSyncSocket) => s.socket.readyState === s.socket.OPEN);
			expect(open.length).toBeGreaterThan(0);
			const token = await ownerToken(test);
			open.forEach((socket, i) =>
				socket.sendUpdate(PROFILE, independentEntry(`before-late-token-${i}`, 'x'))
			);
			await Promise.all(open.map((socket) => socket.join(PROFILE, token)));
			expect(await serverFlood(test)).toEqual([]);
		}
	);

	it('a socket that authenticates nothing within the deadline is closed (H4)', async () => {
		const test = await serverWith({ authenticationDeadlineMs: 200 });
		const silent = await openRawSyncSocket(test.syncUrl);
		expect(await silent.closed).toEqual({ code: 1008, reason: ERROR_CODES.unauthorized });

		// One that authenticates in time stays, and its writes count.
		const prompt = await openRawSyncSocket(test.syncUrl);
		defer(() => prompt.socket.terminate());
		await prompt.join(PROFILE, await ownerToken(test));
		prompt.sendUpdate(PROFILE, independentEntry('in-time', 'x'));
		await expect.poll(() => prompt.acks).toBe(1);
		await new Promise((resolve) => setTimeout(resolve, 400));
		expect(prompt.socket.readyState).toBe(prompt.socket.OPEN);
		const doc = test.server.hocuspocus.documents.get(PROFILE);
		expect(doc?.getMap('flood').toJSON()).toEqual({ 'in-time': 'x' });
		expect(doc).toBeInstanceOf(Y.Doc);
	});
});
