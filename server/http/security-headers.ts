// The Content Security Policy is an HTTP header (ADR 5), so the server can tailor it to the host
// the page was loaded from. SvelteKit's SPA fallback boots with an inline <script>; instead of
// 'unsafe-inline' we allow exactly that script by its hash, computed from the file being served.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseHostHeader } from './host-rules';

/** Headers for every response. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer'
};

/** 'sha256-…' sources for the inline scripts of one HTML text, in document order. */
export function inlineScriptHashes(html: string): string[] {
	const hashes: string[] = [];
	for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
		const [, attributes = '', body = ''] = match;
		if (/\bsrc\s*=/i.test(attributes) || body.length === 0) continue;
		hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
	}
	return hashes;
}

/**
 * Hashes of an HTML file's inline scripts, recomputed only when the file changes, so a rebuild while the
 * server runs gets a matching policy without a restart.
 */
export function createScriptHashCache(): (path: string, mtimeMs: number) => string[] {
	const cache = new Map<string, { mtimeMs: number; hashes: string[] }>();
	return (path, mtimeMs) => {
		const cached = cache.get(path);
		if (cached?.mtimeMs === mtimeMs) return cached.hashes;
		const hashes = inlineScriptHashes(readFileSync(path, 'utf8'));
		cache.set(path, { mtimeMs, hashes });
		return hashes;
	};
}

/** The policy for an HTML response to a request with this Host header. */
export function contentSecurityPolicy(
	scriptHashes: readonly string[],
	host: string | undefined,
	centralSyncOrigin: string | null = null
): string {
	const parsed = parseHostHeader(host);
	// 'self' covers ws: of the same host in CSP 3; the explicit source helps older engines (Safari).
	// The central server the facilitator syncs to is the only other place the page may connect to: its
	// socket, and its deletion endpoint over http(s) (ADR 11). Origins without a path: a source with a
	// path would allow that path only, and a server behind a prefix serves both under it (/kw/sync,
	// /kw/api/deletions).
	const socket =
		(parsed ? ` ws://${host} wss://${host}` : '') +
		(centralSyncOrigin
			? ` ${socketOriginOf(centralSyncOrigin)} ${httpOriginOf(centralSyncOrigin)}`
			: '');
	return [
		"default-src 'self'",
		`script-src 'self'${scriptHashes.map((h) => ` ${h}`).join('')}`,
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: blob:",
		"font-src 'self'",
		`connect-src 'self'${socket}`,
		"worker-src 'self'",
		"manifest-src 'self'",
		"object-src 'none'",
		"frame-ancestors 'none'",
		"base-uri 'self'",
		"form-action 'self'"
	].join('; ');
}

/** wss://host for wss://host/kw/sync, ws://host for ws://host/…. */
const socketOriginOf = (socketUrl: string): string => {
	const { protocol, host } = new URL(socketUrl);
	return `${protocol}//${host}`;
};

/** https://host for wss://host/kw/sync, http://host for ws://host/…. */
export const httpOriginOf = (socketUrl: string): string =>
	socketOriginOf(socketUrl).replace(/^ws/, 'http');
