// Request bodies of the API are small JSON objects; anything larger or malformed is refused before it is
// parsed into memory.
import type { IncomingMessage } from 'node:http';

export const MAX_JSON_BODY_BYTES = 16 * 1024;

export type BodyResult =
	{ ok: true; value: unknown } | { ok: false; error: 'too_large' | 'invalid' };

export function readJsonBody(
	req: IncomingMessage,
	limit = MAX_JSON_BODY_BYTES
): Promise<BodyResult> {
	return new Promise((resolve) => {
		const declared = Number(req.headers['content-length'] ?? 0);
		if (declared > limit) {
			req.resume();
			return resolve({ ok: false, error: 'too_large' });
		}
		const chunks: Buffer[] = [];
		let size = 0;
		let done = false;
		const finish = (result: BodyResult) => {
			if (done) return;
			done = true;
			resolve(result);
		};
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) {
				// Keep reading into nowhere, so the answer still reaches the client.
				chunks.length = 0;
				return finish({ ok: false, error: 'too_large' });
			}
			if (!done) chunks.push(chunk);
		});
		req.on('end', () => {
			try {
				finish({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
			} catch {
				finish({ ok: false, error: 'invalid' });
			}
		});
		req.on('error', () => finish({ ok: false, error: 'invalid' }));
	});
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(req: IncomingMessage): string | null {
	const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,4096})$/.exec(req.headers.authorization ?? '');
	return match ? match[1]! : null;
}
