// Deleting for good on the central server from the facilitator's laptop page (ADR 11): two real servers on
// 127.0.0.1, one as the laptop, one as the central server. The laptop's page is another origin for the
// central server, so the deletion route answers it with CORS there, and only there.
import { describe, expect, it } from 'vitest';
import { API_PATHS, ERROR_CODES, type DeletionResponse } from '../src/lib/contract/protocol';
import { useCleanup } from './test/cleanup';
import { jsonBody, rawRequest } from './test/http-request';
import { seedText, storedDocuments, withSqliteStore } from './test/seed';
import { createTempDir, removeDir, startTestServer, type TestServer } from './test/test-server';

const A = '032410001001';
const W1 = `kommune/${A}/workshop/w1`;
const DOCS = [
	`kommune/${A}/profile`,
	`${W1}/control`,
	`${W1}/board`,
	`kommune/${A}/workshop/w2/board`
];

const defer = useCleanup();

const storedNow = (dataDir: string) => storedDocuments(dataDir, DOCS);

/** A server holding DOCS; `central` answers other origins as the central server does. */
async function seededServer(central: boolean): Promise<TestServer> {
	const dataDir = createTempDir('kw-central-deletion-');
	defer(() => removeDir(dataDir));
	await withSqliteStore(dataDir, async (store) => {
		for (const name of DOCS) await seedText(store, name, `Inhalt von ${name}`);
	});
	const test = await startTestServer({
		dataDir,
		...(central ? { configure: (config) => ({ ...config, mode: 'central' as const }) } : {})
	});
	defer(() => test.close());
	return test;
}

async function moderationToken(test: TestServer) {
	const { token } = await test.server.tokens.issue({
		sub: 'moderation',
		role: 'moderation',
		docs: [`kommune/${A}/**`],
		ttlSeconds: 600
	});
	return token;
}

/** What the laptop's page sends: its own origin, a bearer token, JSON. */
function deleteFromPage(test: TestServer, origin: string, token: string, scope: string) {
	return rawRequest({
		port: test.port,
		method: 'POST',
		path: API_PATHS.deletions,
		headers: {
			Host: `localhost:${test.port}`,
			Origin: origin,
			'Content-Type': 'application/json',
			Authorization: `Bearer ${token}`
		},
		body: JSON.stringify({ scope })
	});
}

function preflight(test: TestServer, origin: string) {
	return rawRequest({
		port: test.port,
		method: 'OPTIONS',
		path: API_PATHS.deletions,
		headers: {
			Host: `localhost:${test.port}`,
			Origin: origin,
			'Access-Control-Request-Method': 'POST',
			'Access-Control-Request-Headers': 'authorization, content-type'
		}
	});
}

describe("deleting for good on the central server from the laptop's page", () => {
	it('the central server lets the laptop page ask for exactly this route, and the laptop server lets no other page', async () => {
		const laptop = await seededServer(false);
		const central = await seededServer(true);
		const laptopOrigin = `http://localhost:${laptop.port}`;

		const allowed = await preflight(central, laptopOrigin);
		expect(allowed.status).toBe(204);
		expect(allowed.headers['access-control-allow-origin']).toBe('*');
		expect(allowed.headers['access-control-allow-methods']).toBe('POST');
		expect(allowed.headers['access-control-allow-headers']).toBe('authorization, content-type');
		expect(allowed.headers['access-control-max-age']).toBe('600');

		// Any other API path stays same-origin centrally, and the laptop answers no foreign page.
		const other = await rawRequest({
			port: central.port,
			method: 'OPTIONS',
			path: API_PATHS.devices,
			headers: { Host: `localhost:${central.port}`, Origin: laptopOrigin }
		});
		expect(other.headers['access-control-allow-origin']).toBeUndefined();
		const onLaptop = await preflight(laptop, 'https://fremd.example');
		expect(onLaptop.status).toBe(405);
		expect(onLaptop.headers['access-control-allow-origin']).toBeUndefined();
	});

	it("the central key deletes the workshop there: its documents are gone and tombstoned, the laptop's copy is untouched, and a retry answers success", async () => {
		const laptop = await seededServer(false);
		const central = await seededServer(true);
		const laptopBefore = await storedNow(laptop.dataDir);
		const response = await deleteFromPage(
			central,
			`http://localhost:${laptop.port}`,
			await moderationToken(central),
			W1
		);
		expect(response.status).toBe(200);
		expect(response.headers['access-control-allow-origin']).toBe('*');
		expect(jsonBody<DeletionResponse>(response)).toEqual({
			scope: W1,
			deleted: [`${W1}/board`, `${W1}/control`]
		});
		const after = await storedNow(central.dataDir);
		expect(after.get(`${W1}/board`)).toBeNull();
		expect(after.get(`${W1}/control`)).toBeNull();
		expect(after.get(`kommune/${A}/workshop/w2/board`)).not.toBeNull();
		await withSqliteStore(central.dataDir, async (store) =>
			expect(await store.deletedScopeOf(`${W1}/board`)).toBe(W1)
		);
		expect(await storedNow(laptop.dataDir)).toEqual(laptopBefore);

		// The page asks again after the laptop server failed: already deleted is deleted.
		const retry = await deleteFromPage(
			central,
			`http://localhost:${laptop.port}`,
			await moderationToken(central),
			W1
		);
		expect([retry.status, jsonBody(retry)]).toEqual([200, { scope: W1, deleted: [] }]);
		await withSqliteStore(central.dataDir, async (store) =>
			expect(await store.deletedScopeOf(`${W1}/control`)).toBe(W1)
		);
	});

	it("the laptop's own key, or none, is refused centrally with a reason the page can read, and no stored byte changes", async () => {
		const laptop = await seededServer(false);
		const central = await seededServer(true);
		const before = await storedNow(central.dataDir);
		const foreign = await deleteFromPage(
			central,
			`http://localhost:${laptop.port}`,
			await moderationToken(laptop),
			W1
		);
		expect([foreign.status, jsonBody(foreign)]).toEqual([401, { error: ERROR_CODES.unauthorized }]);
		expect(foreign.headers['access-control-allow-origin']).toBe('*');
		const garbage = await deleteFromPage(
			central,
			`http://localhost:${laptop.port}`,
			'kein-token',
			`kommune/${A}`
		);
		expect([garbage.status, jsonBody(garbage)]).toEqual([401, { error: ERROR_CODES.unauthorized }]);
		expect(await storedNow(central.dataDir)).toEqual(before);
		await withSqliteStore(central.dataDir, async (store) => {
			for (const name of DOCS) expect(await store.deletedScopeOf(name), name).toBeNull();
		});
	});
});
