// The small HTTP API of API_PATHS. Answers are JSON; errors are `{ error: <ERROR_CODES value> }`, which
// the client turns into German messages.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
	API_PATHS,
	ERROR_CODES,
	type OwnerTokenResponse,
	type ServerInfo,
	type ServerTimeResponse
} from '../../src/lib/contract/protocol';
import type { Logger } from '../logger';
import { hasProxyHeaders, isOwnerRequest } from '../owner';
import type { TokenService } from '../tokens';
import { handleBlobRoute, type BlobRoutesContext } from './blob-routes';
import { handleDeletionRoute, type DeletionRoutesContext } from './deletion-routes';
import { handleJoinRoute } from './join-routes';
import { allowMethod as allow, sendError, sendJson } from './responses';

/** The moderation scope of the laptop's owner: every municipality on this laptop. */
export const OWNER_DOC_PATTERNS = ['kommune/*/**'];

export interface ApiContext extends DeletionRoutesContext, BlobRoutesContext {
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
	if (await handleJoinRoute(req, res, path, ctx)) return true;
	if (await handleDeletionRoute(req, res, path, ctx)) return true;
	if (await handleBlobRoute(req, res, path, ctx)) return true;
	// The endpoints below read no body; drain it so a keep-alive connection stays usable.
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
		case API_PATHS.time: {
			// No token: the clock reveals nothing. sendJson sends Cache-Control: no-store, so no cache
			// (browser or service worker) answers with an old time.
			if (!allow(req, res, 'GET')) return true;
			const body: ServerTimeResponse = { now: Date.now() };
			sendJson(res, 200, body);
			return true;
		}
		case API_PATHS.ownerToken:
			if (!allow(req, res, 'POST')) return true;
			await issueOwnerToken(req, res, ctx);
			return true;
		default:
			sendError(res, 404, ERROR_CODES.notFound);
			return true;
	}
}

function isOwner(req: IncomingMessage, ctx: ApiContext): boolean {
	return isOwnerRequest({
		peerAddress: req.socket.remoteAddress,
		host: req.headers.host,
		origin: req.headers.origin,
		proxied: hasProxyHeaders(req.headers),
		port: ctx.port(),
		trustLoopback: ctx.trustLoopback
	});
}

async function issueOwnerToken(req: IncomingMessage, res: ServerResponse, ctx: ApiContext) {
	if (!isOwner(req, ctx)) {
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
