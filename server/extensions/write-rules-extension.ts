// The board's write rules in front of the apply (server/SPEC.md W1–W15, ADR 15). Every update a
// participant sends to a workshop board is judged against the server's current document before
// Hocuspocus applies it; one that writes or deletes anything the participant may not touch is thrown
// out whole, and that document's connection is closed with `write_refused` (the socket and the
// participant's other documents stay). Moderation is not judged: the facilitator may change anything.
import type { Extension } from '@hocuspocus/server';
import { parseDocName } from '../../src/lib/domain/access';
import { CLOSE_CODES, ERROR_CODES } from '../../src/lib/contract/protocol';
import type { Logger } from '../logger';
import { judgeBoardUpdate, type BoardRule } from '../write-rules/board-rules';
import { updateChanges } from '../write-rules/update-changes';
import type { AuthContext } from './auth-extension';
import { appliedUpdateOf } from './limits-extension';

/**
 * Thrown from beforeHandleMessage: Hocuspocus drops the message, closes this document's connection
 * with our code and reason, and prints what it catches, so it carries no message and a one-line stack.
 */
export class WriteRefused extends Error {
	readonly code = CLOSE_CODES.writeRefused;
	readonly reason = ERROR_CODES.writeRefused;
	constructor(readonly rule: BoardRule) {
		super('');
		this.name = 'WriteRefused';
		this.stack = this.name;
	}
}

export interface WriteRulesOptions {
	logger: Logger;
	/**
	 * Microseconds each judgement held the event loop (the bench reports their share of the server's CPU
	 * time; on a loaded machine an upper bound). From the monotonic clock, not process.cpuUsage: that is
	 * a system call, and under the bench's CPU profiler its two calls per update showed as a tenth of the
	 * server's time, hiding where the rest went.
	 */
	onJudged?: (micros: number) => void;
}

export function createWriteRulesExtension({ logger, onJudged }: WriteRulesOptions): Extension {
	return {
		extensionName: 'kommunalwerkstatt-write-rules',

		async beforeHandleMessage({ connection, document, documentName, context, update: message }) {
			if (connection.readOnly) return;
			const { claims } = context as AuthContext;
			// W1: only the board has several writers; every other document a participant may write is
			// their own (the access table), and the facilitator writes everything.
			if (claims.role === 'moderation') return;
			if (parseDocName(documentName)?.kind !== 'workshopBoard') return;
			const update = appliedUpdateOf(message);
			if (update === null) return;
			const started = onJudged ? performance.now() : 0;
			const verdict = judgeBoardUpdate(document, claims.sub, updateChanges(document, update));
			onJudged?.((performance.now() - started) * 1000);
			if (verdict.ok) return;
			logger.warn(
				{ event: 'write_refused', documentName, role: claims.role, rule: verdict.rule },
				'update refused: write rules'
			);
			throw new WriteRefused(verdict.rule);
		}
	};
}
