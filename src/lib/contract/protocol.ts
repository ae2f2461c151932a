// The contract between the browser and the server: paths, the fixed port, and the error codes the server
// answers with (the client turns them into German messages). No imports: server/ reads this file too.

export const DEFAULT_PORT = 8420;

export const SYNC_PATH = '/sync';

/** The largest WebSocket message the server accepts; a larger one closes the connection (code 1009). */
export const WS_MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;

/**
 * The bytes a user may send the server per second, and at once (ADR 5); more closes the socket (4429).
 * The client paces what it sends in pieces below them (S19).
 */
export const USER_BYTES_PER_SECOND = 2 * 1024 * 1024;
export const USER_BYTE_BURST = 2 * WS_MAX_PAYLOAD_BYTES;

/**
 * The largest a document's encoded state may grow: the server refuses an update beyond it (ADR 18),
 * and a sync file declaring a larger document is refused (ADR 22).
 */
export const DOCUMENT_MAX_BYTES = 64 * 1024 * 1024;

export const API_PATHS = {
	health: '/api/health',
	config: '/api/config',
	ownerToken: '/api/owner-token',
	/** POST (moderation token): a join code for a workshop, a check round or a respondent.
	 *  GET /api/invitations/<code>: what the code is for (no token: the code is the secret). */
	invitations: '/api/invitations',
	/** POST: exchanges a join code for a scoped token. */
	join: '/api/join',
	/** POST (a joined participant's token): a one-time code that adds another device as the same person. */
	linkCodes: '/api/link-codes',
	/** GET ?scope=<prefix> lists joined devices; DELETE /api/devices/<id> removes one (moderation). */
	devices: '/api/devices',
	/** GET (moderation token): the laptop's network addresses, to pick the one the room uses. */
	network: '/api/network',
	/** GET: the self-test of a participant's device; the laptop notes that a device reached it. */
	ping: '/api/ping',
	/** GET (moderation token): when a device of the room last reached the laptop. */
	reachability: '/api/reachability',
	/** GET (no token, it reveals nothing): the server's clock, so a client can measure its offset. */
	time: '/api/time',
	/** POST (moderation token covering the scope): deletes a scope's documents for good (ADR 11). */
	deletions: '/api/deletions',
	/**
	 * PUT /api/blobs/<sha256>?doc=<board> (a token that writes the workshop board named): stores a
	 * cleaned photo; GET /api/blobs/<sha256>?doc=<document> (a token that reads a document of the same
	 * municipality): its bytes (ADR 20).
	 */
	blobs: '/api/blobs'
} as const;

/** The page a join code opens: `/join/<code>`. */
export const JOIN_PATH = '/join';

/** Error codes in HTTP JSON bodies (`{ "error": code }`) and WebSocket close reasons. */
export const ERROR_CODES = {
	notOwner: 'not_owner',
	unauthorized: 'unauthorized',
	tokenExpired: 'token_expired',
	forbidden: 'forbidden',
	forbiddenOrigin: 'forbidden_origin',
	notFound: 'not_found',
	methodNotAllowed: 'method_not_allowed',
	internal: 'internal',
	invalidRequest: 'invalid_request',
	bodyTooLarge: 'body_too_large',
	invalidCode: 'invalid_code',
	codeExpired: 'code_expired',
	deviceRevoked: 'device_revoked',
	rateLimited: 'rate_limited',
	tooManyDevices: 'too_many_devices',
	documentTooLarge: 'document_too_large',
	/** A participant's update wrote what they may not (server/SPEC.md W1–W15); nothing of it was applied. */
	writeRefused: 'write_refused',
	/**
	 * A participant's update would add more to a board than one person may (src/lib/sync/SPEC.md H6);
	 * nothing of it was applied.
	 */
	writeBudgetExceeded: 'write_budget_exceeded',
	/** The document was deleted for good (ADR 11); the device removes its copy. */
	documentDeleted: 'document_deleted',
	/** A deletion named no municipality, workshop, check round or respondent. */
	invalidScope: 'invalid_scope',
	/** A photo (blob) without bytes (src/lib/domain/photos/photo-file.ts). */
	photoEmpty: 'photo_empty',
	/** A photo larger than PHOTO_MAX_BYTES. */
	photoTooLarge: 'photo_too_large',
	/** A file that is no JPEG, PNG or WebP by its first bytes (a renamed program, a PDF). */
	photoUnsupportedType: 'photo_unsupported_type',
	/** A photo whose structure is broken or cut off. */
	photoDamaged: 'photo_damaged',
	/** A blob that still carries location or camera metadata: the client cleans before it sends. */
	photoHasMetadata: 'photo_has_metadata',
	/** A blob whose SHA-256 is not the one in its address. */
	blobHashMismatch: 'blob_hash_mismatch',
	/** The municipality's photos on this server would exceed its quota (server BLOB_QUOTA_MB). */
	blobQuotaExceeded: 'blob_quota_exceeded'
} as const;

/** WebSocket close codes (application range 4000–4999) with which the server ends a connection. */
export const CLOSE_CODES = {
	/** The token expired while connected; the client reconnects with a fresh one if it can get one. */
	tokenExpired: 4401,
	/** The device was removed by the facilitator; its token no longer works. */
	deviceRevoked: 4403,
	/**
	 * The document would grow beyond the server's limit; the update was not applied. Sent per document,
	 * as its close reason (`document_too_large`); the socket stays open and the client keeps its copy
	 * (src/lib/sync/SPEC.md S20).
	 */
	documentTooLarge: 4413,
	/**
	 * An update broke the board's write rules (server/SPEC.md); nothing of it was applied. Sent per
	 * document, as its close reason; the socket stays open.
	 */
	writeRefused: 4422,
	/**
	 * An update would add more to a board than the writer's byte budget allows (src/lib/sync/SPEC.md
	 * H6); nothing of it was applied. Sent per document, as its close reason; the socket stays open.
	 */
	writeBudgetExceeded: 4423,
	/** Too many messages or bytes from one user; nothing of the excess was applied. */
	rateLimited: 4429,
	/** The document was deleted for good (ADR 11); sent per document, as its close reason. */
	documentDeleted: 4410
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Why the server refused an update and closed that document (the app reloads it from the server). */
export type WriteRefusal = typeof ERROR_CODES.writeRefused | typeof ERROR_CODES.writeBudgetExceeded;

/** A browser's call of the HTTP API: the answer, or an error code ('unreachable': no answer came). */
export type ApiError = ErrorCode | 'unreachable';
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Body of POST /api/deletions: a scope of `src/lib/domain/deletion.ts`. */
export interface DeletionRequest {
	scope: string;
}

/** Answer of POST /api/deletions, sent once the deletion is durable. */
export interface DeletionResponse {
	scope: string;
	/** The documents the server had stored under the scope and deleted (none is not an error). */
	deleted: string[];
}

/** Answer of PUT /api/blobs/<sha256>: 201 when the blob is new to the server, 200 when it was there. */
export interface BlobUploadResponse {
	sha256: string;
	mediaType: string;
	bytes: number;
}

/** Answer of GET /api/config: what the browser needs to know about the server it talks to. */
export interface ServerInfo {
	mode: 'laptop' | 'central';
	version: string;
	operator: OperatorInfo;
	/** The central server this laptop is set up for (ws:// or wss:// origin), or null. */
	centralUrl: string | null;
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

/**
 * Answer of GET /api/time. Time shown to everyone (the countdown's `endsAt`) is in the server's clock
 * (ADR 8); a client estimates its offset as `now - (sentAt + receivedAt) / 2`.
 */
export interface ServerTimeResponse {
	/** The server's clock, milliseconds since the epoch. */
	now: number;
}

/** Answer of POST /api/owner-token. */
export interface OwnerTokenResponse {
	token: string;
	/** Expiry as milliseconds since the epoch. */
	expiresAt: number;
}

/** What a join code lets its holder become (ADR 6). */
export const INVITATION_KINDS = ['teilnahme', 'ansicht', 'co-moderation', 'respondent'] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

/** Body of POST /api/invitations. A respondent invitation names the round and the respondent. */
export interface InvitationRequest {
	kind: InvitationKind;
	ars: string;
	workshop?: string;
	round?: string;
	respondent?: string;
	/** The workshop's or round's title, shown to whoever joins. */
	label: string;
	/** For a respondent invitation: the respondent's pseudonymous label (their name in the round). */
	respondentLabel?: string;
}

/** GET /api/invitations/<code>: what a code is for, so the join page can ask the right questions. */
export interface InvitationPreview {
	kind: InvitationKind | 'device-link';
	ars: string;
	workshop: string | null;
	round: string | null;
	label: string;
	/** The name the device joins as, when the code fixes it (a device link, a respondent). */
	displayName: string | null;
	expiresAt: number;
}

export interface InvitationResponse {
	code: string;
	kind: InvitationKind;
	/** Milliseconds since the epoch. */
	expiresAt: number;
}

/** Body of POST /api/join. */
export interface JoinRequest {
	code: string;
	/** Required for teilnahme; optional for the others. */
	displayName?: string;
}

/** What a device keeps after joining, and what the join page shows. */
export interface JoinResponse {
	token: string;
	/** Milliseconds since the epoch. */
	expiresAt: number;
	kind: InvitationKind | 'device-link';
	role: 'moderation' | 'teilnahme' | 'ansicht' | 'respondent';
	/** The participant id (teilnahme), respondent id, or a device's own subject. */
	sub: string;
	deviceId: string;
	/** The document-name patterns the token covers (so the device knows which token opens what). */
	docs: string[];
	ars: string;
	workshop: string | null;
	round: string | null;
	respondent: string | null;
	label: string;
	displayName: string;
}

export interface LinkCodeResponse {
	code: string;
	expiresAt: number;
}

/** One joined device, as the facilitator sees it (GET /api/devices). */
export interface DeviceInfo {
	id: string;
	role: JoinResponse['role'];
	kind: JoinResponse['kind'];
	displayName: string;
	/**
	 * The participant id a teilnahme device writes under (its token's subject; a linked device shares
	 * it), null for every other role: the participants a reveal opens (ADR 15).
	 */
	participantId: string | null;
	/** Coarse product names from the User-Agent (never the full string), null when unknown. */
	platform: string | null;
	browser: string | null;
	joinedAt: number;
	lastSeenAt: number;
	online: boolean;
}

export interface NetworkAddress {
	/** The interface name (eth0, wlan0, …). */
	name: string;
	address: string;
}

export interface NetworkInfo {
	port: number;
	addresses: NetworkAddress[];
}

export interface ReachabilityInfo {
	/** When a device other than the laptop last reached it (ms since the epoch), or null. */
	lastContactAt: number | null;
	/** The addresses devices used, with the time of their last contact. */
	contacts: { address: string; at: number }[];
}
