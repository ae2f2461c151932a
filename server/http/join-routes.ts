// The joining endpoints of API_PATHS (ADR 6). Every endpoint that manages access takes a bearer
// token and checks it like the sync socket does (signature, expiry, an active device); joining itself
// takes only a code. Answers are JSON; errors are `{ error: <ERROR_CODES value> }`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenClaims } from '../../src/lib/domain/access';
import { API_PATHS, ERROR_CODES, type NetworkInfo } from '../../src/lib/contract/protocol';
import type { DeviceRegistry, Result } from '../joining/device-registry';
import type { Reachability } from '../joining/reachability';
import type { Logger } from '../logger';
import type { TokenService } from '../tokens';
import { lanInterfaces } from './host-rules';
import { bearerToken, readJsonBody } from './request-body';
import { allowMethod as allow, sendError, sendJson } from './responses';

export interface JoinRoutesContext {
	tokens: TokenService;
	registry: DeviceRegistry;
	reachability: Reachability;
	port: () => number;
	/** Ends the open sync connections of a removed device. */
	onDeviceRemoved: (deviceId: string) => void;
	logger: Logger;
}

/** Handles the request if its path is a joining endpoint; false if it is not. */
export async function handleJoinRoute(
	req: IncomingMessage,
	res: ServerResponse,
	path: string,
	ctx: JoinRoutesContext
): Promise<boolean> {
	const devicePrefix = `${API_PATHS.devices}/`;
	switch (path) {
		case API_PATHS.invitations:
			if (!allow(req, res, 'POST')) return true;
			await withClaims(req, res, ctx, async (claims) => {
				const body = await readBody(req, res);
				if (body === undefined) return;
				const result = await ctx.registry.createInvitation(claims, body);
				if (result.ok) ctx.logger.info({ event: 'invitation_created', kind: result.value.kind });
				send(res, result, 201);
			});
			return true;
		case API_PATHS.join: {
			if (!allow(req, res, 'POST')) return true;
			const body = await readBody(req, res);
			if (body === undefined) return true;
			ctx.reachability.note(req.socket.localAddress);
			const result = await ctx.registry.join(body, req.headers['user-agent']);
			ctx.logger.info(
				result.ok
					? { event: 'device_joined', role: result.value.role, kind: result.value.kind }
					: { event: 'join_refused', reason: result.error }
			);
			send(res, result, 201);
			return true;
		}
		case API_PATHS.linkCodes:
			if (!allow(req, res, 'POST')) return true;
			req.resume();
			await withClaims(req, res, ctx, async (claims) =>
				send(res, await ctx.registry.createLinkCode(claims), 201)
			);
			return true;
		case API_PATHS.devices:
			if (!allow(req, res, 'GET')) return true;
			await withClaims(req, res, ctx, async (claims) => {
				const scope = new URL(req.url ?? '/', 'http://x').searchParams.get('scope') ?? '';
				send(res, await ctx.registry.listDevices(claims, scope), 200);
			});
			return true;
		case API_PATHS.network:
			if (!allow(req, res, 'GET')) return true;
			await asModerator(req, res, ctx, async () =>
				sendJson(res, 200, { port: ctx.port(), addresses: lanInterfaces() } satisfies NetworkInfo)
			);
			return true;
		case API_PATHS.ping:
			if (!allow(req, res, 'GET')) return true;
			ctx.reachability.note(req.socket.localAddress);
			sendJson(res, 200, { status: 'ok' });
			return true;
		case API_PATHS.reachability:
			if (!allow(req, res, 'GET')) return true;
			await asModerator(req, res, ctx, async () => sendJson(res, 200, ctx.reachability.read()));
			return true;
	}
	const invitationPrefix = `${API_PATHS.invitations}/`;
	if (path.startsWith(invitationPrefix)) {
		if (!allow(req, res, 'GET')) return true;
		ctx.reachability.note(req.socket.localAddress);
		// The code is plain ASCII; a percent sign means it is not a code (and must not throw a URIError).
		send(res, await ctx.registry.preview(path.slice(invitationPrefix.length)), 200);
		return true;
	}
	if (path.startsWith(devicePrefix)) {
		if (!allow(req, res, 'DELETE')) return true;
		req.resume();
		const id = path.slice(devicePrefix.length);
		await withClaims(req, res, ctx, async (claims) => {
			const result = await ctx.registry.removeDevice(claims, id);
			if (result.ok) {
				ctx.onDeviceRemoved(id);
				ctx.logger.info({ event: 'device_removed' }, 'device removed');
			}
			send(res, result, 200);
		});
		return true;
	}
	return false;
}

/** Runs `handle` with the verified claims of the request's bearer token, or answers 401. */
export async function withClaims(
	req: IncomingMessage,
	res: ServerResponse,
	ctx: JoinRoutesContext,
	handle: (claims: TokenClaims) => Promise<void>
): Promise<void> {
	const verified = await ctx.tokens.verify(bearerToken(req));
	if (!verified.ok) return sendError(res, 401, verified.error);
	const { jti } = verified.claims;
	if (jti !== undefined && !(await ctx.registry.isActive(jti))) {
		return sendError(res, 401, ERROR_CODES.deviceRevoked);
	}
	await handle(verified.claims);
}

/** The laptop's addresses and who reached it are for facilitators (any moderation token). */
function asModerator(
	req: IncomingMessage,
	res: ServerResponse,
	ctx: JoinRoutesContext,
	handle: () => Promise<void>
): Promise<void> {
	return withClaims(req, res, ctx, async (claims) => {
		if (claims.role !== 'moderation') return sendError(res, 403, ERROR_CODES.forbidden);
		await handle();
	});
}

/** The parsed JSON body, or undefined after answering 413/400. */
export async function readBody(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
	const body = await readJsonBody(req);
	if (body.ok) return body.value;
	if (body.error === 'too_large') sendError(res, 413, ERROR_CODES.bodyTooLarge);
	else sendError(res, 400, ERROR_CODES.invalidRequest);
	return undefined;
}

export function send<T>(res: ServerResponse, result: Result<T>, okStatus: number): void {
	if (result.ok) sendJson(res, okStatus, result.value);
	else sendError(res, result.status, result.error);
}
