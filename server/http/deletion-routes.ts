// POST /api/deletions (ADR 11): a moderation token deletes a scope's documents for good. The token is
// checked like every managing endpoint's (signature, expiry, an active device); the body is bounded
// like theirs. The answer comes only after the deletion is durable.
//
// Centrally the route also answers other origins (CORS, ADR 11): a facilitator's laptop page deletes the
// scope there too before its local copy goes. Like the central sync socket's, the token alone decides:
// it travels in the Authorization header, never as a cookie, so a foreign page has nothing to borrow.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PATHS } from '../../src/lib/contract/protocol';
import type { DeletionService } from '../deletion';
import { readBody, send, withClaims, type JoinRoutesContext } from './join-routes';
import { allowMethod as allow } from './responses';

export interface DeletionRoutesContext extends JoinRoutesContext {
	deletions: DeletionService;
	/** Answer pages of any origin (the central server); the laptop answers only its own page. */
	crossOriginDeletions: boolean;
}

/** How long a browser may reuse the answer to a preflight (seconds). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** Handles the request if its path is the deletion endpoint; false if it is not. */
export async function handleDeletionRoute(
	req: IncomingMessage,
	res: ServerResponse,
	path: string,
	ctx: DeletionRoutesContext
): Promise<boolean> {
	if (path !== API_PATHS.deletions) return false;
	if (ctx.crossOriginDeletions) {
		res.setHeader('Access-Control-Allow-Origin', '*');
		if (req.method === 'OPTIONS') {
			req.resume();
			res.writeHead(204, {
				'Access-Control-Allow-Methods': 'POST',
				'Access-Control-Allow-Headers': 'authorization, content-type',
				'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
				'Content-Length': '0'
			});
			res.end();
			return true;
		}
	}
	if (!allow(req, res, 'POST')) return true;
	await withClaims(req, res, ctx, async (claims) => {
		const body = await readBody(req, res);
		if (body === undefined) return;
		send(res, await ctx.deletions.delete(claims, body), 200);
	});
	return true;
}
