// The token for a document on any device: the laptop owner's token where this browser is the owner,
// otherwise the token this device received by joining with a code (stored in Dexie), chosen by the
// document-name patterns it covers. A token the server refused as revoked is marked so, and never sent
// again: the device was removed by the facilitator.

import { matchesDocPattern } from '../domain/access';
import type { CredentialRow, KommunalwerkstattDb } from '../storage/db';
import { listCredentials, markCredentialRevoked } from '../storage/credentials';
import { ERROR_CODES } from '../contract/protocol';
import type { TokenSource, TokenState } from './token-source';

export interface DeviceTokenSourceOptions {
	owner: TokenSource;
	db: KommunalwerkstattDb;
	now?: () => number;
}

/** The usable credential for a document, if this device has one. */
export function credentialFor(
	credentials: readonly CredentialRow[],
	documentName: string,
	now: number
): CredentialRow | null {
	return (
		credentials.find(
			(c) =>
				c.revokedAt === null &&
				c.expiresAt > now &&
				c.docs.some((pattern) => matchesDocPattern(pattern, documentName))
		) ?? null
	);
}

export function createDeviceTokenSource(options: DeviceTokenSourceOptions): TokenSource {
	const { owner, db } = options;
	const now = options.now ?? Date.now;
	let hasCredential = false;

	async function credentials(): Promise<CredentialRow[]> {
		try {
			const rows = await listCredentials(db);
			hasCredential = rows.some((row) => row.revokedAt === null && row.expiresAt > now());
			return rows;
		} catch {
			return [];
		}
	}

	return {
		get state(): TokenState {
			// Not the owner, but joined: the device has a token of its own.
			if (owner.state === 'denied') return hasCredential ? 'available' : 'denied';
			return owner.state;
		},
		async getToken(documentName) {
			const isOwnerDenied = () => owner.state === 'denied';
			if (!isOwnerDenied()) {
				const token = await owner.getToken(documentName);
				// The answer may have just told us this browser is not the owner.
				if (token !== null || !isOwnerDenied()) return token;
			}
			if (documentName === undefined) return null;
			return credentialFor(await credentials(), documentName, now())?.token ?? null;
		},
		invalidate(documentName, reason) {
			owner.invalidate(documentName, reason);
			if (reason !== ERROR_CODES.deviceRevoked || documentName === undefined) return;
			void credentials().then((rows) => {
				const revoked = credentialFor(rows, documentName, now());
				if (revoked) return markCredentialRevoked(db, revoked.deviceId, now());
			});
		}
	};
}
