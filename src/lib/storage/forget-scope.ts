// What this device keeps in Dexie about the documents of a deleted or removed scope (ADR 11): the
// bookkeeping and acknowledgements per document, the list rows (a municipality, its workshops and
// rounds), the credentials a device joined with, the photos of its workshop boards (ADR 20) and the
// participants a workshop's reveal opens (ADR 15), and what was typed into its fields but not added
// yet (drafts). One transaction, so a failure leaves all of it.
import { isUnderScope, parseDeletionScope } from '../domain/deletion';
import type { KommunalwerkstattDb } from './db';
import { SCOPED_SETTING_PREFIXES } from './settings';

/** Names of documents under `scope` that Dexie knows of (opened here, or acknowledged by a server). */
export async function knownDocumentsUnder(
	db: KommunalwerkstattDb,
	scope: string
): Promise<string[]> {
	const lower = scope;
	const upper = `${scope}/\uffff`;
	const [documents, durable] = await Promise.all([
		db.documents.where('name').between(lower, upper, true, true).primaryKeys(),
		db.durableStates.where('name').between(lower, upper, true, true).toArray()
	]);
	const names = [...documents, ...durable.map((row) => row.name)];
	return [...new Set(names)].filter((name) => isUnderScope(name, scope)).sort();
}

/** Forgets the scope's rows; `names` are the documents whose bookkeeping goes (the scope's, at least). */
export async function forgetScope(
	db: KommunalwerkstattDb,
	scope: string,
	names: readonly string[]
): Promise<void> {
	const target = parseDeletionScope(scope);
	const under = (name: string) => isUnderScope(name, scope);
	await db.transaction(
		'rw',
		[
			db.documents,
			db.durableStates,
			db.sessions,
			db.kommunen,
			db.credentials,
			db.blobs,
			db.settings
		],
		async () => {
			const all = [...new Set([...names.filter(under), ...(await knownDocumentsUnder(db, scope))])];
			await db.documents.bulkDelete(all);
			await db.durableStates.where('name').anyOf(all).delete();
			await db.sessions.filter((row) => under(row.scope)).delete();
			await db.credentials.filter((row) => under(row.scope)).delete();
			await db.blobs.filter((row) => under(row.board)).delete();
			await db.settings
				.filter((row) =>
					SCOPED_SETTING_PREFIXES.some(
						(prefix) => row.key.startsWith(prefix) && under(row.key.slice(prefix.length))
					)
				)
				.delete();
			if (target?.kind === 'kommune') await db.kommunen.delete(target.ars);
		}
	);
}
