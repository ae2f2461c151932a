// What joining leaves on this device (ADR 6): the credential in Dexie, and for a participant their name
// in the workshop's roster, so the facilitator sees who is there. The roster entry is stored on this
// device at once; it reaches the board when the landing page connects.

import { checkInParticipant } from '../../crdt/workshop-doc';
import {
	checkRoundPrefix,
	workshopBoardDocName,
	workshopPrefix
} from '../../domain/document-names';
import { saveCredential } from '../../storage/credentials';
import type { KommunalwerkstattDb } from '../../storage/db';
import type { JoinResponse } from '../../contract/protocol';
import type * as Y from 'yjs';
import type { AppErrorCode } from '../app-error';

export type WriteTo = (name: string, change: (doc: Y.Doc) => void) => Promise<AppErrorCode | null>;

export async function keepJoinedCredential(
	db: KommunalwerkstattDb,
	joined: JoinResponse,
	writeTo: WriteTo,
	now: () => number = Date.now
): Promise<void> {
	const { token, expiresAt, kind, role, sub, deviceId, ars, workshop, round, respondent } = joined;
	const scope = workshop ? workshopPrefix(ars, workshop) : checkRoundPrefix(ars, round ?? '');
	await saveCredential(db, {
		scope,
		token,
		docs: joined.docs,
		expiresAt,
		kind,
		role,
		sub,
		deviceId,
		ars,
		workshop,
		round,
		respondent,
		label: joined.label,
		displayName: joined.displayName,
		joinedAt: now(),
		revokedAt: null
	});
	if (role !== 'teilnahme' || !workshop) return;
	const error = await writeTo(workshopBoardDocName(ars, workshop), (doc) =>
		checkInParticipant(doc, sub, joined.displayName, now())
	);
	if (error !== null) throw new Error(error);
}
