// Where the sync connection gets the laptop owner's token: the owner's browser asks the loopback-only
// endpoint (ADR 5); everyone else gets 403 not_owner, and device-token-source.ts falls back to the token
// the device received by joining with a code (ADR 6). Failures are remembered so a missing server costs
// one request per backoff step, never a loop of requests or console messages.

import { API_PATHS, ERROR_CODES, type OwnerTokenResponse } from '../contract/protocol';

export type TokenState = 'unknown' | 'available' | 'denied' | 'unreachable';

export interface TokenSource {
	/** A valid token for the named document, or null when none can be had right now. Never rejects. */
	getToken(documentName?: string): Promise<string | null>;
	readonly state: TokenState;
	/**
	 * The server refused the token for the named document (`reason`: its error code); forget it, so the
	 * next call fetches a new one.
	 */
	invalidate(documentName?: string, reason?: string): void;
}

export interface OwnerTokenSourceOptions {
	fetch?: typeof fetch;
	url?: string;
	now?: () => number;
	/** Renew this long before expiry, so a reconnect never presents an expired token. */
	refreshMarginMs?: number;
	/**
	 * The host name this page was opened under. The server gives the owner's token only to a request
	 * for `localhost:<port>` from loopback (ADR 5), so a page opened under any other name (a phone on the
	 * room's network, the central server) does not ask: the refusal would only log a 403 on every load.
	 */
	pageHost?: string;
	/** First wait after the server was unreachable; doubles up to `maxRetryDelayMs`. */
	retryDelayMs?: number;
	maxRetryDelayMs?: number;
}

const isTokenResponse = (body: unknown): body is OwnerTokenResponse =>
	typeof body === 'object' &&
	body !== null &&
	typeof (body as OwnerTokenResponse).token === 'string' &&
	(body as OwnerTokenResponse).token.length > 0 &&
	typeof (body as OwnerTokenResponse).expiresAt === 'number';

export function createOwnerTokenSource(options: OwnerTokenSourceOptions = {}): TokenSource {
	const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
	const url = options.url ?? API_PATHS.ownerToken;
	const now = options.now ?? Date.now;
	const margin = options.refreshMarginMs ?? 60_000;
	const firstDelay = options.retryDelayMs ?? 2_000;
	const maxDelay = options.maxRetryDelayMs ?? 60_000;

	const pageHost = options.pageHost ?? globalThis.location?.hostname;
	let state: TokenState =
		pageHost === undefined || pageHost.toLowerCase() === 'localhost' ? 'unknown' : 'denied';
	let cached: { token: string; refreshAt: number } | null = null;
	let inFlight: Promise<string | null> | null = null;
	let retryAt = 0;
	let delay = firstDelay;

	const unreachable = (): null => {
		state = 'unreachable';
		retryAt = now() + delay;
		delay = Math.min(delay * 2, maxDelay);
		return null;
	};

	async function request(): Promise<string | null> {
		let response: Response;
		try {
			response = await doFetch(url, {
				method: 'POST',
				credentials: 'same-origin',
				headers: { accept: 'application/json' }
			});
		} catch {
			return unreachable();
		}
		const body: unknown = await response.json().catch(() => null);
		if (
			response.status === 403 &&
			(body as { error?: string } | null)?.error === ERROR_CODES.notOwner
		) {
			// Whether this browser is the owner does not change while the page lives.
			state = 'denied';
			return null;
		}
		if (!response.ok || !isTokenResponse(body) || body.expiresAt <= now()) return unreachable();
		// A short-lived token is renewed at half its lifetime rather than never being fresh.
		const lifetime = body.expiresAt - now();
		cached = { token: body.token, refreshAt: now() + Math.max(lifetime - margin, lifetime / 2) };
		state = 'available';
		delay = firstDelay;
		return body.token;
	}

	return {
		get state() {
			return state;
		},
		getToken() {
			if (cached !== null && now() < cached.refreshAt) return Promise.resolve(cached.token);
			if (state === 'denied' || now() < retryAt) return Promise.resolve(null);
			inFlight ??= request().finally(() => {
				inFlight = null;
			});
			return inFlight;
		},
		invalidate() {
			cached = null;
			if (state === 'available') state = 'unknown';
		}
	};
}
