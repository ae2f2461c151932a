// The server's configuration comes from the environment only, so the same code runs on the laptop and
// centrally (ARCHITECTURE.md). Mistakes stop the start with a message an operator can act on.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
	DEFAULT_PORT,
	DOCUMENT_MAX_BYTES,
	USER_BYTE_BURST,
	USER_BYTES_PER_SECOND,
	WS_MAX_PAYLOAD_BYTES,
	type OperatorInfo
} from '../src/lib/contract/protocol';
import { MIN_TOKEN_SECRET_LENGTH, readOrCreateTokenSecret } from './token-secret';

export type Env = Readonly<Record<string, string | undefined>>;

export interface ServerConfig {
	mode: 'laptop' | 'central';
	port: number;
	host: string;
	/** Absolute. Holds the SQLite file and, on the laptop, the token secret. */
	dataDir: string;
	/** Absolute. The built PWA (adapter-static output). */
	buildDir: string;
	databaseUrl: string | null;
	tokenSecret: Uint8Array;
	/**
	 * The central server this laptop's facilitators sync to (CENTRAL_URL), as a ws(s):// origin: the
	 * page may connect there (CSP) and the app offers it as the address. Null: not configured.
	 */
	centralSyncOrigin: string | null;
	/** The owner rule (ADR 5); never on in central mode. */
	trustLoopback: boolean;
	operator: OperatorInfo;
	version: string;
	logLevel: string;
	ownerTokenTtlSeconds: number;
	sync: {
		debounceMs: number;
		maxDebounceMs: number;
		maxPayloadBytes: number;
		/** How often open connections are checked for tokens that expired while connected. */
		expirySweepMs: number;
		/**
		 * Hocuspocus' `timeout`: a socket that sends nothing for longer is closed, which removes its
		 * presence (awareness) for everyone. Hocuspocus checks only every `timeout`, so a silent socket is
		 * closed between 1× and 2× this after its last message (PRESENCE_DEADLINE_MS).
		 */
		connectionTimeoutMs: number;
	};
	persistence: { retryBaseMs: number; retryMaxMs: number };
	/** Limits per authenticated user and per document (ADR 6); over one, the socket is closed. */
	limits: SyncLimits;
	/** Join codes and the tokens they are exchanged for (seconds). */
	joining: {
		invitationTtlSeconds: number;
		linkCodeTtlSeconds: number;
		deviceTokenTtlSeconds: number;
	};
	/**
	 * How long shutdown waits for documents to be stored and unloaded the normal way. After it, every
	 * document still loaded is stored directly (app-server.ts), so the wait bounds the exit, not the data.
	 */
	shutdownTimeoutMs: number;
	/**
	 * How many bytes of photos (ADR 20) one municipality may keep on this server, over all its
	 * workshops (BLOB_QUOTA_MB); an upload beyond it is refused with `blob_quota_exceeded`.
	 */
	blobQuotaBytes: number;
}

export interface SyncLimits {
	/** A document whose encoded state would grow beyond this is not changed. */
	maxDocumentBytes: number;
	/** Token buckets per user (role + subject): a sustained rate and the burst allowed on top. */
	messagesPerSecond: number;
	messageBurst: number;
	bytesPerSecond: number;
	byteBurst: number;
	/** Before authentication, per socket (Hocuspocus' queue limits, stated here so they are deliberate). */
	maxUnauthenticatedQueueBytes: number;
	maxUnauthenticatedQueueMessages: number;
	maxPendingDocuments: number;
	/** Before authentication, all sockets together (H4): how many, and the bytes Hocuspocus queues. */
	maxUnauthenticatedSockets: number;
	maxUnauthenticatedBytes: number;
	/** A socket that has authenticated no document this long after it opened is closed (H4). */
	authenticationDeadlineMs: number;
	/** What one participant may add to one board (H6). */
	boardBudget: BoardBudget;
}

/**
 * A participant's byte budget on one workshop board (src/lib/sync/SPEC.md H6): bytes of entries new to
 * the server, at most `windowBytes` in any `windowMs` (a token bucket) and `totalBytes` altogether.
 */
export interface BoardBudget {
	windowBytes: number;
	windowMs: number;
	totalBytes: number;
}

export interface LoadedConfig {
	config: ServerConfig;
	/** Things worth a log line at start (a generated secret, an ignored setting). */
	notes: string[];
}

export class ConfigError extends Error {
	override name = 'ConfigError';
}

/** How long `npm start` waits on Ctrl-C for documents to be stored and unloaded the normal way. */
export const SHUTDOWN_TIMEOUT_MS = 15_000;

/**
 * A participant whose connection dies without a close frame (Wi-Fi gone, laptop lid shut) must vanish
 * from everyone's presence within this time.
 */
export const PRESENCE_DEADLINE_MS = 70_000;

/**
 * Hocuspocus closes a socket that has sent nothing for longer than its `timeout`, but it looks only
 * every `timeout` ms, so a dead socket goes after up to 2× the timeout; closing it removes its awareness
 * states and broadcasts that at once. 2 × 30 s = 60 s leaves 10 s of PRESENCE_DEADLINE_MS for the
 * broadcast to arrive. A live client sends something at least every 15–18 s (y-protocols renews every
 * awareness state that is not null, and a fresh Awareness starts with `{}`), so 30 s never cuts one off.
 * (Independently, the server's Awareness drops a state that was not renewed for 30 s.)
 */
export const CONNECTION_TIMEOUT_MS = 30_000;

export function loadConfig(env: Env = process.env): LoadedConfig {
	const notes: string[] = [];
	const databaseUrl = nonEmpty(env.DATABASE_URL);
	const mode = databaseUrl ? 'central' : 'laptop';
	if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
		throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL.');
	}
	const dataDir = resolve(nonEmpty(env.DATA_DIR) ?? './data');
	const centralSyncOrigin = parseCentralUrl(nonEmpty(env.CENTRAL_URL));

	let secret = nonEmpty(env.TOKEN_SECRET);
	if (secret && secret.length < MIN_TOKEN_SECRET_LENGTH) {
		throw new ConfigError(
			`TOKEN_SECRET must be at least ${MIN_TOKEN_SECRET_LENGTH} characters long.`
		);
	}
	if (!secret && mode === 'central') {
		throw new ConfigError(
			'TOKEN_SECRET is required when DATABASE_URL is set (central mode): every server instance must sign tokens with the same secret. Generate one with `openssl rand -base64 48`.'
		);
	}
	if (!secret) {
		const file = readOrCreateTokenSecret(dataDir);
		secret = file.secret;
		if (file.created) notes.push(`generated a new token secret in ${file.path}`);
	}

	// Below the shutdown wait, so a store Hocuspocus has scheduled falls due while shutdown still waits.
	const maxDelay = SHUTDOWN_TIMEOUT_MS - 1;
	const debounceMs = parseInteger('SYNC_DEBOUNCE_MS', env.SYNC_DEBOUNCE_MS, 2_000, 0, maxDelay);
	const maxDebounceMs = parseInteger(
		'SYNC_MAX_DEBOUNCE_MS',
		env.SYNC_MAX_DEBOUNCE_MS,
		10_000,
		0,
		maxDelay
	);

	let trustLoopback = parseBoolean('TRUST_LOOPBACK', env.TRUST_LOOPBACK) ?? mode === 'laptop';
	if (trustLoopback && mode === 'central') {
		notes.push('TRUST_LOOPBACK is ignored in central mode: there is no owner, only tokens.');
		trustLoopback = false;
	}

	return {
		config: {
			mode,
			port: parseInteger('PORT', env.PORT, DEFAULT_PORT, 0, 65535),
			// Every address, IPv6 and IPv4 (dual-stack): the LAN reaches the laptop, and http://[::1] works
			// like http://127.0.0.1 (both are redirected to localhost). IPv4 peers appear as ::ffff:a.b.c.d.
			host: nonEmpty(env.HOST) ?? '::',
			dataDir,
			buildDir: resolve(nonEmpty(env.BUILD_DIR) ?? './build'),
			databaseUrl: databaseUrl ?? null,
			centralSyncOrigin,
			tokenSecret: new TextEncoder().encode(secret),
			trustLoopback,
			// Unset fields are null: the server sends no UI text, the page words the gap in the user's language.
			operator: {
				name: nonEmpty(env.OPERATOR_NAME) ?? null,
				address: nonEmpty(env.OPERATOR_ADDRESS) ?? null,
				email: nonEmpty(env.OPERATOR_EMAIL) ?? null,
				phone: nonEmpty(env.OPERATOR_PHONE) ?? null,
				representative: nonEmpty(env.OPERATOR_REPRESENTATIVE) ?? null
			},
			version: readPackageVersion(),
			logLevel: nonEmpty(env.LOG_LEVEL) ?? 'info',
			ownerTokenTtlSeconds: 12 * 60 * 60,
			// Hocuspocus' defaults (2 s, forced after 10 s); tests shorten them.
			sync: {
				debounceMs,
				maxDebounceMs,
				maxPayloadBytes: WS_MAX_PAYLOAD_BYTES,
				expirySweepMs: 30_000,
				connectionTimeoutMs: CONNECTION_TIMEOUT_MS
			},
			persistence: { retryBaseMs: 500, retryMaxMs: 30_000 },
			// 2 GiB: some 500 phone photos of 4 MB per municipality, a year of workshop days.
			blobQuotaBytes:
				parseInteger('BLOB_QUOTA_MB', env.BLOB_QUOTA_MB, 2_048, 1, 1_048_576) * 1024 * 1024,
			// A full workshop day's board is a few MiB; a first sync of up to 1 MiB arrives as one message,
			// a larger one in pieces paced below these (S19); the byte burst covers two maximal messages.
			limits: {
				maxDocumentBytes: DOCUMENT_MAX_BYTES,
				messagesPerSecond: 200,
				messageBurst: 1_000,
				bytesPerSecond: USER_BYTES_PER_SECOND,
				byteBurst: USER_BYTE_BURST,
				maxUnauthenticatedQueueBytes: 5 * 1024 * 1024,
				maxUnauthenticatedQueueMessages: 1_000,
				maxPendingDocuments: 100,
				// A room of 30–60 devices reconnecting at once authenticates within a second; strangers
				// holding sockets open get at most these together, whatever their number.
				maxUnauthenticatedSockets: 64,
				maxUnauthenticatedBytes: 16 * 1024 * 1024,
				authenticationDeadlineMs: 10_000,
				// The generated full workshop day (30 participants, 500 cards, 20,000 edits) is 819 KB of
				// board, about 27 KB a person. The busiest person imaginable (100 cards of 280 characters,
				// 300 rewrites, every dot and score, 500 moves) sends about 0.6 MB, and a device back after
				// an hour offline sends its hour at once. 2 MiB is 3× that, and 4 people at their limit add
				// 8 MiB to a board, not 64; 512 KiB in 10 minutes is more than a reveal or a catch-up sends.
				boardBudget: {
					windowBytes: 512 * 1024,
					windowMs: 10 * 60 * 1000,
					totalBytes: 2 * 1024 * 1024
				}
			},
			// A join code on the projector serves latecomers for a while; the tokens last a workshop day.
			joining: {
				invitationTtlSeconds: 4 * 60 * 60,
				linkCodeTtlSeconds: 10 * 60,
				deviceTokenTtlSeconds: 14 * 60 * 60
			},
			shutdownTimeoutMs: SHUTDOWN_TIMEOUT_MS
		},
		notes
	};
}

/** ws://host:port or wss://host from an http(s) or ws(s) URL; the path does not matter. */
function parseCentralUrl(raw: string | undefined): string | null {
	if (raw === undefined) return null;
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new ConfigError(
			`CENTRAL_URL must be a URL such as https://zentral.example.de, got "${raw}".`
		);
	}
	const secure = url.protocol === 'https:' || url.protocol === 'wss:';
	if (!secure && url.protocol !== 'http:' && url.protocol !== 'ws:') {
		throw new ConfigError(
			`CENTRAL_URL must start with https://, http://, wss:// or ws://, got "${raw}".`
		);
	}
	return `${secure ? 'wss' : 'ws'}://${url.host}`;
}

function nonEmpty(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	return trimmed ? trimmed : undefined;
}

function parseInteger(
	name: string,
	raw: string | undefined,
	fallback: number,
	min: number,
	max: number
): number {
	const value = nonEmpty(raw);
	if (value === undefined) return fallback;
	const parsed = Number(value);
	if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
		throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${value}".`);
	}
	return parsed;
}

function parseBoolean(name: string, raw: string | undefined): boolean | undefined {
	const value = nonEmpty(raw)?.toLowerCase();
	if (value === undefined) return undefined;
	if (['1', 'true', 'yes', 'on'].includes(value)) return true;
	if (['0', 'false', 'no', 'off'].includes(value)) return false;
	throw new ConfigError(`${name} must be one of 1/0, true/false, yes/no, on/off; got "${raw}".`);
}

function readPackageVersion(): string {
	const json = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
	const version: unknown = (JSON.parse(json) as { version?: unknown }).version;
	return typeof version === 'string' ? version : '0.0.0';
}
