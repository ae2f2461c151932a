// Laptop mode needs no setup: the signing secret is generated on first start and kept beside the data,
// readable only by the owner of the process (ADR 5, ADR 16). Central deployments pass TOKEN_SECRET instead.
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir } from './storage/private-files';

export const TOKEN_SECRET_FILE = 'token-secret';
export const MIN_TOKEN_SECRET_LENGTH = 32;

export interface TokenSecretFile {
	secret: string;
	path: string;
	created: boolean;
}

export function readOrCreateTokenSecret(dataDir: string): TokenSecretFile {
	ensurePrivateDir(dataDir);
	const path = join(dataDir, TOKEN_SECRET_FILE);
	try {
		// 'wx' fails if the file exists, so two processes starting at once cannot overwrite each other.
		const secret = randomBytes(48).toString('base64url');
		writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
		return { secret, path, created: true };
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
	// A copied or restored file may have lost its mode; the secret signs every token of this laptop.
	if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
	const secret = readFileSync(path, 'utf8').trim();
	if (secret.length < MIN_TOKEN_SECRET_LENGTH) {
		throw new Error(
			`${path} holds a token secret shorter than ${MIN_TOKEN_SECRET_LENGTH} characters; delete it to generate a new one (existing tokens become invalid).`
		);
	}
	return { secret, path, created: false };
}
