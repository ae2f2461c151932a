// The backend follows the deployment: PostgreSQL when DATABASE_URL is set, else the SQLite file. Access
// records (join codes, devices) and blobs (photos, ADR 20) live in the same database.
import { join } from 'node:path';
import type { ServerConfig } from '../config';
import type { AccessRecordStore } from './access-record-store';
import type { BlobStore } from './blob-store';
import type { DocumentStore } from './document-store';
import { openPostgresAccessRecords } from './postgres-access-records';
import { openPostgresBlobs } from './postgres-blobs';
import { openPostgresStore } from './postgres-store';
import { openSqliteAccessRecords } from './sqlite-access-records';
import { openSqliteBlobs } from './sqlite-blobs';
import { openSqliteStore, SQLITE_FILE_NAME } from './sqlite-store';

export async function openDocumentStore(
	config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>
): Promise<DocumentStore> {
	if (config.databaseUrl) return openPostgresStore(config.databaseUrl);
	return openSqliteStore(join(config.dataDir, SQLITE_FILE_NAME));
}

export async function openAccessRecordStore(
	config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>
): Promise<AccessRecordStore> {
	if (config.databaseUrl) return openPostgresAccessRecords(config.databaseUrl);
	return openSqliteAccessRecords(join(config.dataDir, SQLITE_FILE_NAME));
}

export async function openBlobStore(
	config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>
): Promise<BlobStore> {
	if (config.databaseUrl) return openPostgresBlobs(config.databaseUrl);
	return openSqliteBlobs(join(config.dataDir, SQLITE_FILE_NAME));
}
