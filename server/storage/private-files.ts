// DATA_DIR holds every document (unrevealed cards, answers) and the token secret: only the user who runs
// the server may read it (ADR 16). The directory is 0700 and the SQLite files 0600, also when they were
// copied or restored with wider modes. Where the platform has no POSIX modes (Windows), chmod changes
// nothing and the user profile's ACL is what protects DATA_DIR.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

const PRIVATE_DIR_MODE = 0o700;
const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and its parents) and narrows it to 0700 if it is wider. */
export function ensurePrivateDir(dir: string): void {
	mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
	narrowMode(dir, PRIVATE_DIR_MODE);
}

/**
 * Prepares a SQLite database file: its directory private, the file created 0600 before SQLite opens it
 * (SQLite creates its -wal and -shm files with the main file's mode).
 */
export function preparePrivateDatabaseFile(file: string): void {
	ensurePrivateDir(dirname(file));
	closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
	narrowDatabaseFiles(file);
}

/** Narrows the main, -wal and -shm files of an open database to 0600 (a restored copy may be wider). */
export function narrowDatabaseFiles(file: string): void {
	for (const path of [file, `${file}-wal`, `${file}-shm`]) {
		if (existsSync(path)) narrowMode(path, PRIVATE_FILE_MODE);
	}
}

function narrowMode(path: string, mode: number): void {
	if ((statSync(path).mode & 0o777 & ~mode) !== 0) chmodSync(path, mode);
}
