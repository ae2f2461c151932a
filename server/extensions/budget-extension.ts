// Byte budgets per participant and board (src/lib/sync/SPEC.md H6, ADR 18). The write rules (W1–W15)
// decide what a participant may write; this decides how much. Without it four participants grew a
// board to the 64 MiB document limit in 7 s, and every later store of it stalled the server.
//
// charge  the bytes of the entries an update adds that the server does not hold yet, as Yjs encodes
//         them (V1): the update cut to what is new, less its delete set. A reconnecting device's sync
//         re-sends its whole delete set and whatever the server already has; neither adds to the board,
//         so neither is charged.
// budget  per (board, role, subject), so reconnecting or a second device of the same person buys
//         nothing: a token bucket of `windowBytes` refilled over `windowMs`, and `totalBytes` in all.
//         What a board's writers spent is kept as one access record per board, written at most once a
//         second (SQLite writes access records on the main thread, each with a sync to disk) and when
//         the server stops, and read back on the board's first charged update after a restart, so a
//         restart grants no fresh total (the window starts full again: a restart is the facilitator's
//         act, and a crash loses at most the last second's charges).
//         An update that does not fit is thrown out whole before Hocuspocus
//         applies it, and that document's connection closes with `write_budget_exceeded`, as a write-rule
//         refusal does (the client reloads the board from the server and says why).
import type { Extension } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { parseDocName } from '../../src/lib/domain/access';
import { CLOSE_CODES, ERROR_CODES } from '../../src/lib/contract/protocol';
import type { BoardBudget } from '../config';
import type { Logger } from '../logger';
import type { AccessRecordStore } from '../storage/access-record-store';
import type { AuthContext } from './auth-extension';
import { decodeUpdateOnce } from '../write-rules/decoded-update';
import { appliedUpdateOf } from './limits-extension';

/**
 * Thrown from beforeHandleMessage: Hocuspocus drops the message, closes this document's connection
 * with our code and reason, and prints what it catches, so it carries no message and a one-line stack.
 */
export class BudgetExceeded extends Error {
	readonly code = CLOSE_CODES.writeBudgetExceeded;
	readonly reason = ERROR_CODES.writeBudgetExceeded;
	constructor() {
		super('');
		this.name = 'BudgetExceeded';
		this.stack = this.name;
	}
}

export interface BudgetOptions {
	budget: BoardBudget;
	logger: Logger;
	/** Milliseconds on a monotonic clock; injected so tests step time instead of waiting. */
	now?: () => number;
	/** Where what each writer spent outlives a restart. */
	records: Pick<AccessRecordStore, 'get' | 'put'>;
}

/** How long a writer's spent bytes are kept after their last charge (a workshop's board lives days). */
export const BUDGET_RECORD_TTL_MS = 90 * 24 * 60 * 60 * 1000;
/** Charges are written together at most this often; a crash loses at most this much of them. */
const BUDGET_WRITE_DELAY_MS = 1_000;

interface Account {
	/** Bytes the window allows now (the token bucket). */
	available: number;
	/** Bytes charged altogether. */
	spent: number;
	/** When `available` was last refilled. */
	at: number;
}

/**
 * The bytes of the entries `update` (V1) adds that `document` lacks: the update cut to what is new, as
 * Y.diffUpdate against the document's state vector encodes it, less what such a cut with no entry left
 * still holds (a zero count of writers and the update's delete set, which both carry byte for byte).
 * Counted from the update decoded once for all checks (decodeUpdateOnce) instead of cut: the same walk
 * over its entries as Y.diffUpdate's, each entry measured as Yjs writes it. Cutting decoded the update
 * again and encoded and decoded the document's state vector for every update, the budget's largest
 * cost under a workshop's load.
 */
export function addedBytes(document: Y.Doc, update: Uint8Array): number {
	const { structs } = decodeUpdateOnce(update);
	const scratch = new Y.UpdateEncoderV1();
	/** Bytes of each run of one writer's entries (Y.diffUpdate's LazyStructWriter): head and entries. */
	let runs = 0;
	let runBytes = 0;
	let written = 0;
	let runClient = -1;
	const write = (struct: (typeof structs)[number], offset: number) => {
		const client = struct.id.client;
		if (written > 0 && runClient !== client) {
			runBytes += varUintBytes(written);
			written = 0;
		}
		if (written === 0) {
			runs += 1;
			runClient = client;
			runBytes += varUintBytes(client) + varUintBytes(struct.id.clock + offset);
		}
		const length = encoding.length(scratch.restEncoder);
		struct.write(scratch, offset);
		runBytes += encoding.length(scratch.restEncoder) - length;
		written += 1;
	};
	let i = 0;
	while (i < structs.length) {
		const struct = structs[i]!;
		const client = struct.id.client;
		const known = Y.getState(document.store, client);
		// A skip never starts a run (Y.diffUpdate).
		if (struct instanceof Y.Skip) {
			i += 1;
			continue;
		}
		if (struct.id.clock + struct.length > known) {
			write(struct, Math.max(known - struct.id.clock, 0));
			i += 1;
			while (i < structs.length && structs[i]!.id.client === client) write(structs[i++]!, 0);
		} else {
			while (
				i < structs.length &&
				structs[i]!.id.client === client &&
				structs[i]!.id.clock + structs[i]!.length <= known
			)
				i += 1;
		}
	}
	if (written > 0) runBytes += varUintBytes(written);
	// This cut's count of runs against the zero count of a cut with no entries (the delete sets cancel).
	return Math.max(0, varUintBytes(runs) + runBytes - varUintBytes(0));
}

/** Bytes lib0 writes for an unsigned integer (writeVarUint: 7 bits a byte). */
function varUintBytes(value: number): number {
	let bytes = 1;
	while (value > 0x7f) {
		value = Math.floor(value / 0x80);
		bytes += 1;
	}
	return bytes;
}

export function createBudgetExtension({
	budget,
	logger,
	now = () => performance.now(),
	records
}: BudgetOptions): Extension {
	// Per board, its writers' accounts by `<role>\n<subject>`: at most the 200 participants a board
	// admits (W5). A board's accounts are one record, so a second's charges are one write per board.
	const boards = new Map<string, Map<string, Account>>();
	// Boards being read from the records: updates of the same board wait for one read.
	const loading = new Map<string, Promise<Map<string, Account>>>();
	// Boards charged since they were last written.
	const unwritten = new Set<string>();
	let writeTimer: ReturnType<typeof setTimeout> | null = null;

	async function load(documentName: string): Promise<Map<string, Account>> {
		const record = await records.get('budget', documentName, Date.now());
		const accounts = new Map<string, Account>();
		let spent: unknown = {};
		try {
			if (record !== null) spent = JSON.parse(record.data);
		} catch {
			// Only this extension writes these records; an unreadable one counts as nothing spent.
			logger.warn({ event: 'budget_record_unreadable', documentName }, 'budget record ignored');
		}
		if (typeof spent === 'object' && spent !== null) {
			for (const [writer, bytes] of Object.entries(spent)) {
				if (typeof bytes === 'number' && Number.isFinite(bytes) && bytes >= 0)
					accounts.set(writer, { available: budget.windowBytes, spent: bytes, at: now() });
			}
		}
		boards.set(documentName, accounts);
		return accounts;
	}

	async function accountOf(documentName: string, writer: string): Promise<Account> {
		let accounts = boards.get(documentName);
		if (!accounts) {
			let pending = loading.get(documentName);
			if (!pending) {
				pending = load(documentName).finally(() => loading.delete(documentName));
				loading.set(documentName, pending);
			}
			accounts = await pending;
		}
		const at = now();
		let account = accounts.get(writer);
		if (!account) {
			account = { available: budget.windowBytes, spent: 0, at };
			accounts.set(writer, account);
		}
		const refill = (Math.max(0, at - account.at) * budget.windowBytes) / budget.windowMs;
		account.available = Math.min(budget.windowBytes, account.available + refill);
		account.at = Math.max(account.at, at);
		return account;
	}

	async function writeUnwritten(): Promise<void> {
		if (writeTimer !== null) clearTimeout(writeTimer);
		writeTimer = null;
		const due = [...unwritten];
		unwritten.clear();
		await Promise.all(
			due.map(async (documentName) => {
				const spent = Object.fromEntries(
					[...boards.get(documentName)!].map(([writer, account]) => [writer, account.spent])
				);
				try {
					await records.put({
						kind: 'budget',
						id: documentName,
						scope: documentName,
						data: JSON.stringify(spent),
						expiresAt: Date.now() + BUDGET_RECORD_TTL_MS
					});
				} catch (error) {
					// Written with the next charge or when the server stops; the budget in memory holds.
					unwritten.add(documentName);
					logger.error(
						{ event: 'budget_write_failed', documentName, error: String(error) },
						'budget not written'
					);
				}
			})
		);
	}

	return {
		extensionName: 'kommunalwerkstatt-budgets',

		async beforeHandleMessage({ connection, document, documentName, context, update: message }) {
			if (connection.readOnly) return;
			const { claims } = context as AuthContext;
			// Only the board has several writers; the facilitator's writes are not limited.
			if (claims.role === 'moderation') return;
			if (parseDocName(documentName)?.kind !== 'workshopBoard') return;
			const update = appliedUpdateOf(message);
			if (update === null) return;
			const bytes = addedBytes(document, update);
			if (bytes === 0) return;
			const account = await accountOf(documentName, `${claims.role}\n${claims.sub}`);
			const overWindow = bytes > account.available;
			const overTotal = account.spent + bytes > budget.totalBytes;
			if (!overWindow && !overTotal) {
				account.available -= bytes;
				account.spent += bytes;
				unwritten.add(documentName);
				writeTimer ??= setTimeout(() => void writeUnwritten(), BUDGET_WRITE_DELAY_MS);
				return;
			}
			logger.warn(
				{
					event: 'budget_refused',
					documentName,
					role: claims.role,
					limit: overTotal ? 'total' : 'window',
					updateBytes: bytes,
					spentBytes: account.spent
				},
				'update refused: byte budget of the writer'
			);
			throw new BudgetExceeded();
		},

		// The server stops (after every connection closed, before the records close).
		async onDestroy() {
			await writeUnwritten();
		}
	};
}
