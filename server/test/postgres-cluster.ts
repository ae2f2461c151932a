// A throwaway PostgreSQL cluster for tests: trust auth, a free port on
// 127.0.0.1, a temporary directory, run as the postgres user when the tests run as root (postgres
// refuses to run as root). PostgreSQL is required: a missing installation fails the tests, never skips.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { freePort } from './free-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
	url: string;
	stop(): Promise<void>;
}

export interface PostgresClusterOptions {
	/**
	 * Flush commits to disk, as a production server does. Off by default: tests need the data to survive
	 * a restart of the server, not a crash of the machine, and fsync only slows them down. Benchmarks of
	 * durable writes turn it on.
	 */
	fsync?: boolean;
}

export async function startPostgresCluster(
	options: PostgresClusterOptions = {}
): Promise<PostgresCluster> {
	if (!existsSync(join(POSTGRES_BIN, 'initdb')) || !existsSync(join(POSTGRES_BIN, 'pg_ctl'))) {
		throw new Error(
			`PostgreSQL 15 is not installed (${POSTGRES_BIN}/initdb missing). The PostgreSQL tests need it: ` +
				'apt-get install -y postgresql (.ci/run does this), or set POSTGRES_BIN.'
		);
	}
	const dir = mkdtempSync(join(tmpdir(), 'kw-pg-'));
	const user = runAsUser();
	if (user) chownSync(dir, user.uid, user.gid);
	const dataDir = join(dir, 'pg');
	const port = await freePort();
	const run = (binary: string, args: string[]) => {
		const result = spawnSync(join(POSTGRES_BIN, binary), args, {
			cwd: dir,
			encoding: 'utf8',
			env: { ...process.env, HOME: dir, LC_ALL: 'C' },
			...(user ?? {})
		});
		if (result.status !== 0) {
			throw new Error(`${binary} failed (${result.status}): ${result.stderr || result.stdout}`);
		}
	};
	try {
		run('initdb', [
			'-D',
			dataDir,
			'-A',
			'trust',
			'-U',
			'postgres',
			'-E',
			'UTF8',
			'--no-instructions'
		]);
		run('pg_ctl', [
			'-D',
			dataDir,
			'-l',
			join(dir, 'pg.log'),
			'-w',
			'-o',
			`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${options.fsync ? 'on' : 'off'}`,
			'start'
		]);
	} catch (error) {
		rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		async stop() {
			try {
				run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}

/** The postgres user's ids when we are root; null when we may run the binaries ourselves. */
function runAsUser(): { uid: number; gid: number } | null {
	if (process.getuid?.() !== 0) return null;
	const id = (flag: string) =>
		Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	return { uid: id('-u'), gid: id('-g') };
}
