import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT } from '../src/lib/contract/protocol';
import { outdatedTimeout } from 'y-protocols/awareness';
import {
	CONNECTION_TIMEOUT_MS,
	ConfigError,
	loadConfig,
	PRESENCE_DEADLINE_MS,
	SHUTDOWN_TIMEOUT_MS
} from './config';
import { useCleanup } from './test/cleanup';
import { createTempDir, removeDir } from './test/test-server';
import { TOKEN_SECRET_FILE } from './token-secret';

const defer = useCleanup();
const SECRET = 's'.repeat(40);

function tempDataDir(): string {
	const dir = createTempDir('kw-config-');
	defer(() => removeDir(dir));
	return join(dir, 'data');
}

describe('configuration', () => {
	it('runs in laptop mode on the fixed port of every IPv6 and IPv4 address, with trust of loopback, by default', () => {
		const { config } = loadConfig({ DATA_DIR: tempDataDir() });
		expect(config.mode).toBe('laptop');
		expect(config.port).toBe(DEFAULT_PORT);
		// Dual-stack, so http://[::1]:<port> answers (with the redirect to localhost) as well.
		expect(config.host).toBe('::');
		expect(config.trustLoopback).toBe(true);
		expect(config.databaseUrl).toBeNull();
	});

	it('sends unset operator fields as null, never as German text of its own', () => {
		const { config } = loadConfig({ DATA_DIR: tempDataDir(), OPERATOR_NAME: '  Samtgemeinde  ' });
		expect(config.operator).toEqual({
			name: 'Samtgemeinde',
			address: null,
			email: null,
			phone: null,
			representative: null
		});
	});

	it('closes a silent connection soon enough that a departed participant disappears within 70 s, and never a live one', () => {
		const { config } = loadConfig({ DATA_DIR: tempDataDir() });
		expect(config.sync.connectionTimeoutMs).toBe(CONNECTION_TIMEOUT_MS);
		// Hocuspocus looks every `timeout` ms, so a silent socket is closed up to twice the timeout late.
		expect(2 * config.sync.connectionTimeoutMs).toBeLessThan(PRESENCE_DEADLINE_MS);
		// A live client renews its awareness state after half of y-protocols' outdatedTimeout, checked
		// every tenth of it: it sends something at least that often.
		const longestRenewalGapMs = outdatedTimeout / 2 + outdatedTimeout / 10;
		expect(config.sync.connectionTimeoutMs).toBeGreaterThan(longestRenewalGapMs);
	});

	it('keeps the store debounce below the shutdown wait, so shutdown never outwaits a scheduled store', () => {
		const dataDir = tempDataDir();
		const { config } = loadConfig({ DATA_DIR: dataDir });
		expect(config.sync.maxDebounceMs).toBeLessThan(config.shutdownTimeoutMs);
		expect(config.shutdownTimeoutMs).toBe(SHUTDOWN_TIMEOUT_MS);
		const atWait = String(SHUTDOWN_TIMEOUT_MS);
		expect(() => loadConfig({ DATA_DIR: dataDir, SYNC_DEBOUNCE_MS: atWait })).toThrow(
			/SYNC_DEBOUNCE_MS/
		);
		expect(() => loadConfig({ DATA_DIR: dataDir, SYNC_MAX_DEBOUNCE_MS: atWait })).toThrow(
			/SYNC_MAX_DEBOUNCE_MS/
		);
		const below = String(SHUTDOWN_TIMEOUT_MS - 1);
		expect(
			loadConfig({ DATA_DIR: dataDir, SYNC_MAX_DEBOUNCE_MS: below }).config.sync
		).toMatchObject({
			maxDebounceMs: SHUTDOWN_TIMEOUT_MS - 1
		});
	});

	it('generates the laptop token secret on first start, readable only by the owner, and reuses it', () => {
		const dataDir = tempDataDir();
		const first = loadConfig({ DATA_DIR: dataDir });
		expect(first.notes.join()).toContain('generated a new token secret');
		expect(statSync(join(dataDir, TOKEN_SECRET_FILE)).mode & 0o777).toBe(0o600);
		const second = loadConfig({ DATA_DIR: dataDir });
		expect(second.notes).toEqual([]);
		expect(second.config.tokenSecret).toEqual(first.config.tokenSecret);
	});

	it('refuses to start in central mode without TOKEN_SECRET', () => {
		expect(() => loadConfig({ DATABASE_URL: 'postgres://db/kw' })).toThrow(ConfigError);
		expect(() => loadConfig({ DATABASE_URL: 'postgres://db/kw' })).toThrow(
			/TOKEN_SECRET is required/
		);
	});

	it('never trusts loopback in central mode', () => {
		const { config, notes } = loadConfig({
			DATABASE_URL: 'postgresql://db/kw',
			TOKEN_SECRET: SECRET,
			TRUST_LOOPBACK: '1'
		});
		expect(config.mode).toBe('central');
		expect(config.trustLoopback).toBe(false);
		expect(notes.join()).toContain('TRUST_LOOPBACK is ignored');
	});

	it('rejects settings it cannot use with a message naming the variable', () => {
		const dataDir = tempDataDir();
		expect(() => loadConfig({ DATA_DIR: dataDir, PORT: 'abc' })).toThrow(/PORT/);
		expect(() => loadConfig({ DATA_DIR: dataDir, PORT: '70000' })).toThrow(/PORT/);
		expect(() => loadConfig({ DATA_DIR: dataDir, TOKEN_SECRET: 'short' })).toThrow(/TOKEN_SECRET/);
		expect(() => loadConfig({ DATA_DIR: dataDir, TRUST_LOOPBACK: 'maybe' })).toThrow(
			/TRUST_LOOPBACK/
		);
		expect(() => loadConfig({ DATABASE_URL: 'mysql://db', TOKEN_SECRET: SECRET })).toThrow(
			/DATABASE_URL/
		);
	});

	it('lets the operator switch off trust of loopback on the laptop', () => {
		const { config } = loadConfig({ DATA_DIR: tempDataDir(), TRUST_LOOPBACK: 'off' });
		expect(config.trustLoopback).toBe(false);
	});
});
