// Revealing a private phase (DESIGN.md §3): the facilitator's app reads each participant's private
// document and copies that block's cards (or dots) to the board, keeping their ids, so a second reveal
// (for a participant whose cards arrive late) adds only what is new. A private document is read once it
// has synced with the server, or after a wait, with what this device has: its owner is told in the
// result, and their own device copies the rest when it is back (state/card-board, state/dot-voting).

import { workshopBoardDocName, workshopPrivateDocName } from '../domain/document-names';
import type * as Y from 'yjs';
import { revealCards } from '../crdt/workshop-cards';
import { revealVotes } from '../crdt/workshop-votes';
import type { DocumentRegistry } from './document-registry';
import { isDocumentError } from './document-status';
import type { DocumentHandle } from './open-document';
import { writeDocument, type WriteResult } from './write-document';

export interface RevealResult {
	/** Cards (or dots) copied to the board now. */
	revealed: number;
	/** Participants whose private document could not be synced in time (read as far as it was here). */
	unsynced: string[];
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

export interface RevealTarget {
	ars: string;
	workshop: string;
	blockId: string;
	participantIds: readonly string[];
}

export const revealPrivateCards = (
	registry: DocumentRegistry,
	target: RevealTarget,
	timeoutMs?: number
): Promise<WriteResult<RevealResult>> =>
	revealPrivate(
		registry,
		target,
		(board, privateDoc, participantId) =>
			revealCards(board, privateDoc, { participantId, blockId: target.blockId }),
		timeoutMs
	);

export const revealPrivateVotes = (
	registry: DocumentRegistry,
	target: RevealTarget,
	timeoutMs?: number
): Promise<WriteResult<RevealResult>> =>
	revealPrivate(
		registry,
		target,
		(board, privateDoc, participantId) =>
			revealVotes(board, privateDoc, { participantId, blockId: target.blockId }),
		timeoutMs
	);

async function revealPrivate(
	registry: DocumentRegistry,
	target: RevealTarget,
	copy: (board: Y.Doc, privateDoc: Y.Doc, participantId: string) => number,
	timeoutMs = 5_000
): Promise<WriteResult<RevealResult>> {
	const { ars, workshop, participantIds } = target;
	const opened = await Promise.allSettled(
		participantIds.map((id) => registry.open(workshopPrivateDocName(ars, workshop, id)))
	);
	const handles = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
	const failed = opened.find((o) => o.status === 'rejected');
	if (failed) {
		await Promise.all(handles.map((h) => h.close()));
		const code = isDocumentError(failed.reason) ? failed.reason.code : 'storage_timeout';
		return { ok: false, error: code };
	}
	try {
		const synced = await Promise.all(handles.map((h) => whenConnected(h, timeoutMs)));
		return await writeDocument(registry, workshopBoardDocName(ars, workshop), (board) => ({
			revealed: handles.reduce((sum, h, i) => sum + copy(board, h.doc, participantIds[i]!), 0),
			unsynced: participantIds.filter((_, i) => !synced[i])
		}));
	} finally {
		await Promise.all(handles.map((h) => h.close()));
	}
}
