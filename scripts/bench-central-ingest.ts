// `npm run bench`, part 8 (`--only ingest` runs it alone: no build, no browser, about a minute;
// `--municipalities N` and `--laptops N` shrink or widen it): the central server takes in Lower Saxony.
// The 440 generated municipalities of generateFullSet, each with what its facilitator's laptop holds
// after a Digital-Check round: the profile document, the round's shared document (title, catalog
// version, respondent list, targets) and one document per respondent with the answers, built with the
// app's document writers (crdt/profile-doc, check-round-doc, check-shared-doc, check-respondent-doc).
//
// A fleet of laptops comes online, a bounded number at a time (40 by default): each opens one socket,
// syncs every document of its municipality over it through real HocuspocusProviders (as the app
// multiplexes a tab's documents), and goes offline once the server's durable acknowledgement covers
// every one of them (snapshotCovers); then the next laptop starts. Measured: the time from the first
// laptop until every document is durably stored, against the goal of 60 s.
//
// The server is createAppServer in central mode (DATABASE_URL of a throwaway PostgreSQL 15 cluster with
// fsync on, a TOKEN_SECRET) with loadConfig's defaults, so each document is written 2 s after its last
// update (the debounce); it runs in a process of its own (scripts/bench-sync-server.ts), the laptops in
// this one, both on this machine's 2 cores. The baseline, in the same run and on the same cluster:
// writing the same encoded states straight into the PostgreSQL store (store.store, 10 at a time, the
// size of the server's connection pool) before the server starts on an emptied table.
import { randomBytes } from 'node:crypto';
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import postgres from 'postgres';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { writeProfile } from '../src/lib/crdt/profile-doc';
import { writeAnswer, writeRespondentInfo } from '../src/lib/crdt/check-respondent-doc';
import {
	addRespondent,
	writeRoundCatalogVersion,
	writeRoundTitle
} from '../src/lib/crdt/check-round-doc';
import { writeTarget } from '../src/lib/crdt/check-shared-doc';
import { snapshotCovers } from '../src/lib/crdt/durable-snapshot';
import type { DimensionId } from '../src/lib/domain/check/catalog-types';
import {
	generateFullSet,
	type MunicipalityWithRound
} from '../src/lib/demo/municipality-generator';
import {
	checkRespondentDocName,
	checkSharedDocName,
	profileDocName
} from '../src/lib/domain/document-names';
import { loadConfig } from '../server/config';
import { openPostgresStore } from '../server/storage/postgres-store';
import { startPostgresCluster } from '../server/test/postgres-cluster';
import { connectSyncClient, type SyncClient } from '../server/test/sync-client';
import { median, percentile } from './bench-stats';
import { startSyncServer } from './bench-sync-server';
import { cpuPercent, loadAverage, ownCpuMicros, waitUntil } from './bench-sync-support';

const SEED = 2026;
const ROUND = 'r2026';
/** When the generated documents say they were written (fixed, so every run builds the same bytes). */
const WRITTEN_AT = Date.UTC(2026, 2, 16, 9);
/** The server's PostgreSQL pool (postgres-store.ts) writes 10 at a time; the baseline does too. */
const BASELINE_PARALLEL = 10;
/** A laptop that has not seen every document acknowledged by then gives up (and the run says so). */
const LAPTOP_TIMEOUT_MS = 120_000;

interface PreparedDocument {
	name: string;
	/** Y.encodeStateAsUpdateV2: what the laptop holds, and what the server stores. */
	state: Uint8Array;
	stateVector: Uint8Array;
	/** Size of the same state as the V1 update the provider sends. */
	v1Bytes: number;
}

interface Laptop {
	ars: string;
	documents: PreparedDocument[];
}

export interface IngestOptions {
	municipalities: number;
	laptops: number;
	/** Directory for a V8 CPU profile of the server process (investigating only). */
	cpuProfileDir?: string;
}

function prepare(build: (doc: Y.Doc) => void, name: string): PreparedDocument {
	const doc = new Y.Doc({ guid: name });
	doc.transact(() => build(doc));
	const prepared = {
		name,
		state: Y.encodeStateAsUpdateV2(doc),
		stateVector: Y.encodeStateVector(doc),
		v1Bytes: Y.encodeStateAsUpdate(doc).byteLength
	};
	doc.destroy();
	return prepared;
}

/** A municipality's documents as its facilitator's laptop holds them after the round. */
function laptopOf({ municipality, round }: MunicipalityWithRound): Laptop {
	const { ars } = municipality.profile;
	const labels = round.respondents.map((_, i) => `Befragte ${i + 1}`);
	const documents = [
		prepare(
			(doc) => writeProfile(doc, municipality.profile, { now: WRITTEN_AT }),
			profileDocName(ars)
		),
		prepare(
			(doc) => {
				writeRoundTitle(doc, 'Digital-Check 2026', WRITTEN_AT);
				writeRoundCatalogVersion(doc, round.catalogVersion, WRITTEN_AT);
				round.respondents.forEach((r, i) =>
					addRespondent(
						doc,
						{
							id: r.respondentId,
							label: labels[i]!,
							perspective: r.perspective,
							createdAt: WRITTEN_AT
						},
						WRITTEN_AT
					)
				);
				for (const [dimension, level] of Object.entries(round.targets)) {
					writeTarget(doc, dimension as DimensionId, level, WRITTEN_AT);
				}
			},
			checkSharedDocName(ars, ROUND)
		),
		...round.respondents.map((r, i) =>
			prepare(
				(doc) => {
					const info = {
						label: labels[i]!,
						perspective: r.perspective,
						catalogVersion: round.catalogVersion
					};
					writeRespondentInfo(doc, info, WRITTEN_AT);
					for (const [itemId, answer] of Object.entries(r.answers)) {
						writeAnswer(doc, itemId, answer, WRITTEN_AT);
					}
				},
				checkRespondentDocName(ars, ROUND, r.respondentId)
			)
		)
	];
	return { ars, documents };
}

/** Runs `task` for every item, at most `parallel` at a time. */
async function inParallel<T>(
	items: readonly T[],
	parallel: number,
	task: (item: T) => Promise<void>
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await task(items[next++]!);
	};
	await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
}

interface LaptopResult {
	/** From the laptop's start until every document had synced, and until every one was acknowledged. */
	syncedMs: number;
	storedMs: number;
	/** Documents the laptop gave up on (no covering acknowledgement in time). */
	unacknowledged: number;
}

/** One laptop online: syncs each document over one socket, waits until each is durably stored. */
async function syncLaptop(url: string, laptop: Laptop, token: string): Promise<LaptopResult> {
	const start = performance.now();
	const socket = new HocuspocusProviderWebsocket({
		url,
		WebSocketPolyfill: WebSocket,
		maxAttempts: 0
	});
	const clients = laptop.documents.map((prepared) => {
		// With a guid of its own: a random one costs 31 calls of crypto.getRandomValues, about 0.3 ms on
		// this VM, which the real laptop would spend on its own CPU, not the server's.
		const doc = new Y.Doc({ guid: prepared.name });
		Y.applyUpdateV2(doc, prepared.state);
		return connectSyncClient({ url, name: prepared.name, token, doc, socket });
	});
	let syncedMs = NaN;
	const stored = new Set<SyncClient>();
	const checkedAcks = new Map<SyncClient, number>();
	const allStored = () => {
		if (Number.isNaN(syncedMs) && clients.every((c) => c.state.synced)) {
			syncedMs = performance.now() - start;
		}
		for (const client of clients) {
			if (stored.has(client)) continue;
			// Each acknowledgement is looked at once.
			for (let i = checkedAcks.get(client) ?? 0; i < client.acks.length; i++) {
				if (snapshotCovers(client.acks[i]!.snapshot, client.doc)) stored.add(client);
			}
			checkedAcks.set(client, client.acks.length);
		}
		return stored.size === clients.length;
	};
	await waitUntil(allStored, LAPTOP_TIMEOUT_MS, 25);
	const storedMs = performance.now() - start;
	for (const client of clients) {
		client.destroy();
		client.doc.destroy();
	}
	socket.destroy();
	return { syncedMs, storedMs, unacknowledged: clients.length - stored.size };
}

interface IngestRun {
	results: LaptopResult[];
	ingestMs: number;
	harnessCpu: string;
	serverCpu: string;
}

/** Starts the central server, lets the fleet sync through it, and stops it. */
async function ingestThroughServer(
	env: Record<string, string>,
	laptops: readonly Laptop[],
	options: IngestOptions
): Promise<IngestRun> {
	const server = await startSyncServer({
		kind: 'full',
		env,
		cpuProfileDir: options.cpuProfileDir
	});
	try {
		// One facilitator per municipality, each with a token for that municipality's documents.
		const tokens = await server.issueTokens(
			laptops.map((l) => ({
				sub: `facilitator-${l.ars}`,
				role: 'moderation' as const,
				docs: [`kommune/${l.ars}/**`],
				ttlSeconds: 3_600
			}))
		);
		const results: LaptopResult[] = [];
		const serverFrom = await server.cpu();
		const harnessFrom = ownCpuMicros();
		const start = performance.now();
		await inParallel(
			laptops.map((laptop, i) => ({ laptop, token: tokens[i]! })),
			options.laptops,
			async ({ laptop, token }) => void results.push(await syncLaptop(server.url, laptop, token))
		);
		const ingestMs = performance.now() - start;
		const harnessCpu = cpuPercent(ownCpuMicros() - harnessFrom, ingestMs);
		const serverCpu = cpuPercent((await server.cpu()).cpuMicros - serverFrom.cpuMicros, ingestMs);
		return { results, ingestMs, harnessCpu, serverCpu };
	} finally {
		await server.close();
	}
}

export async function benchCentralIngest(options: IngestOptions): Promise<void> {
	const load = loadAverage();
	const prepareStart = performance.now();
	const set = generateFullSet(SEED).slice(0, options.municipalities);
	const laptops = set.map(laptopOf);
	const prepareMs = performance.now() - prepareStart;
	const documents = laptops.flatMap((l) => l.documents);
	const v2Bytes = documents.reduce((sum, d) => sum + d.state.byteLength, 0);
	const v1Bytes = documents.reduce((sum, d) => sum + d.v1Bytes, 0);

	const cluster = await startPostgresCluster({ fsync: true });
	try {
		// Baseline: the same states straight into the store, then an empty table for the server.
		const store = await openPostgresStore(cluster.url);
		const baselineStart = performance.now();
		await inParallel(documents, BASELINE_PARALLEL, (d) =>
			store.store(d.name, d.state, d.stateVector)
		);
		const baselineMs = performance.now() - baselineStart;
		await store.close();
		const sql = postgres(cluster.url, { max: 1, onnotice: () => {} });
		await sql`TRUNCATE documents, document_updates`;

		const env = { DATABASE_URL: cluster.url, TOKEN_SECRET: randomBytes(48).toString('base64') };
		// The server's store debounce, as its own loadConfig will see it.
		const { debounceMs } = loadConfig(env).config.sync;
		const run = await ingestThroughServer(env, laptops, options);

		// What is in the database now: every document, each with exactly the laptop's state vector. The
		// server appends increments (ADR 18), so each is read as the store loads it.
		const names = await sql<{ name: string }[]>`
			SELECT name FROM documents UNION SELECT name FROM document_updates`;
		await sql.end({ timeout: 5 });
		const reader = await openPostgresStore(cluster.url);
		const rows: { name: string; state_vector: Uint8Array; bytes: number }[] = [];
		for (const { name } of names) {
			const stored = await reader.load(name);
			if (stored) {
				rows.push({ name, state_vector: stored.stateVector, bytes: stored.state.byteLength });
			}
		}
		await reader.close();
		const expected = new Map(documents.map((d) => [d.name, d.stateVector]));
		const matching = rows.filter((row) =>
			Buffer.from(expected.get(row.name) ?? []).equals(row.state_vector)
		).length;
		const storedBytes = rows.reduce((sum, row) => sum + Number(row.bytes), 0);

		const { results, ingestMs, harnessCpu, serverCpu } = run;
		const stored = results.map((r) => r.storedMs).sort((a, b) => a - b);
		const synced = results.map((r) => r.syncedMs).sort((a, b) => a - b);
		const unacknowledged = results.reduce((sum, r) => sum + r.unacknowledged, 0);
		const seconds = ingestMs / 1000;
		const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
		const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
		console.log(
			`central ingest: ${laptops.length} municipalities, ${documents.length} documents (profile, ` +
				`round, ${documents.length - 2 * laptops.length} respondents), ${kb(v2Bytes)} as stored ` +
				`(Yjs V2; ${kb(v1Bytes)} as V1 updates on the wire); prepared in ${(prepareMs / 1000).toFixed(1)} s, ` +
				`not timed. ${options.laptops} laptops online at a time, one socket each; server (central ` +
				`mode, PostgreSQL 15 with fsync, 2 s store debounce) in its own process, laptops in this ` +
				`one, both on this machine's 2 cores (load average before: ${load}, after, this run included: ${loadAverage()}).\n` +
				`  all durably stored after ${seconds.toFixed(1)} s (goal ≤ 60 s: ${met(seconds <= 60 && unacknowledged === 0)}; ` +
				`the ${debounceMs / 1000} s store debounce, which every laptop waits once, alone makes ` +
				`${((Math.ceil(laptops.length / options.laptops) * debounceMs) / 1000).toFixed(0)} s at ` +
				`${options.laptops} laptops at a time); ` +
				`${(documents.length / seconds).toFixed(0)} documents/s; per laptop: synced p50 ` +
				`${(median(synced) / 1000).toFixed(2)} s, stored p50 ${(median(stored) / 1000).toFixed(2)} s, ` +
				`p95 ${(percentile(stored, 0.95) / 1000).toFixed(2)} s; CPU: server ${serverCpu} of a core, ` +
				`laptops ${harnessCpu}\n` +
				`  database afterwards: ${rows.length} of ${documents.length} documents, ${matching} with ` +
				`the laptop's state vector, ${kb(storedBytes)}; ${unacknowledged} without a covering ` +
				`acknowledgement\n` +
				`  baseline, the same states written straight with store.store (${BASELINE_PARALLEL} at a ` +
				`time): ${(baselineMs / 1000).toFixed(2)} s; ratio ${(ingestMs / baselineMs).toFixed(1)}×`
		);
	} finally {
		await cluster.stop();
	}
}
