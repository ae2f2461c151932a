// JSON answers of the API, shared by its route modules.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ERROR_CODES, type ErrorCode } from '../../src/lib/contract/protocol';

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

/** True if the request uses `method` (GET also allows HEAD); otherwise answers 405 and returns false. */
export function allowMethod(
	req: IncomingMessage,
	res: ServerResponse,
	method: 'GET' | 'POST' | 'DELETE'
): boolean {
	if (req.method === method || (method === 'GET' && req.method === 'HEAD')) return true;
	// Drain a body we will not read, so a keep-alive connection stays usable.
	req.resume();
	res.setHeader('Allow', method === 'GET' ? 'GET, HEAD' : method);
	sendError(res, 405, ERROR_CODES.methodNotAllowed);
	return false;
}
