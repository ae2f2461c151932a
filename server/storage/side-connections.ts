// The connections the access records and the blobs keep beside the document store's (ADR 18, ADR 20):
// each opens its own, set up the same way, so one change to how they are opened reaches both.
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { narrowDatabaseFiles, preparePrivateDatabaseFile } from './private-files';

/**
 * A connection of its own to the laptop's SQLite file (WAL lets it sit beside the document store's;
 * FULL: what is stored survives a power cut). The file is the owner's alone (private-files.ts).
 */
export function openSqliteSideConnection(file: string): Database.Database {
	preparePrivateDatabaseFile(file);
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	// WAL has opened its -wal and -shm files by now; ones restored from a copy may be wider.
	narrowDatabaseFiles(file);
	db.pragma('busy_timeout = 5000');
	return db;
}

/** A small pool to the central database with its tables made; closed again if making them fails. */
export async function openPostgresSideConnection(
	url: string,
	createTables: (sql: postgres.Sql) => Promise<void>
): Promise<postgres.Sql> {
	const sql = postgres(url, { max: 4, onnotice: () => {}, connect_timeout: 10 });
	try {
		await createTables(sql);
	} catch (error) {
		await sql.end({ timeout: 1 });
		throw error;
	}
	return sql;
}

/** A LIKE pattern for names starting with `prefix`, its wildcards escaped (ESCAPE '\'). */
export const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
