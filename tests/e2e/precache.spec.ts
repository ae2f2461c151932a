import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';

// Workbox silently leaves out files that are too large or not matched by the glob patterns; then an
// offline page breaks on the first lazy import. Every built client file must be precached, except the
// service worker itself and its Workbox runtime.
const NOT_PRECACHED = [/^sw\.js$/, /^workbox-[\w-]+\.js$/, /\.map$/];

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

test('every file of the built client is in the service worker precache manifest', () => {
	const sw = readFileSync('build/sw.js', 'utf8');
	const precached = new Set([...sw.matchAll(/url:"([^"]+)"/g)].map((match) => match[1]!));
	expect(precached.size).toBeGreaterThan(10);

	const built = filesUnder('build')
		.map((path) => relative('build', path))
		.filter((path) => !NOT_PRECACHED.some((pattern) => pattern.test(path)));
	const missing = built.filter((path) => !precached.has(path));
	expect(missing).toEqual([]);
	expect(precached.has('200.html')).toBe(true);
});
