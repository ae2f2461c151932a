// The token CLI as an operator runs it: a child process with DATA_DIR set, its token checked with the
// secret of that DATA_DIR. Scopes and lifetimes are written out by hand (ADR 5, ADR 6).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDir, removeDir } from '../test/test-server';
import { readOrCreateTokenSecret, TOKEN_SECRET_FILE } from '../token-secret';
import { createTokenService } from '../tokens';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'server', 'cli', 'token.ts');
const A = '032410001001';
const B = '031010000000';
const DAY = 86_400;
// Each run starts node with tsx (half a second on an idle machine); several at once on a busy one take
// longer than vitest's default of 5 s.
const SPAWN = { timeout: 30_000 };

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
	/** Seconds since the epoch around the run, to bound the token's expiry. */
	startedAt: number;
	endedAt: number;
}

function runCli(args: string[], env: Record<string, string>): Promise<Run> {
	// Only what we pass decides the configuration, never the developer's shell.
	const {
		TOKEN_SECRET: _secret,
		DATABASE_URL: _database,
		DATA_DIR: _data,
		...inherited
	} = process.env;
	const startedAt = Date.now() / 1000;
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
			cwd: ROOT,
			env: { ...inherited, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) =>
			resolve({ code, stdout, stderr, startedAt, endedAt: Date.now() / 1000 })
		);
	});
}

const secretOf = (dataDir: string) =>
	new TextEncoder().encode(readOrCreateTokenSecret(dataDir).secret);

describe.concurrent('tokens the CLI issues', () => {
	let dataDir: string;
	beforeAll(() => {
		dataDir = createTempDir('kw-token-cli-');
		// Created once up front, so concurrent runs never race to create it.
		readOrCreateTokenSecret(dataDir);
	});
	afterAll(() => removeDir(dataDir));

	const cases: Array<{
		title: string;
		args: string[];
		role: string;
		docs: string[];
		sub: string | RegExp;
		ttlSeconds: number;
	}> = [
		{
			title: 'moderation of a municipality covers all of its documents, for 30 days',
			args: ['--role', 'moderation', '--kommune', A, '--days', '30'],
			role: 'moderation',
			docs: [`kommune/${A}/**`],
			sub: /^cli-[0-9A-Z]{26}$/,
			ttlSeconds: 30 * DAY
		},
		{
			title:
				'moderation of one workshop (a co-facilitator) covers only that workshop; a key may contain spaces',
			args: [
				'--role',
				'moderation',
				'--kommune',
				'03 2 41 0001 001',
				'--workshop',
				'w1',
				'--sub',
				'co',
				'--days',
				'1'
			],
			role: 'moderation',
			docs: [`kommune/${A}/workshop/w1/**`],
			sub: 'co',
			ttlSeconds: DAY
		},
		{
			title:
				'teilnahme covers its workshop and the profile, with a fresh participant id as subject',
			args: ['--role', 'teilnahme', '--kommune', A, '--workshop', 'w1', '--days', '1'],
			role: 'teilnahme',
			docs: [`kommune/${A}/workshop/w1/**`, `kommune/${A}/profile`],
			sub: /^[0-9A-HJKMNP-TV-Z]{26}$/,
			ttlSeconds: DAY
		},
		{
			title: 'teilnahme with --sub uses it as the participant id',
			args: [
				'--role',
				'teilnahme',
				'--kommune',
				A,
				'--workshop',
				'w1',
				'--sub',
				'p1',
				'--days',
				'2'
			],
			role: 'teilnahme',
			docs: [`kommune/${A}/workshop/w1/**`, `kommune/${A}/profile`],
			sub: 'p1',
			ttlSeconds: 2 * DAY
		},
		{
			title:
				'ansicht of a check round covers that round, for half a day written with a decimal comma',
			args: ['--role', 'ansicht', '--kommune', A, '--round', 'c1', '--days', '0,5'],
			role: 'ansicht',
			docs: [`kommune/${A}/check/c1/**`],
			sub: /^cli-/,
			ttlSeconds: DAY / 2
		},
		{
			title:
				'a respondent token covers exactly its respondent document, with the respondent id as subject',
			args: ['--role', 'respondent', '--kommune', A, '--respondent', 'c1/r1', '--days', '14'],
			role: 'respondent',
			docs: [`kommune/${A}/check/c1/respondent/r1`],
			sub: 'r1',
			ttlSeconds: 14 * DAY
		},
		{
			title: 'beratung without --kommune covers every municipality, for at most 366 days',
			args: ['--role', 'beratung', '--sub', 'beraterin', '--days', '366'],
			role: 'beratung',
			docs: ['kommune/*/**'],
			sub: 'beraterin',
			ttlSeconds: 366 * DAY
		},
		{
			title: 'beratung with --kommune covers only that municipality',
			args: ['--role', 'beratung', '--kommune', B, '--days', '7'],
			role: 'beratung',
			docs: [`kommune/${B}/**`],
			sub: /^cli-/,
			ttlSeconds: 7 * DAY
		}
	];

	for (const { title, args, role, docs, sub, ttlSeconds } of cases) {
		it(title, SPAWN, async ({ expect }) => {
			const run = await runCli(args, { DATA_DIR: dataDir });
			expect(run.code, run.stderr).toBe(0);
			const token = run.stdout.trim();
			expect(run.stdout).toBe(`${token}\n`);
			const verified = await createTokenService(secretOf(dataDir)).verify(token);
			if (!verified.ok) throw new Error(`token does not verify: ${verified.error}`);
			expect(verified.claims.role).toBe(role);
			expect(verified.claims.docs).toEqual(docs);
			if (typeof sub === 'string') expect(verified.claims.sub).toBe(sub);
			else expect(verified.claims.sub).toMatch(sub);
			expect(verified.claims.exp).toBeGreaterThanOrEqual(
				Math.floor(run.startedAt) + ttlSeconds - 2
			);
			expect(verified.claims.exp).toBeLessThanOrEqual(Math.ceil(run.endedAt) + ttlSeconds + 2);
			expect(run.stderr).toContain(`Rolle ${role}`);
			expect(run.stderr).toContain(`Dokumente ${docs.join(' ')}`);
			expect(run.stderr).toContain('gültig bis');
		});
	}

	it(
		'two teilnahme tokens without --sub are two different participants',
		SPAWN,
		async ({ expect }) => {
			const args = ['--role', 'teilnahme', '--kommune', A, '--workshop', 'w1', '--days', '1'];
			const runs = await Promise.all([
				runCli(args, { DATA_DIR: dataDir }),
				runCli(args, { DATA_DIR: dataDir })
			]);
			const tokens = createTokenService(secretOf(dataDir));
			const subs = await Promise.all(
				runs.map(async ({ stdout }) => {
					const verified = await tokens.verify(stdout.trim());
					return verified.ok ? verified.claims.sub : null;
				})
			);
			expect(subs[0]).not.toBeNull();
			expect(subs[1]).not.toBeNull();
			expect(subs[0]).not.toBe(subs[1]);
		}
	);
});

describe('the set-up link for the central server', () => {
	it(
		'opens the laptop page with the central address and exactly the printed key in the fragment',
		SPAWN,
		async () => {
			const dataDir = createTempDir('kw-token-cli-');
			try {
				const run = await runCli(
					[
						'--role',
						'moderation',
						'--kommune',
						A,
						'--central',
						'https://zentral.example.de/',
						'--qr',
						join(dataDir, 'einrichtung.svg'),
						'--days',
						'30'
					],
					{ DATA_DIR: dataDir }
				);
				expect(run.code).toBe(0);
				const link = /Einrichtungslink für den Laptop der Moderation: (\S+)/.exec(run.stderr)?.[1];
				expect(link).toMatch(/^http:\/\/localhost:8420\/zentrale#/);
				const fragment = new URLSearchParams(new URL(link!).hash.slice(1));
				expect(fragment.get('adresse')).toBe('https://zentral.example.de');
				expect(fragment.get('schluessel')).toBe(run.stdout.trim());
				const svg = readFileSync(join(dataDir, 'einrichtung.svg'), 'utf8');
				expect(svg).toMatch(/^<svg[^>]*viewBox/);
				expect(statSync(join(dataDir, 'einrichtung.svg')).mode & 0o777).toBe(0o600);
				expect(run.stderr).toContain(
					`QR-Code des Einrichtungslinks: ${join(dataDir, 'einrichtung.svg')}`
				);
			} finally {
				removeDir(dataDir);
			}
		}
	);
});

describe('where the signing secret comes from', () => {
	it('on a fresh DATA_DIR the CLI creates the secret there and signs with it', SPAWN, async () => {
		const dataDir = createTempDir('kw-token-cli-');
		try {
			const run = await runCli(['--role', 'beratung', '--days', '1'], { DATA_DIR: dataDir });
			expect(run.code, run.stderr).toBe(0);
			expect(existsSync(join(dataDir, TOKEN_SECRET_FILE))).toBe(true);
			expect((await createTokenService(secretOf(dataDir)).verify(run.stdout.trim())).ok).toBe(true);
		} finally {
			removeDir(dataDir);
		}
	});

	it(
		'with TOKEN_SECRET in the environment the token is signed with it, not with a file',
		SPAWN,
		async () => {
			const dataDir = createTempDir('kw-token-cli-');
			const secret = 'a central secret of at least 32 characters';
			try {
				const run = await runCli(['--role', 'beratung', '--days', '1'], {
					DATA_DIR: dataDir,
					TOKEN_SECRET: secret
				});
				expect(run.code, run.stderr).toBe(0);
				const tokens = createTokenService(new TextEncoder().encode(secret));
				expect((await tokens.verify(run.stdout.trim())).ok).toBe(true);
				expect(existsSync(join(dataDir, TOKEN_SECRET_FILE))).toBe(false);
			} finally {
				removeDir(dataDir);
			}
		}
	);

	it('a configuration error exits with 1 and prints no token', SPAWN, async () => {
		const dataDir = createTempDir('kw-token-cli-');
		try {
			const run = await runCli(['--role', 'beratung', '--days', '1'], {
				DATA_DIR: dataDir,
				TOKEN_SECRET: 'too short'
			});
			expect(run.code).toBe(1);
			expect(run.stdout).toBe('');
			expect(run.stderr).toContain('Konfigurationsfehler');
		} finally {
			removeDir(dataDir);
		}
	});
});

describe.concurrent('requests the CLI refuses (exit code 2, no token, nothing written)', () => {
	let dataDir: string;
	beforeAll(() => {
		dataDir = createTempDir('kw-token-cli-refused-');
	});
	afterAll(() => removeDir(dataDir));

	const moderationOfA = ['--role', 'moderation', '--kommune', A];
	const refusals: Array<{ title: string; args: string[]; message: string }> = [
		{
			title: 'an unknown role',
			args: ['--role', 'admin', '--days', '1'],
			message: 'Unbekannte Rolle „admin“'
		},
		{ title: 'no role', args: ['--kommune', A, '--days', '1'], message: 'Es fehlt --role' },
		{
			title: 'a set-up link for a consultant, who only reads',
			args: ['--role', 'beratung', '--central', 'https://zentral.example.de', '--days', '1'],
			message: '--central gibt es nur für die Rolle moderation'
		},
		{
			title: 'a QR code without a set-up link to draw',
			args: [...moderationOfA, '--qr', 'code.svg', '--days', '1'],
			message: '--qr zeichnet den Einrichtungslink und braucht dafür --central'
		},
		{
			title: 'a set-up link with no web address',
			args: [...moderationOfA, '--central', 'zentral', '--days', '1'],
			message: '--central erwartet die Adresse des zentralen Servers'
		},
		{
			title: 'a municipality key with 11 digits',
			args: ['--role', 'moderation', '--kommune', '03241000100', '--days', '1'],
			message: 'kein gültiger Amtlicher Regionalschlüssel'
		},
		{
			title: 'moderation without a municipality',
			args: ['--role', 'moderation', '--days', '1'],
			message: 'fehlt --kommune'
		},
		{ title: 'no --days', args: moderationOfA, message: 'Es fehlt --days' },
		{
			title: '--days 0',
			args: [...moderationOfA, '--days', '0'],
			message: '--days muss eine positive Zahl bis 366 sein'
		},
		{
			title: '--days above 366',
			args: [...moderationOfA, '--days', '367'],
			message: '--days muss eine positive Zahl'
		},
		{
			title: '--days that is not a number',
			args: [...moderationOfA, '--days', 'abc'],
			message: '--days muss eine positive Zahl'
		},
		{
			title: 'teilnahme without a workshop',
			args: ['--role', 'teilnahme', '--kommune', A, '--days', '1'],
			message: 'braucht --workshop'
		},
		{
			title: 'ansicht without a workshop or round',
			args: ['--role', 'ansicht', '--kommune', A, '--days', '1'],
			message: 'braucht --workshop <id> oder --round <id>'
		},
		{
			title: 'a respondent token without --respondent',
			args: ['--role', 'respondent', '--kommune', A, '--days', '1'],
			message: 'braucht --respondent'
		},
		{
			title: 'a respondent token with a round but no respondent id',
			args: ['--role', 'respondent', '--kommune', A, '--round', 'c1', '--days', '1'],
			message: 'braucht --respondent'
		},
		{
			title: '--respondent without its round',
			args: ['--role', 'respondent', '--kommune', A, '--respondent', 'r1', '--days', '1'],
			message: '--respondent erwartet <Runde>/<Befragten-ID>'
		},
		{
			title: '--round that contradicts the round in --respondent',
			args: [
				'--role',
				'respondent',
				'--kommune',
				A,
				'--round',
				'c2',
				'--respondent',
				'c1/r1',
				'--days',
				'1'
			],
			message: 'passt nicht zur Runde'
		},
		{
			title: 'a workshop id that would act as a wildcard',
			args: [...moderationOfA, '--workshop', '*', '--days', '1'],
			message: 'IDs bestehen aus'
		},
		{
			title: 'a workshop together with a round',
			args: [...moderationOfA, '--workshop', 'w1', '--round', 'c1', '--days', '1'],
			message: '--workshop lässt sich nicht mit --round oder --respondent verbinden'
		},
		{
			title: 'beratung narrowed to a workshop',
			args: ['--role', 'beratung', '--kommune', A, '--workshop', 'w1', '--days', '1'],
			message: 'gilt für ganze Kommunen'
		},
		{
			title: 'a participant id that cannot name a private document',
			args: [
				'--role',
				'teilnahme',
				'--kommune',
				A,
				'--workshop',
				'w1',
				'--sub',
				'Anna B.',
				'--days',
				'1'
			],
			message: 'Teilnehmer-ID'
		},
		{
			title: 'a respondent token whose --sub is not its respondent id',
			args: [
				'--role',
				'respondent',
				'--kommune',
				A,
				'--respondent',
				'c1/r1',
				'--sub',
				'r2',
				'--days',
				'1'
			],
			message: 'passt nicht dazu'
		},
		{
			title: 'the old --docs option',
			args: ['--role', 'beratung', '--docs', 'kommune/*/**', '--days', '1'],
			message: 'Unbekannte Option'
		},
		{
			title: 'an option given twice',
			args: [...moderationOfA, '--kommune', B, '--days', '1'],
			message: '--kommune ist mehrfach angegeben'
		}
	];

	for (const { title, args, message } of refusals) {
		it(`refuses ${title}`, SPAWN, async ({ expect }) => {
			const run = await runCli(args, { DATA_DIR: dataDir });
			expect(run.code, run.stderr).toBe(2);
			expect(run.stdout).toBe('');
			expect(run.stderr).toContain(message);
			expect(run.stderr).toContain('Aufruf: npm run token --');
			// Refused before the configuration is loaded, so not even a secret is created.
			expect(existsSync(join(dataDir, TOKEN_SECRET_FILE))).toBe(false);
		});
	}
});
