// The WebSocket sync endpoint on the shared HTTP server. We use Hocuspocus' core (handleConnection) with
// our own `ws` server instead of its Server class, so one port serves the app, the API and the socket,
// and we decide who may upgrade: only SYNC_PATH, only from this server's own origin, with a payload cap
// (Hocuspocus' default allows 100 MiB). Once a socket has authenticated, each of its messages is charged
// to its user's rate budget before Hocuspocus sees it (ADR 6).
//
// Before a socket has authenticated (H4, ADR 16): at most maxUnauthenticatedSockets such sockets exist
// (a further upgrade is answered 503), together they may have handed Hocuspocus at most
// maxUnauthenticatedBytes to queue, and each must authenticate within authenticationDeadlineMs. A frame
// for an address that has not sent its token yet is dropped, never queued: Hocuspocus would apply it once
// any token for that address succeeds. Our client sends its token first on every address; what it sent
// before (awareness, updates queued while offline) the sync handshake after authentication sends again.
// Nothing here is keyed by IP address: a room shares one.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CLOSE_CODES, ERROR_CODES, SYNC_PATH, type ErrorCode } from '../src/lib/contract/protocol';
import { FrameReader } from './extensions/frame-reader';
import { isAllowedOrigin, localAddresses, parseHostHeader } from './http/host-rules';
import type { Logger } from './logger';
import type { RateLimiter, RateLimits } from './rate-limit';
import { meterOf, newMeterContext, settleMeter, type SocketMeter } from './socket-meter';

export interface SyncEndpointOptions {
	httpServer: Server;
	hocuspocus: Hocuspocus;
	/** The port the server listens on (the Origin check compares it). */
	port: () => number;
	maxPayloadBytes: number;
	/** Accept sockets from pages of any origin (central mode); otherwise only from this server's own. */
	anyOrigin?: boolean;
	/** The limits of `limiter`: a socket may send one burst before it authenticates. */
	rateLimits: RateLimits;
	/** Per user, shared with the admission check in auth (socket-meter.ts). */
	limiter: RateLimiter;
	/** Limits on sockets that have not authenticated yet, all of them together (H4). */
	preAuthentication: PreAuthenticationLimits;
	logger: Logger;
}

export interface PreAuthenticationLimits {
	maxSockets: number;
	/** Bytes handed to Hocuspocus (which queues them) by all unauthenticated sockets together. */
	maxQueuedBytes: number;
	deadlineMs: number;
}

/** What the sockets that have not authenticated hold right now (the server's own meter). */
export interface PreAuthenticationLoad {
	sockets: number;
	queuedBytes: number;
}

export interface SyncEndpoint {
	/**
	 * Terminates every socket still open, including ones that never authenticated. Resolves when each
	 * has closed and Hocuspocus has handled the close, so no update can arrive afterwards.
	 */
	close(): Promise<void>;
	preAuthenticationLoad(): PreAuthenticationLoad;
}

export function attachSyncEndpoint(options: SyncEndpointOptions): SyncEndpoint {
	const { httpServer, hocuspocus, port, maxPayloadBytes, logger } = options;
	const wss = new WebSocketServer({ noServer: true, maxPayload: maxPayloadBytes });
	const { limiter } = options;
	const limits = options.preAuthentication;
	let closed = false;
	/** Sockets whose user is not known yet; each leaves the set once it authenticates or closes. */
	const unauthenticated = new Set<SocketMeter>();
	const forgetAuthenticated = () => {
		for (const meter of unauthenticated) if (meter.user !== null) unauthenticated.delete(meter);
	};
	const load = (): PreAuthenticationLoad => {
		forgetAuthenticated();
		let queuedBytes = 0;
		for (const meter of unauthenticated) queuedBytes += meter.queuedBytes;
		return { sockets: unauthenticated.size, queuedBytes };
	};

	httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
		socket.on('error', (error) =>
			logger.debug({ event: 'upgrade_socket_error', error: error.message })
		);
		// Shutting down: a socket opened now could bring edits after the last store.
		if (closed) return void socket.destroy();
		const path = (req.url ?? '/').split('?')[0];
		if (path !== SYNC_PATH) return refuseUpgrade(socket, 404, ERROR_CODES.notFound);
		const allowed =
			options.anyOrigin === true ||
			isAllowedOrigin({
				origin: req.headers.origin,
				host: req.headers.host,
				port: port(),
				localAddresses: localAddresses()
			});
		if (!allowed) {
			logger.warn(
				{ event: 'upgrade_refused', reason: ERROR_CODES.forbiddenOrigin },
				'foreign origin'
			);
			return refuseUpgrade(socket, 403, ERROR_CODES.forbiddenOrigin);
		}
		if (load().sockets >= limits.maxSockets) {
			logger.warn(
				{ event: 'upgrade_refused', reason: ERROR_CODES.rateLimited },
				'too many sockets without authentication'
			);
			return refuseUpgrade(socket, 503, ERROR_CODES.rateLimited);
		}
		wss.handleUpgrade(req, socket, head, (ws) => (closed ? ws.terminate() : connect(ws, req)));
	});

	function connect(ws: WebSocket, req: IncomingMessage): void {
		const context = newMeterContext();
		const meter = meterOf(context)!;
		unauthenticated.add(meter);
		/**
		 * Addresses whose token is being checked, with the bytes handed on for each; only their frames
		 * reach Hocuspocus before authentication. An address leaves when the server refuses its token
		 * (Hocuspocus drops what it queued for it).
		 */
		const announced = new Map<string, number>();
		observeRefusals(ws, (address) => {
			if (meter.user !== null) return;
			meter.queuedBytes -= announced.get(address) ?? 0;
			announced.delete(address);
		});
		const deadline = setTimeout(() => {
			if (meter.user !== null || ws.readyState !== ws.OPEN) return;
			logger.info(
				{ event: 'sync_refused', reason: ERROR_CODES.unauthorized },
				'sync refused: no authentication in time'
			);
			ws.close(1008, ERROR_CODES.unauthorized);
		}, limits.deadlineMs);
		const client = hocuspocus.handleConnection(ws, toFetchRequest(req), context);
		const refuse = (role: string | null, bytes: number) => {
			logger.warn(
				{ event: 'rate_limited', role, messageBytes: bytes },
				'connection closed: rate limit'
			);
			ws.close(CLOSE_CODES.rateLimited, ERROR_CODES.rateLimited);
		};
		ws.on('message', (data: RawData, isBinary: boolean) => {
			// Closing (a limit, Hocuspocus, shutdown): frames still in flight are not applied.
			if (ws.readyState !== ws.OPEN) return;
			// The Yjs protocol is binary; text frames come from something that is not our client.
			if (!isBinary) return ws.close(1003, ERROR_CODES.forbidden);
			const message = toUint8Array(data);
			// Our document names and session ids are far shorter; a longer address only costs decoding
			// (Hocuspocus decodes it several times and echoes it) and would be logged (H3).
			if (addressLengthOf(message) > MAX_ADDRESS_BYTES) {
				logger.info(
					{
						event: 'sync_refused',
						reason: ERROR_CODES.invalidRequest,
						addressBytes: addressLengthOf(message)
					},
					'sync refused: address too long'
				);
				return ws.close(1008, ERROR_CODES.invalidRequest);
			}
			const user = meter.user;
			if (!user) {
				// Before authentication: counted, capped at one burst, charged when the user is known.
				meter.unpaidMessages += 1;
				meter.unpaidBytes += message.byteLength;
				const { messageBurst, byteBurst } = options.rateLimits;
				if (meter.unpaidMessages > messageBurst || meter.unpaidBytes > byteBurst) {
					return refuse(null, message.byteLength);
				}
				const head = frameHead(message);
				if (head === null) return;
				const queued = announced.get(head.address);
				if (queued === undefined && head.type !== MESSAGE_AUTH) return;
				if (load().queuedBytes + message.byteLength > limits.maxQueuedBytes) {
					return refuse(null, message.byteLength);
				}
				announced.set(head.address, (queued ?? 0) + message.byteLength);
				meter.queuedBytes += message.byteLength;
				return client.handleMessage(message);
			}
			if (!limiter.take(user.key, message.byteLength)) {
				return refuse(user.role, message.byteLength);
			}
			client.handleMessage(message);
		});
		ws.on('close', (code: number, reason: Buffer) => {
			clearTimeout(deadline);
			unauthenticated.delete(meter);
			settleMeter(limiter, meter);
			client.handleClose({ code, reason: reason.toString() });
			limiter.prune();
		});
		// ws closes the socket itself after an error (e.g. 1009 for a message above maxPayload).
		ws.on('error', (error: Error & { code?: string }) => {
			logger.warn(
				{ event: 'socket_error', code: error.code, error: error.message },
				'socket error'
			);
		});
	}

	return {
		preAuthenticationLoad: load,
		async close() {
			closed = true;
			const sockets = [...wss.clients];
			const allClosed = sockets.map(
				(ws) => new Promise<void>((resolve) => ws.once('close', () => resolve()))
			);
			for (const ws of sockets) ws.terminate();
			wss.close();
			await Promise.all(allClosed);
		}
	};
}

/** The longest frame address (document name, NUL, session id) passed on to Hocuspocus, in bytes. */
export const MAX_ADDRESS_BYTES = 1024;

/** The byte length of a frame's address; NaN if the frame does not even hold one. */
function addressLengthOf(message: Uint8Array): number {
	return new FrameReader(message).readVarUint();
}

/** Hocuspocus' message type of an authentication (its MessageType.Auth). */
const MESSAGE_AUTH = 2;

/** Hocuspocus' answer to a refused token (its AuthMessageType.PermissionDenied). */
const AUTH_PERMISSION_DENIED = 1;

/** Calls `refused` with the address of every token refusal the server sends on this socket. */
function observeRefusals(ws: WebSocket, refused: (address: string) => void): void {
	const send = ws.send.bind(ws) as (data: unknown, ...rest: unknown[]) => void;
	(ws as unknown as { send: typeof send }).send = (data, ...rest) => {
		if (data instanceof Uint8Array) {
			const head = frameHead(data);
			if (head?.type === MESSAGE_AUTH && head.subtype === AUTH_PERMISSION_DENIED) {
				refused(head.address);
			}
		}
		send(data, ...rest);
	};
}

/** A frame's address (as bytes, in a string) and message type; null if it holds neither. */
function frameHead(message: Uint8Array): { address: string; type: number; subtype: number } | null {
	const reader = new FrameReader(message);
	const length = reader.readVarUint();
	if (Number.isNaN(length) || reader.pos + length > message.length) return null;
	const address = Buffer.from(message.buffer, message.byteOffset + reader.pos, length).toString(
		'latin1'
	);
	reader.pos += length;
	const type = reader.readVarUint();
	return Number.isNaN(type) ? null : { address, type, subtype: reader.readVarUint() };
}

const STATUS_TEXT = { 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' } as const;

function refuseUpgrade(socket: Duplex, status: 403 | 404 | 503, error: ErrorCode): void {
	const body = JSON.stringify({ error });
	const reason = STATUS_TEXT[status];
	socket.end(
		`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
			`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
	);
}

/** Hocuspocus hands hooks a web Request (headers, URL parameters). */
function toFetchRequest(req: IncomingMessage): Request {
	const headers = new Headers();
	for (const [name, value] of Object.entries(req.headers)) {
		if (value === undefined) continue;
		headers.set(name, Array.isArray(value) ? value.join(', ') : value);
	}
	const host = parseHostHeader(req.headers.host) ? req.headers.host : 'localhost';
	try {
		return new Request(`http://${host}${req.url ?? '/'}`, { headers });
	} catch {
		return new Request(`http://${host}${SYNC_PATH}`, { headers });
	}
}

function toUint8Array(data: RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
