// Revealing a private phase (ADR 8): the facilitator's app reads each participant's private document
// and copies that block's cards (or dots) to the board, keeping their ids, so a second reveal (for a
// participant whose cards arrive late) adds only what is new. A private document is read once it has
// synced with the server, or after a wait, with what this device has: its owner is told in the result,
// and their own device copies the rest when it is back (CardBoard.revealOwn, DotVoting).

import type * as Y from 'yjs';
import { revealCards } from '../../crdt/workshop-cards';
import { revealVotes } from '../../crdt/workshop-votes';
import type { DocumentHandle } from '../../sync/open-document';
import { appErrorOf, type Result } from '../app-error';

export interface RevealResult {
	/** Cards (or dots) copied to the board now. */
	revealed: number;
	/** Participants whose private document could not be synced in time (read as far as it was here). */
	unsynced: string[];
}

/** Where a reveal reads and writes: the participants' private documents and the workshop's board. */
export interface RevealDocuments {
	openPrivate(participantId: string): Promise<DocumentHandle>;
	/** Writes into the board the workshop already holds open, once stored on this device. */
	writeBoard<R>(change: (board: Y.Doc) => R): Promise<Result<R>>;
}

function whenConnected(handle: DocumentHandle, timeoutMs: number): Promise<boolean> {
	if (handle.status === 'connected') return Promise.resolve(true);
	return new Promise((resolve) => {
		const timer = setTimeout(() => {
			stop();
			resolve(false);
		}, timeoutMs);
		const stop = handle.onStatus((status) => {
			if (status !== 'connected') return;
			clearTimeout(timer);
			stop();
			resolve(true);
		});
	});
}

/** What a reveal copies from each private document to the board: a block's cards, or its dots. */
export type RevealKind = 'cards' | 'votes';

const COPY: Record<RevealKind, typeof revealCards> = { cards: revealCards, votes: revealVotes };

export async function revealPrivate(
	documents: RevealDocuments,
	kind: RevealKind,
	blockId: string,
	participantIds: readonly string[],
	timeoutMs = 5_000
): Promise<Result<RevealResult>> {
	const copy = COPY[kind];
	const opened = await Promise.allSettled(participantIds.map((id) => documents.openPrivate(id)));
	const handles = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
	const failed = opened.find((o) => o.status === 'rejected');
	if (failed) {
		await Promise.all(handles.map((h) => h.close()));
		return { ok: false, error: appErrorOf(failed.reason) };
	}
	try {
		const synced = await Promise.all(handles.map((h) => whenConnected(h, timeoutMs)));
		return await documents.writeBoard((board) => ({
			revealed: handles.reduce(
				(sum, h, i) => sum + copy(board, h.doc, { participantId: participantIds[i]!, blockId }),
				0
			),
			unsynced: participantIds.filter((_, i) => !synced[i])
		}));
	} finally {
		await Promise.all(handles.map((h) => h.close()));
	}
}
