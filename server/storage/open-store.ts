// The backend follows the deployment: PostgreSQL when DATABASE_URL is set, else the SQLite file.
import { join } from 'node:path';
import type { ServerConfig } from '../config';
import type { DocumentStore } from './document-store';
import { openPostgresStore } from './postgres-store';
import { openSqliteStore, SQLITE_FILE_NAME } from './sqlite-store';

export async function openDocumentStore(
	config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>
): Promise<DocumentStore> {
	if (config.databaseUrl) return openPostgresStore(config.databaseUrl);
	return openSqliteStore(join(config.dataDir, SQLITE_FILE_NAME));
}
