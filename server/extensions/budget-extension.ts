// Byte budgets per participant and board (src/lib/sync/SPEC.md H6, ADR 18). The write rules (W1–W15)
// decide what a participant may write; this decides how much. Without it four participants grew a
// board to the 64 MiB document limit in 7 s, and every later store of it stalled the server.
//
// charge  the bytes of the entries an update adds that the server does not hold yet, as Yjs encodes
//         them (V1): the update cut to what is new, less its delete set. A reconnecting device's sync
//         re-sends its whole delete set and whatever the server already has; neither adds to the board,
//         so neither is charged.
// budget  per (board, role, subject), so reconnecting or a second device of the same person buys
//         nothing: a token bucket of `windowBytes` refilled over `windowMs`, and `totalBytes` for as
//         long as the server runs. An update that does not fit is thrown out whole before Hocuspocus
//         applies it, and that document's connection closes with `write_budget_exceeded`, as a write-rule
//         refusal does (the client reloads the board from the server and says why).
import type { Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { parseDocName } from '../../src/lib/domain/access';
import { CLOSE_CODES, ERROR_CODES } from '../../src/lib/contract/protocol';
import type { BoardBudget } from '../config';
import type { Logger } from '../logger';
import type { AuthContext } from './auth-extension';
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
}

interface Account {
	/** Bytes the window allows now (the token bucket). */
	available: number;
	/** Bytes charged altogether. */
	spent: number;
	/** When `available` was last refilled. */
	at: number;
}

/**
 * The bytes of the entries `update` (V1) adds that `document` lacks: the update cut to what is new
 * (Y.diffUpdate against the document's state vector), less the same update cut to nothing but its
 * delete set (cut against the update's own end clocks). Both keep the update's delete set byte for byte.
 */
export function addedBytes(document: Y.Doc, update: Uint8Array): number {
	const fresh = Y.diffUpdate(update, Y.encodeStateVector(document));
	const deletesOnly = Y.diffUpdate(update, Y.encodeStateVector(Y.parseUpdateMeta(update).to));
	return Math.max(0, fresh.byteLength - deletesOnly.byteLength);
}

export function createBudgetExtension({
	budget,
	logger,
	now = () => performance.now()
}: BudgetOptions): Extension {
	// Entries per board and writer: at most the 200 participants a board admits (W5) per board.
	const accounts = new Map<string, Account>();

	function accountOf(key: string, at: number): Account {
		let account = accounts.get(key);
		if (!account) {
			account = { available: budget.windowBytes, spent: 0, at };
			accounts.set(key, account);
			return account;
		}
		const refill = (Math.max(0, at - account.at) * budget.windowBytes) / budget.windowMs;
		account.available = Math.min(budget.windowBytes, account.available + refill);
		account.at = Math.max(account.at, at);
		return account;
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
			const account = accountOf(`${documentName}\n${claims.role}\n${claims.sub}`, now());
			const overWindow = bytes > account.available;
			const overTotal = account.spent + bytes > budget.totalBytes;
			if (!overWindow && !overTotal) {
				account.available -= bytes;
				account.spent += bytes;
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
		}
	};
}
