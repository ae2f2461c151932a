// The contract between the browser and the server: paths, the fixed port, and the error codes the server
// answers with (the client turns them into German messages). No imports: server/ reads this file too.

export const DEFAULT_PORT = 8420;

export const SYNC_PATH = '/sync';

/** The largest WebSocket message the server accepts; a larger one closes the connection (code 1009). */
export const WS_MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;

export const API_PATHS = {
	health: '/api/health',
	config: '/api/config',
	ownerToken: '/api/owner-token'
} as const;

/** Error codes in HTTP JSON bodies (`{ "error": code }`) and WebSocket close reasons. */
export const ERROR_CODES = {
	notOwner: 'not_owner',
	unauthorized: 'unauthorized',
	tokenExpired: 'token_expired',
	forbidden: 'forbidden',
	forbiddenOrigin: 'forbidden_origin',
	notFound: 'not_found',
	methodNotAllowed: 'method_not_allowed',
	internal: 'internal'
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Answer of GET /api/config: what the browser needs to know about the server it talks to. */
export interface ServerInfo {
	mode: 'laptop' | 'central';
	version: string;
	operator: OperatorInfo;
}

/**
 * Impressum data, from the server's configuration (environment), never from the client bundle. A field
 * the operator did not configure is null; the page says so in the user's language.
 */
export interface OperatorInfo {
	name: string | null;
	address: string | null;
	email: string | null;
	phone: string | null;
	representative: string | null;
}

/** Answer of POST /api/owner-token. */
export interface OwnerTokenResponse {
	token: string;
	/** Expiry as milliseconds since the epoch. */
	expiresAt: number;
}
