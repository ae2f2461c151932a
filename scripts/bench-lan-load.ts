// `npm run bench`, part 7 (`--only lan` runs it alone: no build, no browser, about 1.5 minutes;
// `--seconds N` measures N seconds per server instead of 30): a workshop on the facilitator's laptop under load, on
// loopback. 40 participants' devices in one workshop room (all on the same board document) each make 5
// edits per second for 30 s; each edit is one new card of that participant (its fields in one
// transaction, `createdAt` its send time), so against the full server every edit passes the board's
// write rules (server/SPEC.md W1, W6), whose share of the server's CPU time is printed. Measured:
//  - edit-to-visible latency, per delivery: from the edit on one device until it is applied at one other
//    device of the document (40 × 5 edits/s × 39 receivers, about 7,800 deliveries a second); p50 and
//    p95 are the figures with goals. Also per edit, until it has arrived at all 39 others.
//  - lost updates: after the edits stop and the clients have settled, every client must hold every
//    edit; each (edit, client) pair missing counts.
// Both against the full app server (createAppServer with loadConfig's defaults: auth, limits, presence,
// persistence into SQLite with the 2 s debounce, forced after 10 s) and, as the baseline in the same run,
// a bare Hocuspocus Server with no extensions, driven by the same harness. Goals: p95 ≤ 50 ms and
// ≤ 1.3× the bare server's, 0 lost. Each server's 30 s are two runs of 15 s (a fresh server and document
// each), in the order bare, full, full, bare after an untimed warm-up run: whichever server came first
// looked up to 1.5× slower, because the harness itself was not warm yet.
//
// Each server runs in a process of its own (scripts/bench-sync-server.ts); the 40 clients (real
// HocuspocusProviders over `ws`, one socket each) run in this process. On a 2-core machine the harness
// and the server share the CPU, and a delivery's latency includes the time it waits in this process'
// event loop behind the other 39 clients' work.
import { ROOT_KEYS } from '../src/lib/crdt/schema';
import { workshopBoardDocName } from '../src/lib/domain/document-names';
import { connectSyncClient, type SyncClient } from '../server/test/sync-client';
import { percentile } from './bench-stats';
import { startSyncServer, type SyncServerKind } from './bench-sync-server';
import { cpuPercent, loadAverage, ms, ownCpuMicros, waitUntil } from './bench-sync-support';

const CLIENTS = 40;
const EDITS_PER_SECOND = 5;
/** Edits before this are not timed (connections and JIT settling); they count for lost updates. */
const WARM_UP_MS = 2_000;
/** The untimed first run (see benchLanLoad). */
const WARM_UP_RUN_SECONDS = 5;
const DOCUMENT = workshopBoardDocName('032410001001', 'bench-lan');
/** The root the edits go into: one card record per edit, id `b<client>-<sequence>`. */
const EDITS_ROOT = ROOT_KEYS.cards;
/** Fields each card writes (readCards' required ones). */
const CARD_FIELDS = 5;
const BENCH_BLOCK = 'bench-block';
const CONNECT_TIMEOUT_MS = 30_000;
const SETTLE_TIMEOUT_MS = 20_000;

interface LanResult {
	/** Edit-to-visible per delivery (edit × receiving client), in ms. */
	deliveries: number[];
	/** Per timed edit that reached every other client: the latest of its arrivals, in ms. */
	allReached: number[];
	edits: number;
	timedEdits: number;
	/** (edit, client) pairs missing after settling. */
	lost: number;
	/** Edits missing at one client at least. */
	lostEdits: number;
	/** The longest wait, after the last edit, until every client held every edit. */
	settledMs: number;
	/** Over the timed part: its wall time and the CPU time of the harness and of the server. */
	timedMs: number;
	harnessCpuMicros: number;
	serverCpuMicros: number;
	serverRssBytes: number;
	/** Server event-loop time spent in the write rules (full server; on a loaded machine an upper bound). */
	writeRulesMicros: number;
}

/** Two runs against the same kind of server as one: samples and counts together. */
const combined = (a: LanResult, b: LanResult): LanResult => ({
	deliveries: a.deliveries.concat(b.deliveries),
	allReached: a.allReached.concat(b.allReached),
	edits: a.edits + b.edits,
	timedEdits: a.timedEdits + b.timedEdits,
	lost: a.lost + b.lost,
	lostEdits: a.lostEdits + b.lostEdits,
	settledMs: Math.max(a.settledMs, b.settledMs),
	timedMs: a.timedMs + b.timedMs,
	harnessCpuMicros: a.harnessCpuMicros + b.harnessCpuMicros,
	serverCpuMicros: a.serverCpuMicros + b.serverCpuMicros,
	serverRssBytes: Math.max(a.serverRssBytes, b.serverRssBytes),
	writeRulesMicros: a.writeRulesMicros + b.writeRulesMicros
});

export interface LanLoadOptions {
	seconds: number;
	/** Directory for a V8 CPU profile of each server process (investigating only). */
	cpuProfileDir?: string;
}

async function runLanLoad(kind: SyncServerKind, options: LanLoadOptions): Promise<LanResult> {
	const server = await startSyncServer({ kind, cpuProfileDir: options.cpuProfileDir });
	const clients: SyncClient[] = [];
	try {
		// Each device a participant of its own: the rate limits are per user (200 messages/s), and
		// participants' updates are the ones the write rules judge.
		const subs = Array.from({ length: CLIENTS }, (_, i) => `bench-lan-${i}`);
		const tokens =
			kind === 'full'
				? await server.issueTokens(
						subs.map((sub) => ({
							sub,
							role: 'teilnahme' as const,
							docs: [`${DOCUMENT.slice(0, -'/board'.length)}/**`],
							ttlSeconds: 3_600
						}))
					)
				: Array.from({ length: CLIENTS }, () => 'ignored-by-the-bare-server');
		for (const token of tokens) {
			clients.push(connectSyncClient({ url: server.url, name: DOCUMENT, token }));
		}
		const connected = await waitUntil(
			() => clients.every((c) => c.state.synced),
			CONNECT_TIMEOUT_MS
		);
		if (!connected) {
			const refused = clients.filter((c) => c.state.failedReason !== null).length;
			throw new Error(
				`${kind}: only ${clients.filter((c) => c.state.synced).length} of ${CLIENTS} clients ` +
					`synced (${refused} refused)`
			);
		}
		clients.forEach((c, i) =>
			c.provider.setAwarenessField('user', { name: `Teilnehmer ${i + 1}`, color: '#1f6feb' })
		);

		const maps = clients.map((c) => c.doc.getMap<unknown>(EDITS_ROOT));
		const deliveries: number[] = [];
		/** Per timed edit: how many other clients have it, and when the last one got it. */
		const reach = new Map<string, { count: number; latest: number }>();
		const start = performance.now();
		const timedFrom = start + WARM_UP_MS;
		const end = timedFrom + options.seconds * 1000;
		for (const map of maps) {
			map.observe((event) => {
				if (event.transaction.local) return;
				const now = performance.now();
				for (const key of event.keysChanged) {
					if (!key.endsWith('/createdAt')) continue;
					const at = map.get(key);
					if (typeof at !== 'number' || at < timedFrom) continue;
					const latency = now - at;
					deliveries.push(latency);
					const seen = reach.get(key) ?? { count: 0, latest: 0 };
					seen.count += 1;
					seen.latest = Math.max(seen.latest, latency);
					reach.set(key, seen);
				}
			});
		}

		const sent = new Array<number>(CLIENTS).fill(0);
		let timedEdits = 0;
		const periodMs = 1000 / EDITS_PER_SECOND;
		const stopped = new Promise<void>((resolve) => {
			let running = CLIENTS;
			maps.forEach((map, i) => {
				let timer: NodeJS.Timeout | undefined;
				const edit = () => {
					const at = performance.now();
					if (at >= end) {
						clearInterval(timer);
						if (--running === 0) resolve();
						return;
					}
					if (at >= timedFrom) timedEdits += 1;
					const id = `b${i}-${sent[i]!}`;
					map.doc!.transact(() => {
						map.set(`${id}/blockId`, BENCH_BLOCK);
						map.set(`${id}/authorId`, subs[i]!);
						map.set(`${id}/text`, `Karte ${sent[i]!} von Teilnehmer ${i + 1}`);
						map.set(`${id}/order`, 'a0');
						map.set(`${id}/createdAt`, at);
					});
					sent[i]! += 1;
				};
				// Spread over the period, so the 40 devices do not all edit in the same millisecond.
				setTimeout(
					() => {
						edit();
						timer = setInterval(edit, periodMs);
					},
					(i / CLIENTS) * periodMs
				);
			});
		});

		// CPU over the timed part only.
		await waitUntil(() => performance.now() >= timedFrom, WARM_UP_MS + 1_000, 5);
		const harnessCpuFrom = ownCpuMicros();
		const serverFrom = await server.cpu();
		const cpuFrom = performance.now();
		await stopped;
		const serverTo = await server.cpu();
		const timedMs = performance.now() - cpuFrom;
		const harnessCpuMicros = ownCpuMicros() - harnessCpuFrom;

		const edits = sent.reduce((a, b) => a + b, 0);
		const settleFrom = performance.now();
		await waitUntil(
			() => maps.every((map) => map.size === edits * CARD_FIELDS),
			SETTLE_TIMEOUT_MS,
			50
		);
		const settledMs = performance.now() - settleFrom;
		let lost = 0;
		const lostKeys = new Set<string>();
		maps.forEach((map) => {
			sent.forEach((count, from) => {
				for (let seq = 0; seq < count; seq++) {
					const key = `b${from}-${seq}/createdAt`;
					if (!map.has(key)) {
						lost += 1;
						lostKeys.add(key);
					}
				}
			});
		});

		const allReached = [...reach.values()]
			.filter((seen) => seen.count === CLIENTS - 1)
			.map((seen) => seen.latest);
		return {
			deliveries,
			allReached,
			edits,
			timedEdits,
			lost,
			lostEdits: lostKeys.size,
			settledMs,
			timedMs,
			harnessCpuMicros,
			serverCpuMicros: serverTo.cpuMicros - serverFrom.cpuMicros,
			serverRssBytes: serverTo.rssBytes,
			writeRulesMicros: serverTo.writeRulesMicros - serverFrom.writeRulesMicros
		};
	} finally {
		for (const client of clients) client.destroy();
		await server.close();
	}
}

interface Summary {
	p50: number;
	p95: number;
	text: string;
}

function summarize(label: string, r: LanResult): Summary {
	const d = Float64Array.from(r.deliveries).sort();
	const a = Float64Array.from(r.allReached).sort();
	const rate = r.timedEdits / (r.timedMs / 1000);
	const text =
		`  ${label}: per delivery p50 ${ms(percentile(d, 0.5))}, p95 ${ms(percentile(d, 0.95))}, ` +
		`p99 ${ms(percentile(d, 0.99))}, max ${ms(percentile(d, 1))} (${d.length} deliveries of ` +
		`${r.timedEdits} timed edits, ${rate.toFixed(0)}/s); at all ${CLIENTS - 1} others p50 ` +
		`${ms(percentile(a, 0.5))}, p95 ${ms(percentile(a, 0.95))}; lost ${r.lost} of ` +
		`${r.edits * (CLIENTS - 1)} deliveries (${r.lostEdits} edits; all settled ` +
		`${ms(r.settledMs)} after the last edit); CPU: server ${cpuPercent(r.serverCpuMicros, r.timedMs)} ` +
		`of a core (RSS ${(r.serverRssBytes / 1024 / 1024).toFixed(0)} MB), harness ` +
		`${cpuPercent(r.harnessCpuMicros, r.timedMs)}`;
	return { p50: percentile(d, 0.5), p95: percentile(d, 0.95), text };
}

export async function benchLanLoad(options: LanLoadOptions): Promise<void> {
	const load = loadAverage();
	// The harness' first run is slower whichever server it meets (its own code is not warm yet), so a
	// short run against the bare server comes first and is thrown away. Then each server gets half the
	// time twice, in the order bare, full, full, bare, so a drift of the machine's load during the run
	// weighs on both alike.
	await runLanLoad('bare', { ...options, seconds: WARM_UP_RUN_SECONDS });
	const half = { ...options, seconds: options.seconds / 2 };
	const bare1 = await runLanLoad('bare', half);
	const full1 = await runLanLoad('full', half);
	const full2 = await runLanLoad('full', half);
	const bare2 = await runLanLoad('bare', half);
	const bare = summarize('bare Hocuspocus Server, no extensions', combined(bare1, bare2));
	const fullResult = combined(full1, full2);
	const full = summarize(
		'full app server (auth, write rules, limits, presence, SQLite persistence)',
		fullResult
	);
	const p50 = full.p50 / bare.p50;
	const p95 = full.p95 / bare.p95;
	const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
	const rulesShare = (100 * fullResult.writeRulesMicros) / fullResult.serverCpuMicros;
	console.log(
		`LAN load on loopback: ${CLIENTS} clients in one workshop room (one board document) × ` +
			`${EDITS_PER_SECOND} edits/s, ${options.seconds} s per server, timed in two halves ` +
			`(bare, full, full, bare; each after ${WARM_UP_MS / 1000} s of warm-up edits, and all after an ` +
			`untimed ${WARM_UP_RUN_SECONDS} s run). Each server in its own process, the ${CLIENTS} clients ` +
			`in this one: both share this machine's 2 cores, so latencies include the harness' own ` +
			`queueing (load average before: ${load}, after, this run included: ${loadAverage()}).\n` +
			`${bare.text}\n${full.text}\n` +
			`  write rules (server/SPEC.md W1): ${(fullResult.writeRulesMicros / 1000).toFixed(0)} ms on the ` +
			`event loop, of the full server's ${(fullResult.serverCpuMicros / 1000).toFixed(0)} ms CPU time in the timed ` +
			`part (${rulesShare.toFixed(1)} %)\n` +
			`  ratio full/bare: p50 ${p50.toFixed(2)}×, p95 ${p95.toFixed(2)}×. Goals: p95 ≤ 50 ms ` +
			`(${met(full.p95 <= 50)}), ≤ 1.3× bare (${met(p95 <= 1.3)}), 0 lost (${met(fullResult.lost === 0)})`
	);
}
