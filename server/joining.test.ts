// Joining through the real server: invitations, joins, linked devices, the device list and removal, with
// real sync clients on 127.0.0.1. Assertions are on tokens, documents and close codes, not on pages.
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { readCards } from '../src/lib/crdt/workshop-cards';
import {
	checkRespondentDocName,
	profileDocName,
	workshopBoardDocName,
	workshopControlDocName,
	workshopPrefix,
	workshopPrivateDocName
} from '../src/lib/domain/document-names';
import {
	API_PATHS,
	CLOSE_CODES,
	ERROR_CODES,
	type DeviceInfo,
	type LinkCodeResponse,
	type NetworkInfo,
	type ReachabilityInfo
} from '../src/lib/contract/protocol';
import { useCleanup } from './test/cleanup';
import { callApi, invite, join, ownerToken } from './test/join-api';
import { connectSyncClient, textOf, type SyncClient } from './test/sync-client';
import { createTempDir, removeDir, startTestServer } from './test/test-server';
import { addOwnCard, cardTexts } from './test/workshop-room';

const ARS = '032410001001';
const OTHER_ARS = '031010000000';
const W1 = 'w1';
const BOARD = workshopBoardDocName(ARS, W1);

const defer = useCleanup();

async function start() {
	const test = await startTestServer();
	defer(() => test.close());
	return { ...test, owner: await ownerToken(test.port) };
}

/** A participant code for workshop W1, made by the laptop's owner. */
const inviteToW1 = (test: { port: number; owner: string }) =>
	invite(test.port, test.owner, { kind: 'teilnahme', ars: ARS, workshop: W1, label: 'Workshop' });

function connect(url: string, name: string, token: string | null): SyncClient {
	const client = connectSyncClient({ url, name, token });
	defer(() => client.destroy());
	return client;
}

const serverText = (
	test: { server: { hocuspocus: { documents: Map<string, unknown> } } },
	name: string
) =>
	(
		test.server.hocuspocus.documents.get(name) as
			{ getText(n: string): { toString(): string } } | undefined
	)
		?.getText('t')
		.toString();

/** The texts of the cards on the server's board (participants write their own cards, W6). */
const serverCards = (test: { server: { hocuspocus: { documents: Map<string, Y.Doc> } } }) => {
	const board = test.server.hocuspocus.documents.get(BOARD);
	return board ? cardTexts(board) : [];
};

describe('joining a workshop', () => {
	it('a participant who joins with a code and a name gets a token for that workshop only, and writes the board', async () => {
		const test = await start();
		const { code, expiresAt } = await invite(test.port, test.owner, {
			kind: 'teilnahme',
			ars: ARS,
			workshop: W1,
			label: 'Workshop Handlungsfelder'
		});
		expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
		expect(expiresAt).toBeGreaterThan(Date.now());

		// Typed from the projector: lower case, without the dash, O for 0.
		const typed = code.toLowerCase().replace('-', '').replace(/0/g, 'o');
		const joined = await join(test.port, typed, '  Anna  ');
		expect(joined).toMatchObject({
			role: 'teilnahme',
			kind: 'teilnahme',
			ars: ARS,
			workshop: W1,
			label: 'Workshop Handlungsfelder',
			displayName: 'Anna'
		});
		const verified = await test.server.tokens.verify(joined.token);
		expect(verified).toEqual({
			ok: true,
			claims: {
				sub: joined.sub,
				role: 'teilnahme',
				docs: [`kommune/${ARS}/workshop/${W1}/**`, `kommune/${ARS}/profile`],
				exp: joined.expiresAt / 1000,
				jti: joined.deviceId
			}
		});

		const board = connect(test.syncUrl, BOARD, joined.token);
		await expect.poll(() => board.state.synced).toBe(true);
		addOwnCard(board.doc, joined.sub, 'Karte von Anna');
		await expect.poll(() => serverCards(test)).toEqual(['Karte von Anna']);

		const otherWorkshop = connect(test.syncUrl, workshopBoardDocName(ARS, 'w2'), joined.token);
		await expect.poll(() => otherWorkshop.state.failedReason).toBe(ERROR_CODES.forbidden);
		const someoneElsesPrivate = connect(
			test.syncUrl,
			workshopPrivateDocName(ARS, W1, 'someone-else'),
			joined.token
		);
		await expect.poll(() => someoneElsesPrivate.state.failedReason).toBe(ERROR_CODES.forbidden);
	});

	it('a participant must give a usable name; a refused join creates no device', async () => {
		const test = await start();
		const { code } = await inviteToW1(test);
		for (const displayName of [undefined, '   ', 'x'.repeat(41), 'Anna\u0000']) {
			const answer = await callApi(test.port, 'POST', API_PATHS.join, {
				body: { code, ...(displayName === undefined ? {} : { displayName }) }
			});
			expect(answer).toEqual({ status: 400, body: { error: ERROR_CODES.invalidRequest } });
		}
		const devices = await callApi<DeviceInfo[]>(
			test.port,
			'GET',
			`${API_PATHS.devices}?scope=${encodeURIComponent(workshopPrefix(ARS, W1))}`,
			{ token: test.owner }
		);
		expect(devices).toEqual({ status: 200, body: [] });
	});

	it('an unknown, garbled or malformed code is refused with a code, never a token', async () => {
		const test = await start();
		for (const body of [
			{ code: 'ABCDE-FGHJK' },
			{ code: 'not a code at all' },
			{ code: 42 },
			'just a string'
		]) {
			const answer = await callApi(test.port, 'POST', API_PATHS.join, { body });
			expect(answer.status).toBeGreaterThanOrEqual(400);
			expect(answer.body).not.toHaveProperty('token');
		}
		const tooLarge = await callApi(test.port, 'POST', API_PATHS.join, {
			body: { code: 'ABCDE-FGHJK', displayName: 'x'.repeat(20_000) }
		});
		expect(tooLarge).toEqual({ status: 413, body: { error: ERROR_CODES.bodyTooLarge } });
	});

	it('only a moderator of that workshop or municipality can create invitations', async () => {
		const test = await start();
		const request = { kind: 'teilnahme', ars: ARS, workshop: W1, label: 'Workshop' } as const;
		const participant = await join(
			test.port,
			(await invite(test.port, test.owner, request)).code,
			'Anna'
		);
		const otherMunicipality = await test.server.tokens.issue({
			sub: 'mod-b',
			role: 'moderation',
			docs: [`kommune/${OTHER_ARS}/**`],
			ttlSeconds: 600
		});
		const beratung = await test.server.tokens.issue({
			sub: 'b',
			role: 'beratung',
			docs: ['kommune/*/**'],
			ttlSeconds: 600
		});
		const cases: Array<[string | undefined, number]> = [
			[undefined, 401],
			['forged.token.value', 401],
			[participant.token, 403],
			[otherMunicipality.token, 403],
			[beratung.token, 403]
		];
		for (const [token, status] of cases) {
			const answer = await callApi(test.port, 'POST', API_PATHS.invitations, {
				...(token ? { token } : {}),
				body: request
			});
			expect(answer.status).toBe(status);
			expect(answer.body).not.toHaveProperty('code');
		}
	});

	it('a co-facilitator moderates that one workshop and nothing else of the municipality', async () => {
		const test = await start();
		const { code } = await invite(test.port, test.owner, {
			kind: 'co-moderation',
			ars: ARS,
			workshop: W1,
			label: 'Workshop'
		});
		const co = await join(test.port, code, 'Bernd');
		expect(co.role).toBe('moderation');
		const control = connect(test.syncUrl, workshopControlDocName(ARS, W1), co.token);
		await expect.poll(() => control.state.synced).toBe(true);
		control.doc.getText('t').insert(0, 'Block 2 läuft');
		await expect
			.poll(() => serverText(test, workshopControlDocName(ARS, W1)))
			.toBe('Block 2 läuft');
		const profile = connect(test.syncUrl, profileDocName(ARS), co.token);
		await expect.poll(() => profile.state.failedReason).toBe(ERROR_CODES.forbidden);
		// A co-facilitator may invite participants to the same workshop, but not to another.
		await invite(test.port, co.token, { kind: 'teilnahme', ars: ARS, workshop: W1, label: 'W' });
		const elsewhere = await callApi(test.port, 'POST', API_PATHS.invitations, {
			token: co.token,
			body: { kind: 'teilnahme', ars: ARS, workshop: 'w2', label: 'W' }
		});
		expect(elsewhere.status).toBe(403);
	});

	it('a respondent link opens exactly that respondent’s document', async () => {
		const test = await start();
		const { code } = await invite(test.port, test.owner, {
			kind: 'respondent',
			ars: ARS,
			round: 'r2026',
			respondent: 'resp1',
			label: 'Digital-Check 2027',
			respondentLabel: 'Befragte Person 1'
		});
		const respondent = await join(test.port, code);
		expect(respondent).toMatchObject({
			role: 'respondent',
			sub: 'resp1',
			label: 'Digital-Check 2027',
			displayName: 'Befragte Person 1'
		});
		const own = connect(
			test.syncUrl,
			checkRespondentDocName(ARS, 'r2026', 'resp1'),
			respondent.token
		);
		await expect.poll(() => own.state.synced).toBe(true);
		const other = connect(
			test.syncUrl,
			checkRespondentDocName(ARS, 'r2026', 'resp2'),
			respondent.token
		);
		await expect.poll(() => other.state.failedReason).toBe(ERROR_CODES.forbidden);
	});
});

describe('devices', () => {
	async function joinedParticipant() {
		const test = await start();
		const { code } = await inviteToW1(test);
		return { test, participant: await join(test.port, code, 'Anna') };
	}

	const listDevices = (port: number, token: string) =>
		callApi<DeviceInfo[]>(
			port,
			'GET',
			`${API_PATHS.devices}?scope=${encodeURIComponent(workshopPrefix(ARS, W1))}`,
			{ token }
		);

	it('the facilitator sees who joined: name, role, device and whether it is online', async () => {
		const { test, participant } = await joinedParticipant();
		const before = await listDevices(test.port, test.owner);
		expect(before.body).toEqual([
			expect.objectContaining({
				id: participant.deviceId,
				role: 'teilnahme',
				displayName: 'Anna',
				participantId: participant.sub,
				platform: 'Android',
				browser: 'Chrome',
				online: false
			})
		]);
		const board = connect(test.syncUrl, BOARD, participant.token);
		await expect.poll(() => board.state.synced).toBe(true);
		await expect
			.poll(async () => (await listDevices(test.port, test.owner)).body[0]?.online)
			.toBe(true);
		// A participant cannot list the room.
		expect((await listDevices(test.port, participant.token)).status).toBe(403);
	});

	it('a removed device is cut off at once and its token never works again', async () => {
		const { test, participant } = await joinedParticipant();
		const board = connect(test.syncUrl, BOARD, participant.token);
		await expect.poll(() => board.state.synced).toBe(true);
		addOwnCard(board.doc, participant.sub, 'vorher');
		await expect.poll(() => serverCards(test)).toEqual(['vorher']);

		const removed = await callApi(
			test.port,
			'DELETE',
			`${API_PATHS.devices}/${participant.deviceId}`,
			{ token: test.owner }
		);
		expect(removed).toEqual({ status: 200, body: { id: participant.deviceId } });
		await expect.poll(() => board.closeCodes).toContain(CLOSE_CODES.deviceRevoked);

		// Whatever it types now never reaches the server, also not after its reconnect attempts.
		addOwnCard(board.doc, participant.sub, 'nachher');
		const again = connect(test.syncUrl, BOARD, participant.token);
		await expect.poll(() => again.state.failedReason).toBe(ERROR_CODES.deviceRevoked);
		// The cut-off client reconnects by itself and is refused too.
		await expect.poll(() => board.state.failedReason).toBe(ERROR_CODES.deviceRevoked);
		const facilitator = connect(test.syncUrl, BOARD, test.owner);
		await expect.poll(() => facilitator.state.synced).toBe(true);
		expect(cardTexts(facilitator.doc)).toEqual(['vorher']);
		const link = await callApi(test.port, 'POST', API_PATHS.linkCodes, {
			token: participant.token
		});
		expect(link).toEqual({ status: 401, body: { error: ERROR_CODES.deviceRevoked } });
		expect((await listDevices(test.port, test.owner)).body).toEqual([]);
	});

	it('removing a device voids the codes it made: its link code, and a co-facilitator’s invitations', async () => {
		const { test, participant } = await joinedParticipant();
		const link = await callApi<LinkCodeResponse>(test.port, 'POST', API_PATHS.linkCodes, {
			token: participant.token
		});
		const co = await join(
			test.port,
			(
				await invite(test.port, test.owner, {
					kind: 'co-moderation',
					ars: ARS,
					workshop: W1,
					label: 'Workshop'
				})
			).code,
			'Bernd'
		);
		// The co-facilitator invites a projector, and a co-facilitator for later (its way back in).
		const projectorCode = await invite(test.port, co.token, {
			kind: 'ansicht',
			ars: ARS,
			workshop: W1,
			label: 'Workshop'
		});
		const comebackCode = await invite(test.port, co.token, {
			kind: 'co-moderation',
			ars: ARS,
			workshop: W1,
			label: 'Workshop'
		});

		for (const removed of [participant, co]) {
			const answer = await callApi(
				test.port,
				'DELETE',
				`${API_PATHS.devices}/${removed.deviceId}`,
				{
					token: test.owner
				}
			);
			expect(answer.status).toBe(200);
		}
		for (const code of [link.body.code, projectorCode.code, comebackCode.code]) {
			const answer = await callApi(test.port, 'POST', API_PATHS.join, {
				body: { code, displayName: 'Wieder da' }
			});
			expect(answer).toEqual({ status: 404, body: { error: ERROR_CODES.invalidCode } });
		}
	});

	it('a new code of a kind replaces the earlier one, so only the code on the screen works', async () => {
		const test = await start();
		const first = await inviteToW1(test);
		const second = await inviteToW1(test);
		const projector = await invite(test.port, test.owner, {
			kind: 'ansicht',
			ars: ARS,
			workshop: W1,
			label: 'Workshop'
		});
		expect((await callApi(test.port, 'GET', `${API_PATHS.invitations}/${first.code}`)).status).toBe(
			404
		);
		expect((await join(test.port, second.code, 'Anna')).role).toBe('teilnahme');
		expect((await join(test.port, projector.code)).role).toBe('ansicht');
	});

	it('a removed device stays removed after the laptop restarts', async () => {
		const dataDir = createTempDir('kw-data-');
		defer(() => removeDir(dataDir));
		const first = await startTestServer({ dataDir });
		const owner = await ownerToken(first.port);
		const participant = await join(
			first.port,
			(await inviteToW1({ port: first.port, owner })).code,
			'Anna'
		);
		await callApi(first.port, 'DELETE', `${API_PATHS.devices}/${participant.deviceId}`, {
			token: owner
		});
		await first.close();
		const second = await startTestServer({ dataDir });
		defer(() => second.close());
		const board = connect(second.syncUrl, BOARD, participant.token);
		await expect.poll(() => board.state.failedReason).toBe(ERROR_CODES.deviceRevoked);
	});

	it('a second device linked by a one-time code acts as the same participant', async () => {
		const { test, participant } = await joinedParticipant();
		const link = await callApi<LinkCodeResponse>(test.port, 'POST', API_PATHS.linkCodes, {
			token: participant.token
		});
		expect(link.status).toBe(201);
		const second = await join(test.port, link.body.code);
		expect(second).toMatchObject({ sub: participant.sub, displayName: 'Anna', role: 'teilnahme' });
		expect(second.deviceId).not.toBe(participant.deviceId);
		// The linked device's token ends with the first device's, never later.
		expect(second.expiresAt).toBeLessThanOrEqual(participant.expiresAt);
		// The code is used up.
		const reuse = await callApi(test.port, 'POST', API_PATHS.join, {
			body: { code: link.body.code }
		});
		expect(reuse).toEqual({ status: 404, body: { error: ERROR_CODES.invalidCode } });

		// Both devices write the participant's own private document.
		const own = workshopPrivateDocName(ARS, W1, participant.sub);
		const first = connect(test.syncUrl, own, participant.token);
		const other = connect(test.syncUrl, own, second.token);
		await expect.poll(() => first.state.synced && other.state.synced).toBe(true);
		other.doc.getText('t').insert(0, 'vom Tablet');
		await expect.poll(() => textOf(first.doc)).toBe('vom Tablet');
		expect((await listDevices(test.port, test.owner)).body).toHaveLength(2);
	});

	it('a projector link reads the workshop and cannot write it', async () => {
		const test = await start();
		const { code } = await invite(test.port, test.owner, {
			kind: 'ansicht',
			ars: ARS,
			workshop: W1,
			label: 'Workshop'
		});
		const projector = await join(test.port, code);
		expect(projector.role).toBe('ansicht');
		const board = connect(test.syncUrl, BOARD, projector.token);
		await expect.poll(() => board.state.synced).toBe(true);
		expect(board.provider.authorizedScope).toBe('readonly');
	});
});

describe('a join storm', () => {
	it('30 participants who join within a minute all get in and all their cards arrive', async () => {
		const test = await start();
		const { code } = await inviteToW1(test);
		const names = Array.from({ length: 30 }, (_, i) => `Teilnehmer ${i + 1}`);
		const joined = await Promise.all(names.map((name) => join(test.port, code, name)));
		const clients = joined.map((p) => connect(test.syncUrl, BOARD, p.token));
		await expect.poll(() => clients.filter((c) => c.state.synced).length).toBe(30);
		clients.forEach((client, i) => addOwnCard(client.doc, joined[i]!.sub, names[i]!));
		await expect.poll(() => serverCards(test).length).toBe(30);
		await expect.poll(() => clients.every((c) => cardTexts(c.doc).length === 30)).toBe(true);
	});
});

describe('the room network', () => {
	it('only facilitators learn the laptop’s network addresses and who reached it', async () => {
		const test = await start();
		const network = await callApi<NetworkInfo>(test.port, 'GET', API_PATHS.network, {
			token: test.owner
		});
		expect(network.status).toBe(200);
		expect(network.body.port).toBe(test.port);
		const { code } = await inviteToW1(test);
		const participant = await join(test.port, code, 'Anna');
		for (const path of [API_PATHS.network, API_PATHS.reachability]) {
			expect((await callApi(test.port, 'GET', path)).status).toBe(401);
			expect((await callApi(test.port, 'GET', path, { token: participant.token })).status).toBe(
				403
			);
		}
	});

	it('a self-test is reported by the laptop address it reached, not by the Host header the caller wrote (H5)', async () => {
		const test = await start();
		const read = () =>
			callApi<ReachabilityInfo>(test.port, 'GET', API_PATHS.reachability, { token: test.owner });
		expect((await read()).body).toEqual({ lastContactAt: null, contacts: [] });
		// The laptop's own browser does not count as a device in the room, whatever Host it names.
		await callApi(test.port, 'GET', API_PATHS.ping);
		const ping = await callApi(test.port, 'GET', API_PATHS.ping, {
			headers: { Host: `192.0.2.10:${test.port}` }
		});
		expect(ping).toEqual({ status: 200, body: { status: 'ok' } });
		expect((await read()).body).toEqual({ lastContactAt: null, contacts: [] });
	});
});
describe('previewing a code', () => {
	it('tells the join page what a code is for without using it up or revealing a token', async () => {
		const test = await start();
		const { code, expiresAt } = await invite(test.port, test.owner, {
			kind: 'teilnahme',
			ars: ARS,
			workshop: W1,
			label: 'Workshop Handlungsfelder'
		});
		const preview = await callApi(test.port, 'GET', `${API_PATHS.invitations}/${code}`);
		expect(preview).toEqual({
			status: 200,
			body: {
				kind: 'teilnahme',
				ars: ARS,
				workshop: W1,
				round: null,
				label: 'Workshop Handlungsfelder',
				displayName: null,
				expiresAt
			}
		});
		const unknown = await callApi(test.port, 'GET', `${API_PATHS.invitations}/ZZZZZ-ZZZZZ`);
		expect(unknown).toEqual({ status: 404, body: { error: ERROR_CODES.invalidCode } });
		expect((await join(test.port, code, 'Anna')).displayName).toBe('Anna');
	});
});

describe('mid-session', () => {
	it('a connection whose token expires while connected is closed, and the expired token is refused', async () => {
		const test = await start();
		const shortLived = await test.server.tokens.issue({
			sub: 'p-short',
			role: 'teilnahme',
			docs: [`kommune/${ARS}/workshop/${W1}/**`],
			// At least 2 s (exp is rounded down to whole seconds): long enough to sync first.
			ttlSeconds: 3
		});
		const board = connect(test.syncUrl, BOARD, shortLived.token);
		await expect.poll(() => board.state.synced).toBe(true);
		await expect
			.poll(() => board.closeCodes, { timeout: 8_000 })
			.toContain(CLOSE_CODES.tokenExpired);
		await expect.poll(() => board.state.failedReason).toBe(ERROR_CODES.tokenExpired);
		addOwnCard(board.doc, 'p-short', 'nach Ablauf');
		const facilitator = connect(test.syncUrl, BOARD, test.owner);
		await expect.poll(() => facilitator.state.synced).toBe(true);
		expect(cardTexts(facilitator.doc)).toEqual([]);
	});

	it('a participant whose laptop restarts reconnects by itself; what was typed meanwhile arrives, nothing twice', async () => {
		const dataDir = createTempDir('kw-data-');
		defer(() => removeDir(dataDir));
		const first = await startTestServer({ dataDir });
		const owner = await ownerToken(first.port);
		const { code } = await invite(first.port, owner, {
			kind: 'teilnahme',
			ars: ARS,
			workshop: W1,
			label: 'Workshop'
		});
		const participant = await join(first.port, code, 'Anna');
		const port = first.port;
		const client = connectSyncClient({
			url: first.syncUrl,
			name: BOARD,
			token: participant.token,
			maxAttempts: 0
		});
		defer(() => client.destroy());
		await expect.poll(() => client.state.synced).toBe(true);
		addOwnCard(client.doc, participant.sub, 'vor dem Neustart');
		await expect.poll(() => serverCards(first)).toEqual(['vor dem Neustart']);

		await first.close();
		addOwnCard(client.doc, participant.sub, 'während der Laptop schläft');
		// The same port, the same data: the laptop is back.
		const second = await startTestServer({ dataDir, env: { PORT: String(port) } });
		defer(() => second.close());
		const facilitator = connect(second.syncUrl, BOARD, await ownerToken(second.port));
		await expect
			.poll(() => cardTexts(facilitator.doc), { timeout: 15_000 })
			.toEqual(['vor dem Neustart', 'während der Laptop schläft']);
		expect(readCards(client.doc).cards).toEqual(readCards(facilitator.doc).cards);
	});
});

describe('what each code issues', () => {
	it('every kind of code yields exactly the document patterns the access table of ADR 5 gives that role', async () => {
		const test = await start();
		const W = `kommune/${ARS}/workshop/${W1}`;
		const R = `kommune/${ARS}/check/r1`;
		const cases = [
			{
				request: { kind: 'teilnahme', ars: ARS, workshop: W1, label: 'W' },
				name: 'Anna',
				role: 'teilnahme',
				docs: [`${W}/**`, `kommune/${ARS}/profile`]
			},
			{
				request: { kind: 'ansicht', ars: ARS, workshop: W1, label: 'W' },
				role: 'ansicht',
				docs: [`${W}/**`]
			},
			{
				request: { kind: 'ansicht', ars: ARS, round: 'r1', label: 'R' },
				role: 'ansicht',
				docs: [`${R}/**`]
			},
			{
				request: { kind: 'co-moderation', ars: ARS, workshop: W1, label: 'W' },
				name: 'Bernd',
				role: 'moderation',
				docs: [`${W}/**`]
			},
			{
				request: {
					kind: 'respondent',
					ars: ARS,
					round: 'r1',
					respondent: 'resp9',
					label: 'R',
					respondentLabel: 'Kämmerei'
				},
				role: 'respondent',
				docs: [`${R}/respondent/resp9`]
			}
		] as const;
		for (const { request, role, docs, ...rest } of cases) {
			const { code } = await invite(test.port, test.owner, request);
			const joined = await join(test.port, code, 'name' in rest ? rest.name : undefined);
			const verified = await test.server.tokens.verify(joined.token);
			expect(verified.ok && verified.claims.role).toBe(role);
			expect(verified.ok && verified.claims.docs).toEqual(docs);
			expect(joined.docs).toEqual(docs);
		}
	});
});
