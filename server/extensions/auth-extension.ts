// Every sync connection is token-only (ADR 5): the token's claims and the permission table of
// src/lib/domain/access.ts decide per document. 'none' refuses the document before any content is sent;
// 'read' makes the connection readOnly, so the server drops the client's updates (the UI is not trusted).
// A token issued through a join code names its device (jti) and works only while the device is registered.
// A token is checked again on every message: one that expired since the document was opened closes the
// socket with 4401 before the message is applied (H1 in src/lib/sync/SPEC.md; ADR 16).
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { accessFor, type Access, type TokenClaims } from '../../src/lib/domain/access';
import { CLOSE_CODES, ERROR_CODES } from '../../src/lib/contract/protocol';
import type { Logger } from '../logger';
import type { TokenService } from '../tokens';
import { SyncRejection } from './sync-rejection';

/** What the auth extension adds to the Hocuspocus connection context. */
export interface AuthContext {
	claims: TokenClaims;
	access: Exclude<Access, 'none'>;
}

/** The part of the device registry the socket needs: is a device still admitted, and who is online. */
export interface DeviceGate {
	isActive(deviceId: string): Promise<boolean>;
	connected(deviceId: string): void;
	disconnected(deviceId: string): void;
}

/** Whether this socket's user may go on (the rate budget, socket-meter.ts); called on each authentication. */
export type Admission = (context: unknown, claims: TokenClaims) => boolean;

/**
 * Thrown from beforeHandleMessage so Hocuspocus drops the message; the socket is already closing with
 * 4401. Hocuspocus prints what it catches to stderr, so it carries no message and a one-line stack.
 */
export class TokenExpiredWhileConnected extends Error {
	readonly code = CLOSE_CODES.tokenExpired;
	readonly reason = ERROR_CODES.tokenExpired;
	constructor() {
		super('');
		this.name = 'TokenExpiredWhileConnected';
		this.stack = this.name;
	}
}

export function createAuthExtension(
	tokens: TokenService,
	devices: DeviceGate,
	admit: Admission,
	logger: Logger,
	now: () => number = Date.now
): Extension {
	return {
		extensionName: 'kommunalwerkstatt-auth',
		async onAuthenticate({
			token,
			documentName,
			connectionConfig,
			context
		}: onAuthenticatePayload): Promise<AuthContext> {
			const verified = await tokens.verify(token);
			if (!verified.ok) {
				logger.info(
					{ event: 'sync_refused', documentName, reason: verified.error },
					'sync refused'
				);
				throw new SyncRejection(verified.error);
			}
			const { jti } = verified.claims;
			if (jti !== undefined && !(await devices.isActive(jti))) {
				logger.info(
					{ event: 'sync_refused', documentName, reason: ERROR_CODES.deviceRevoked },
					'sync refused'
				);
				throw new SyncRejection(ERROR_CODES.deviceRevoked);
			}
			const access = accessFor(verified.claims, documentName);
			if (access === 'none') {
				logger.info(
					{
						event: 'sync_refused',
						documentName,
						reason: ERROR_CODES.forbidden,
						role: verified.claims.role
					},
					'sync refused'
				);
				throw new SyncRejection(ERROR_CODES.forbidden);
			}
			// Last, so a refused token costs nothing: what the socket sent so far is charged to its user.
			if (!admit(context, verified.claims)) {
				logger.warn(
					{ event: 'sync_refused', documentName, reason: ERROR_CODES.rateLimited },
					'sync refused'
				);
				throw new SyncRejection(ERROR_CODES.rateLimited);
			}
			connectionConfig.readOnly = access === 'read';
			return { claims: verified.claims, access };
		},

		async beforeHandleMessage({ connection, context }) {
			const claims = (context as Partial<AuthContext> | undefined)?.claims;
			if (claims === undefined || claims.exp * 1000 > now()) return;
			connection.webSocket.close(CLOSE_CODES.tokenExpired, ERROR_CODES.tokenExpired);
			throw new TokenExpiredWhileConnected();
		},

		async connected({ documentName, context, connection }) {
			const { claims, access } = context as AuthContext;
			if (claims.jti !== undefined) {
				devices.connected(claims.jti);
				// Removed while this connection was being set up: the removal could not see it yet.
				if (!(await devices.isActive(claims.jti))) {
					connection.webSocket.close(CLOSE_CODES.deviceRevoked, ERROR_CODES.deviceRevoked);
					return;
				}
			}
			logger.info(
				{ event: 'sync_connected', documentName, role: claims.role, access },
				'sync connected'
			);
		},

		async onDisconnect({ documentName, clientsCount, context }) {
			const jti = (context as Partial<AuthContext> | undefined)?.claims?.jti;
			if (jti !== undefined) devices.disconnected(jti);
			logger.debug({ event: 'sync_disconnected', documentName, clientsCount }, 'sync disconnected');
		}
	};
}
