// Migrations that write (ADR 13): run when a document is opened, after its local copy is loaded, and
// again whenever a root they read changes (data of an older version arriving from a server or a tab
// after the open). Each is idempotent and writes a function of the older data alone under keys no
// person edits, so any number of devices running it end with one result.

import type * as Y from 'yjs';
import { migrateProcesses } from '../check-shared-doc';
import { MIGRATION_ORIGIN, ROOT_KEYS, rootMap } from '../schema';
import { schemaForDocument } from './all';
import { CHECK_SHARED_SCHEMA } from './check-shared';

/** Migrates the document `name` if its kind has migrations that write; returns the stop function. */
export function migrateOnOpen(name: string, doc: Y.Doc): () => void {
	if (schemaForDocument(name) !== CHECK_SHARED_SCHEMA) return () => undefined;
	const legacy = rootMap(doc, ROOT_KEYS.processes);
	if (legacy === null) return () => undefined;
	migrateProcesses(doc);
	const again = (_event: unknown, transaction: Y.Transaction) => {
		if (transaction.origin !== MIGRATION_ORIGIN) migrateProcesses(doc);
	};
	legacy.observe(again);
	return () => legacy.unobserve(again);
}
