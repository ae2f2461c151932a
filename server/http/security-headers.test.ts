import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes } from './security-headers';

const sha = (text: string) =>
	`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('Content Security Policy', () => {
	it('hashes each inline script exactly as written and skips external scripts', () => {
		const boot = '\n\t\t\t{ __sveltekit_x = {}; }\n\t\t';
		const html = `<script type="module" src="/_app/a.js"></script><div><script>${boot}</script></div><SCRIPT>b()</SCRIPT>`;
		expect(inlineScriptHashes(html)).toEqual([sha(boot), sha('b()')]);
	});

	it('never puts an invalid Host header into the policy', () => {
		expect(contentSecurityPolicy([], "x; script-src 'unsafe-inline'")).toContain(
			"connect-src 'self';"
		);
		expect(contentSecurityPolicy([], 'kw-lan.test:8420')).toContain(
			"connect-src 'self' ws://kw-lan.test:8420 wss://kw-lan.test:8420;"
		);
	});

	it('lets the page reach the one central server set up, by socket and for deleting over https, and no other', () => {
		expect(contentSecurityPolicy([], 'kw-lan.test:8420', 'wss://zentral.example.de')).toContain(
			"connect-src 'self' ws://kw-lan.test:8420 wss://kw-lan.test:8420 wss://zentral.example.de https://zentral.example.de;"
		);
	});

	it('allows the whole central host when it sits behind a path prefix, so /kw/api/deletions is reachable too', () => {
		expect(
			contentSecurityPolicy([], 'kw-lan.test:8420', 'wss://zentral.example.de:8443/kw/sync')
		).toContain(
			"connect-src 'self' ws://kw-lan.test:8420 wss://kw-lan.test:8420 wss://zentral.example.de:8443 https://zentral.example.de:8443;"
		);
	});
});
