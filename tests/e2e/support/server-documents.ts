// Reads a document as the server holds it, through the real sync endpoint with a read-only consultant
// token signed by the server's own secret: the e2e tests assert on server state, not only on the page.
import { readOrCreateTokenSecret } from '../../../server/token-secret';
import { createTokenService } from '../../../server/tokens';
import { connectSyncClient, type SyncClient } from '../../../server/test/sync-client';
import { readProfile } from '../../../src/lib/crdt/profile-doc';
import { profileDocName } from '../../../src/lib/domain/document-names';
import type { KommuneProfile } from '../../../src/lib/domain/kommune-profile';
import { SYNC_PATH } from '../../../src/lib/contract/protocol';
import type * as Y from 'yjs';
import type { AppServer } from './app-server';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE_NAME } from '../../../server/storage/sqlite-store';

/**
 * The names of the documents the laptop server's database holds under a prefix, read from its SQLite
 * file (WAL: readable while the server runs). A document deleted for good (ADR 11) cannot be read
 * through the sync endpoint any more, so its absence is checked here.
 */
export function storedDocumentNames(server: AppServer, prefix: string): string[] {
	const db = new Database(join(server.dataDir, SQLITE_FILE_NAME), { readonly: true });
	try {
		return (
			db
				// A document's state, or only increments appended so far (ADR 18).
				.prepare<[number, string, number, string], { name: string }>(
					`SELECT name FROM documents WHERE substr(name, 1, ?) = ?
				 UNION SELECT name FROM document_updates WHERE substr(name, 1, ?) = ? ORDER BY name`
				)
				.all(prefix.length, prefix, prefix.length, prefix)
				.map((row) => row.name)
		);
	} finally {
		db.close();
	}
}

/** The scopes the laptop server's database keeps as deleted for good (tombstones, ADR 11) under a prefix. */
export function deletedScopes(server: AppServer, prefix: string): string[] {
	const db = new Database(join(server.dataDir, SQLITE_FILE_NAME), { readonly: true });
	try {
		return db
			.prepare<[number, string], { scope: string }>(
				'SELECT scope FROM deleted_scopes WHERE substr(scope, 1, ?) = ? ORDER BY scope'
			)
			.all(prefix.length, prefix)
			.map((row) => row.scope);
	} finally {
		db.close();
	}
}

export function readServerProfile(server: AppServer, ars: string): Promise<KommuneProfile | null> {
	return readServerDocument(server, profileDocName(ars), (doc) => readProfile(doc).profile);
}

/**
 * Any document as the server holds it, read with `read` (a crdt reader). Consultants read everything
 * but participants' private documents; those the facilitator reads ('moderation').
 */
export function readServerDocument<T>(
	server: AppServer,
	name: string,
	read: (doc: Y.Doc) => T,
	role: 'beratung' | 'moderation' = 'beratung'
): Promise<T> {
	return withServerDocument(server, name, role, async (doc) => read(doc));
}

/**
 * Writes into a document through the server (with a moderation token), as a facilitator's other device
 * would, and resolves once the server has the change: test data that arrives the way real data does.
 */
export function writeServerDocument(
	server: AppServer,
	name: string,
	write: (doc: Y.Doc) => void
): Promise<void> {
	return withServerDocument(server, name, 'moderation', async (doc, client) => {
		write(doc);
		await new Promise<void>((resolve) => {
			const check = () => {
				if (!client.provider.hasUnsyncedChanges) resolve();
				else setTimeout(check, 20);
			};
			check();
		});
	});
}

function withServerDocument<T>(
	server: AppServer,
	name: string,
	role: 'beratung' | 'moderation',
	use: (doc: Y.Doc, client: SyncClient) => Promise<T>
): Promise<T> {
	const secret = server.tokenSecret ?? readOrCreateTokenSecret(server.dataDir).secret;
	return withDocumentAt({ port: server.port, secret }, name, role, use);
}

/** A document on the server listening on `port` whose tokens are signed with `secret`. */
export async function withDocumentAt<T>(
	server: { port: number; secret: string },
	name: string,
	role: 'beratung' | 'moderation',
	use: (doc: Y.Doc, client: SyncClient) => Promise<T>
): Promise<T> {
	const secret = new TextEncoder().encode(server.secret);
	const { token } = await createTokenService(secret).issue({
		sub: `e2e-${role}`,
		role,
		docs: ['kommune/*/**'],
		ttlSeconds: 60
	});
	const client = connectSyncClient({
		url: `ws://localhost:${server.port}${SYNC_PATH}`,
		name,
		token
	});
	try {
		await new Promise<void>((resolve, reject) => {
			if (client.state.synced) return resolve();
			client.provider.on('synced', () => resolve());
			client.provider.on('authenticationFailed', ({ reason }: { reason: string }) =>
				reject(new Error(`the server refused the test token: ${reason}`))
			);
		});
		return await use(client.doc, client);
	} finally {
		client.destroy();
	}
}
