// The built PWA (adapter-static output) with caching that keeps updates safe: hashed assets under
// _app/immutable are cached for a year, everything else revalidates every time (no-cache + ETag), above
// all sw.js, 200.html and the manifest, so a new version is noticed and offered.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { contentSecurityPolicy, createScriptHashCache } from './security-headers';

export const SPA_FALLBACK = '/200.html';
const IMMUTABLE = 'public, max-age=31536000, immutable';

export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => void;

export function createStaticHandler(
	buildDir: string,
	centralSyncOrigin: string | null = null
): StaticHandler {
	const scriptHashes = createScriptHashCache();
	const serve = sirv(buildDir, {
		// Look files up on each request instead of listing them once at start: a build made while the
		// server runs (an update being tested) is served without a restart. The cost is one stat.
		dev: true,
		etag: true,
		setHeaders(res, pathname, stats) {
			res.setHeader(
				'Cache-Control',
				pathname.startsWith('/_app/immutable/') ? IMMUTABLE : 'no-cache'
			);
			if (pathname.endsWith('.html')) {
				const hashes = scriptHashes(join(buildDir, pathname), stats.mtimeMs);
				res.setHeader(
					'Content-Security-Policy',
					contentSecurityPolicy(hashes, res.req.headers.host, centralSyncOrigin)
				);
			}
		}
	});

	return (req, res) => {
		serve(req, res, () => {
			if (!isNavigation(req)) return notFound(res);
			// Deep links (/workshop/abc) are routes of the SPA: the fallback page boots the router.
			req.url = SPA_FALLBACK;
			serve(req, res, () => notFound(res));
		});
	};
}

/** A page load rather than a request for a file: a missing chunk must be a 404, never HTML. */
function isNavigation(req: IncomingMessage): boolean {
	if (req.method !== 'GET' && req.method !== 'HEAD') return false;
	const path = (req.url ?? '/').split('?')[0]!;
	if (path.startsWith('/_app/')) return false;
	if (req.headers['sec-fetch-mode'] === 'navigate') return true;
	if (req.headers.accept?.includes('text/html')) return true;
	const lastSegment = path.slice(path.lastIndexOf('/') + 1);
	return !lastSegment.includes('.');
}

function notFound(res: ServerResponse): void {
	res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
	res.end('Not found');
}
