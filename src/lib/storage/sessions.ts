// The workshops and check rounds of a municipality on this device (a projection of their documents).
import { liveQuery } from 'dexie';
import type { KommunalwerkstattDb, SessionRow } from './db';

export const putSession = (db: KommunalwerkstattDb, row: SessionRow) => db.sessions.put(row);

/** Newest first. */
export async function listSessions(db: KommunalwerkstattDb, ars: string): Promise<SessionRow[]> {
	const rows = await db.sessions.where('ars').equals(ars).toArray();
	return rows.sort((a, b) => b.createdAt - a.createdAt || a.scope.localeCompare(b.scope));
}

export function watchSessions(
	db: KommunalwerkstattDb,
	ars: string,
	onChange: (rows: SessionRow[]) => void,
	onError: (error: unknown) => void = () => {}
): () => void {
	const subscription = liveQuery(() => listSessions(db, ars)).subscribe({
		next: onChange,
		error: onError
	});
	return () => subscription.unsubscribe();
}
