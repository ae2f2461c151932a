// `npm run bench`, part 9 (`--only store` runs it alone): how long another client's message waits while
// the server stores a large board (goal: never more than 100 ms; ADR 18, H7).
//
// A server in this process (SQLite, the production debounce of 2 s, forced after 10 s) holds a board of
// about `--board-mib` MiB (56 by default: just under the 64 MiB document limit, which counts the V1
// encoding; a board over it refuses every further edit, and each refusal measures the whole document
// on the event loop), seeded into its file and loaded by the facilitator's connection before anything
// is timed. Two clients share a small document: one writes a
// timestamp every 20 ms, the other measures when it arrives. Both phases run in the same run:
//  - baseline: the board is loaded and idle, `--seconds` s (15);
//  - storing: the facilitator adds a card to the board every 3 s, so the server stores it 2 s after
//    each (its debounce), for the same time.
// Printed: delay p50, p95 and max of each phase, and how many stores of the board completed. The clients
// run in the same process as the server, so whatever blocks the server's event loop delays them too.
import * as Y from 'yjs';
import { workshopBoardDocName } from '../src/lib/domain/document-names';
import { openSqliteStore, SQLITE_FILE_NAME } from '../server/storage/sqlite-store';
import { connectSyncClient, type SyncClient } from '../server/test/sync-client';
import { createTempDir, removeDir, startTestServer } from '../server/test/test-server';
import { numberArgument } from './bench-sync-support';

const BOARD = workshopBoardDocName('032410001001', 'bench-store');
const SMALL = 'kommune/032410001001/profile';
const SEND_EVERY_MS = 20;
const BOARD_EDIT_EVERY_MS = 3_000;

/** A board of about `mib` MiB: cards of 280 characters, four fields each. */
function largeBoard(mib: number): Uint8Array {
	const doc = new Y.Doc();
	const cards = doc.getMap('cards');
	const text = 'Digitale Akte, Breitband, Bürgerportal und Schulen: '.padEnd(280, '·');
	// Measured: about 610 bytes of V2 state a card.
	const count = Math.ceil((mib * 1024 * 1024) / 610);
	for (let start = 0; start < count; start += 5_000) {
		doc.transact(() => {
			for (let i = start; i < Math.min(count, start + 5_000); i++) {
				cards.set(`c${i}/text`, text);
				cards.set(`c${i}/authorId`, `p_${i % 30}`);
				cards.set(`c${i}/order`, 'a0');
				cards.set(`c${i}/blockId`, 'block-1');
			}
		});
	}
	return Y.encodeStateAsUpdateV2(doc);
}

const until = async (condition: () => boolean, timeoutMs: number) => {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
};

function quantile(sorted: number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Delays of the small document's messages during `seconds`, while `during` runs. */
async function measure(
	writer: SyncClient,
	reader: SyncClient,
	seconds: number,
	during: () => void
): Promise<number[]> {
	const delays: number[] = [];
	const map = reader.doc.getMap<number>('ping');
	const observer = () => {
		const sent = map.get('sentAt');
		if (sent !== undefined) delays.push(performance.timeOrigin + performance.now() - sent);
	};
	map.observe(observer);
	const pings = setInterval(
		() =>
			writer.doc.getMap<number>('ping').set('sentAt', performance.timeOrigin + performance.now()),
		SEND_EVERY_MS
	);
	const work = setInterval(during, BOARD_EDIT_EVERY_MS);
	await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
	clearInterval(pings);
	clearInterval(work);
	await new Promise((resolve) => setTimeout(resolve, 500));
	map.unobserve(observer);
	return delays.sort((a, b) => a - b);
}

export async function benchStoreDelay(): Promise<void> {
	const mib = numberArgument('board-mib', 56);
	const seconds = numberArgument('seconds', 15);
	const dataDir = createTempDir('kw-bench-store-');
	try {
		const state = largeBoard(mib);
		const seed = openSqliteStore(`${dataDir}/${SQLITE_FILE_NAME}`);
		const seedDoc = new Y.Doc();
		Y.applyUpdateV2(seedDoc, state);
		await seed.store(BOARD, state, Y.encodeStateVector(seedDoc));
		await seed.close();
		seedDoc.destroy();

		let stores = 0;
		const test = await startTestServer({
			dataDir,
			configure: (config) => ({
				...config,
				sync: { ...config.sync, debounceMs: 2_000, maxDebounceMs: 10_000 },
				shutdownTimeoutMs: 60_000
			}),
			onPersisted: ({ documentName }) => {
				if (documentName === BOARD) stores += 1;
			}
		});
		const { token } = await test.server.tokens.issue({
			sub: 'owner',
			role: 'moderation',
			docs: ['kommune/*/**'],
			ttlSeconds: 3_600
		});
		const connect = (name: string) =>
			connectSyncClient({ url: test.syncUrl, name, token, maxAttempts: 0 });
		const facilitator = connect(BOARD);
		await until(() => facilitator.state.synced, 600_000);
		const [writer, reader] = [connect(SMALL), connect(SMALL)];
		await until(() => writer.state.synced && reader.state.synced, 30_000);

		const baseline = await measure(writer, reader, seconds, () => {});
		let edits = 0;
		const storing = await measure(writer, reader, seconds, () => {
			edits += 1;
			facilitator.doc.getMap('cards').set(`bench-${edits}/text`, `Neue Karte ${edits}`);
		});
		const line = (label: string, delays: number[]) =>
			`${label}: p50 ${quantile(delays, 0.5).toFixed(1)} ms, p95 ${quantile(delays, 0.95).toFixed(1)} ms, ` +
			`max ${(delays[delays.length - 1] ?? Number.NaN).toFixed(1)} ms (${delays.length} messages)`;
		console.log(
			`another client's message delay beside a ${(state.byteLength / 2 ** 20).toFixed(1)} MiB board ` +
				`(goal: max ≤ 100 ms while storing), ${seconds} s each, same run:\n` +
				`  ${line('baseline, board idle', baseline)}\n` +
				`  ${line(`storing, ${stores} stores of the board`, storing)}`
		);
		for (const client of [facilitator, writer, reader]) client.destroy();
		await test.close();
	} finally {
		removeDir(dataDir);
	}
}
