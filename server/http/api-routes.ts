// The small HTTP API of API_PATHS. Answers are JSON; errors are `{ error: <ERROR_CODES value> }`, which
// the client turns into German messages.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
	API_PATHS,
	ERROR_CODES,
	type ErrorCode,
	type OwnerTokenResponse,
	type ServerInfo
} from '../../src/lib/sync/protocol';
import type { Logger } from '../logger';
import { hasProxyHeaders, isOwnerRequest } from '../owner';
import type { TokenService } from '../tokens';

/** The moderation scope of the laptop's owner: every municipality on this laptop. */
export const OWNER_DOC_PATTERNS = ['kommune/*/**'];

export interface ApiContext {
	info: ServerInfo;
	tokens: TokenService;
	trustLoopback: boolean;
	ownerTokenTtlSeconds: number;
	/** The port the server listens on (known only after listen() with port 0). */
	port: () => number;
	logger: Logger;
}

/** Handles the request if its path belongs to the API; false if it does not. */
export async function handleApiRequest(
	req: IncomingMessage,
	res: ServerResponse,
	path: string,
	ctx: ApiContext
): Promise<boolean> {
	if (path !== '/api' && !path.startsWith('/api/')) return false;
	// No endpoint reads a body yet; drain it so a keep-alive connection stays usable.
	req.resume();
	switch (path) {
		case API_PATHS.health:
			if (!allow(req, res, 'GET')) return true;
			sendJson(res, 200, { status: 'ok' });
			return true;
		case API_PATHS.config:
			if (!allow(req, res, 'GET')) return true;
			sendJson(res, 200, ctx.info);
			return true;
		case API_PATHS.ownerToken:
			if (!allow(req, res, 'POST')) return true;
			await issueOwnerToken(req, res, ctx);
			return true;
		default:
			sendError(res, 404, ERROR_CODES.notFound);
			return true;
	}
}

async function issueOwnerToken(req: IncomingMessage, res: ServerResponse, ctx: ApiContext) {
	const isOwner = isOwnerRequest({
		peerAddress: req.socket.remoteAddress,
		host: req.headers.host,
		origin: req.headers.origin,
		proxied: hasProxyHeaders(req.headers),
		port: ctx.port(),
		trustLoopback: ctx.trustLoopback
	});
	if (!isOwner) {
		ctx.logger.info({ event: 'owner_token_refused' }, 'owner token refused');
		return sendError(res, 403, ERROR_CODES.notOwner);
	}
	const { token, claims } = await ctx.tokens.issue({
		sub: 'owner',
		role: 'moderation',
		docs: OWNER_DOC_PATTERNS,
		ttlSeconds: ctx.ownerTokenTtlSeconds
	});
	ctx.logger.info({ event: 'owner_token_issued', exp: claims.exp }, 'owner token issued');
	const body: OwnerTokenResponse = { token, expiresAt: claims.exp * 1000 };
	sendJson(res, 200, body);
}

function allow(req: IncomingMessage, res: ServerResponse, method: 'GET' | 'POST'): boolean {
	if (req.method === method || (method === 'GET' && req.method === 'HEAD')) return true;
	res.setHeader('Allow', method === 'GET' ? 'GET, HEAD' : method);
	sendError(res, 405, ERROR_CODES.methodNotAllowed);
	return false;
}

export function sendError(res: ServerResponse, status: number, error: ErrorCode): void {
	sendJson(res, status, { error });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		// Tokens and live configuration must never come from a cache.
		'Cache-Control': 'no-store'
	});
	res.end(res.req.method === 'HEAD' ? undefined : text);
}
