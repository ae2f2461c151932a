// Tokens this device received by joining with a code (CredentialRow). A revoked credential is kept, so
// the page can say what happened, but its token is never offered again.
import { liveQuery } from 'dexie';
import type { CredentialRow, KommunalwerkstattDb } from './db';

export const saveCredential = (db: KommunalwerkstattDb, row: CredentialRow) =>
	db.credentials.put(row);

export const listCredentials = (db: KommunalwerkstattDb): Promise<CredentialRow[]> =>
	db.credentials.orderBy('scope').toArray();

export async function markCredentialRevoked(
	db: KommunalwerkstattDb,
	deviceId: string,
	at: number
): Promise<void> {
	await db.credentials.where('deviceId').equals(deviceId).modify({ revokedAt: at });
}

/** The credential for a scope that can still be used (not revoked, not expired), or null. */
export async function usableCredential(
	db: KommunalwerkstattDb,
	scope: string,
	now: number
): Promise<CredentialRow | null> {
	const row = await db.credentials.get(scope);
	return row && row.revokedAt === null && row.expiresAt > now ? row : null;
}

export function watchCredentials(
	db: KommunalwerkstattDb,
	onChange: (rows: CredentialRow[]) => void,
	onError: (error: unknown) => void = () => {}
): () => void {
	const subscription = liveQuery(() => listCredentials(db)).subscribe({
		next: onChange,
		error: onError
	});
	return () => subscription.unsubscribe();
}
