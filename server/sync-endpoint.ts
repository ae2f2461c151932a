// The WebSocket sync endpoint on the shared HTTP server. We use Hocuspocus' core (handleConnection) with
// our own `ws` server instead of its Server class, so one port serves the app, the API and the socket,
// and we decide who may upgrade: only SYNC_PATH, only from this server's own origin, with a payload cap
// (Hocuspocus' default allows 100 MiB, RELIABILITY.md §1). Once a socket has authenticated, each of its
// messages is charged to its user's rate budget before Hocuspocus sees it (DESIGN.md §6).
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CLOSE_CODES, ERROR_CODES, SYNC_PATH, type ErrorCode } from '../src/lib/sync/protocol';
import { FrameReader } from './extensions/frame-reader';
import { isAllowedOrigin, localAddresses, parseHostHeader } from './http/host-rules';
import type { Logger } from './logger';
import type { RateLimiter, RateLimits } from './rate-limit';
import { meterOf, newMeterContext, settleMeter } from './socket-meter';

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
	logger: Logger;
}

export interface SyncEndpoint {
	/**
	 * Terminates every socket still open, including ones that never authenticated. Resolves when each
	 * has closed and Hocuspocus has handled the close, so no update can arrive afterwards.
	 */
	close(): Promise<void>;
}

export function attachSyncEndpoint(options: SyncEndpointOptions): SyncEndpoint {
	const { httpServer, hocuspocus, port, maxPayloadBytes, logger } = options;
	const wss = new WebSocketServer({ noServer: true, maxPayload: maxPayloadBytes });
	const { limiter } = options;
	let closed = false;

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
		wss.handleUpgrade(req, socket, head, (ws) => (closed ? ws.terminate() : connect(ws, req)));
	});

	function connect(ws: WebSocket, req: IncomingMessage): void {
		const context = newMeterContext();
		const meter = meterOf(context)!;
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
				return client.handleMessage(message);
			}
			if (!limiter.take(user.key, message.byteLength)) {
				return refuse(user.role, message.byteLength);
			}
			client.handleMessage(message);
		});
		ws.on('close', (code: number, reason: Buffer) => {
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

function refuseUpgrade(socket: Duplex, status: 403 | 404, error: ErrorCode): void {
	const body = JSON.stringify({ error });
	const reason = status === 403 ? 'Forbidden' : 'Not Found';
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
