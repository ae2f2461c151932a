// POST /api/deletions (ADR 11): a moderation token deletes a scope's documents for good. The token is
// checked like every managing endpoint's (signature, expiry, an active device); the body is bounded
// like theirs. The answer comes only after the deletion is durable.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PATHS } from '../../src/lib/sync/protocol';
import type { DeletionService } from '../deletion';
import { readBody, send, withClaims, type JoinRoutesContext } from './join-routes';
import { allowMethod as allow } from './responses';

export interface DeletionRoutesContext extends JoinRoutesContext {
	deletions: DeletionService;
}

/** Handles the request if its path is the deletion endpoint; false if it is not. */
export async function handleDeletionRoute(
	req: IncomingMessage,
	res: ServerResponse,
	path: string,
	ctx: DeletionRoutesContext
): Promise<boolean> {
	if (path !== API_PATHS.deletions) return false;
	if (!allow(req, res, 'POST')) return true;
	await withClaims(req, res, ctx, async (claims) => {
		const body = await readBody(req, res);
		if (body === undefined) return;
		send(res, await ctx.deletions.delete(claims, body), 200);
	});
	return true;
}
