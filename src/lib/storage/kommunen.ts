import { liveQuery } from 'dexie';
import type { KommuneProfile } from '../domain/kommune-profile';
import type { KommuneRow, KommunalwerkstattDb } from './db';

// Built on first use: creating the first Intl object of a page is costly, and the list is sorted only
// once its rows have arrived.
let collator: Intl.Collator | undefined;
const compareNames = (a: string, b: string): number =>
	(collator ??= new Intl.Collator('de', { sensitivity: 'base', numeric: true })).compare(a, b);

export function projectionOfProfile(profile: KommuneProfile, updatedAt: number): KommuneRow {
	return {
		ars: profile.ars,
		name: profile.name,
		type: profile.type,
		landkreis: profile.landkreis,
		population: profile.population,
		updatedAt
	};
}

const sameContent = (a: KommuneRow, b: KommuneRow): boolean =>
	a.name === b.name &&
	a.type === b.type &&
	a.landkreis === b.landkreis &&
	a.population === b.population;

/**
 * Writes the row unless it already holds the same content, so replaying a document (every open, every
 * remote echo) does not wake every live query. Returns whether it wrote.
 */
export function upsertKommuneProjection(
	db: KommunalwerkstattDb,
	row: KommuneRow
): Promise<boolean> {
	return db.transaction('rw', db.kommunen, async () => {
		const existing = await db.kommunen.get(row.ars);
		if (existing !== undefined && sameContent(existing, row)) return false;
		await db.kommunen.put(row);
		return true;
	});
}

/** All municipalities on this device, by name as a German reader sorts (Ä with A, 2 before 10). */
export async function listKommunen(db: KommunalwerkstattDb): Promise<KommuneRow[]> {
	const rows = await db.kommunen.toArray();
	return rows.sort((a, b) => compareNames(a.name, b.name) || a.ars.localeCompare(b.ars));
}

export function findKommune(db: KommunalwerkstattDb, ars: string): Promise<KommuneRow | undefined> {
	return db.kommunen.get(ars);
}

/**
 * Calls `onChange` with the sorted list now and after every change, including changes made by other
 * tabs (Dexie's liveQuery). Returns the unsubscribe.
 */
export function watchKommunen(
	db: KommunalwerkstattDb,
	onChange: (rows: KommuneRow[]) => void,
	onError: (error: unknown) => void = () => {}
): () => void {
	const subscription = liveQuery(() => listKommunen(db)).subscribe({
		next: onChange,
		error: onError
	});
	return () => subscription.unsubscribe();
}
