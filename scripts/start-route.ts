// The JavaScript the start route `/` loads before its first paint, read from the build (ADR 14): the
// client entries, the root layout, the root error page and the start page, with every chunk they import
// statically, following the Vite manifest of `vite build`. An `import()` is not followed: it loads on
// first use. Used by the build test (tests/build/start-route.test.ts) and `npm run bench`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const CLIENT_OUTPUT = '.svelte-kit/output/client';
const MANIFEST = join(CLIENT_OUTPUT, '.vite/manifest.json');
/** SvelteKit's route nodes; 0 is always the root layout and 1 the root error page. */
const NODES = '.svelte-kit/generated/client-optimized/nodes';

interface ManifestChunk {
	file: string;
	name?: string;
	src?: string;
	isEntry?: boolean;
	imports?: string[];
}

export interface BuiltChunk {
	/** The chunk's path in the build, e.g. `_app/immutable/chunks/abc.js`. */
	file: string;
	code: string;
	gzipBytes: number;
}

function readManifest(root: string): Record<string, ManifestChunk> {
	const path = join(root, MANIFEST);
	if (!existsSync(path)) throw new Error(`${MANIFEST} is missing: run \`npx vite build\` first.`);
	return JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
}

function readChunk(root: string, file: string): BuiltChunk {
	const code = readFileSync(join(root, CLIENT_OUTPUT, file), 'utf8');
	return { file, code, gzipBytes: gzipSync(code).length };
}

/** The generated node that renders `src/routes/+page.svelte`, the start page. */
function startPageNode(root: string): string {
	const dir = join(root, NODES);
	const node = readdirSync(dir).find((name) =>
		readFileSync(join(dir, name), 'utf8').includes('/src/routes/+page.svelte"')
	);
	if (node === undefined) throw new Error(`no node in ${NODES} renders src/routes/+page.svelte`);
	return `${NODES}/${node}`;
}

/** The chunks `/` loads before its first paint, each once, in the order they are reached. */
export function startRouteChunks(root = '.'): BuiltChunk[] {
	const manifest = readManifest(root);
	const clientEntries = Object.keys(manifest).filter(
		(key) => manifest[key]?.isEntry && manifest[key].name?.startsWith('entry/')
	);
	const roots = [...clientEntries, `${NODES}/0.js`, `${NODES}/1.js`, startPageNode(root)];
	const reached = new Set<string>();
	const queue = [...roots];
	for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
		if (reached.has(key)) continue;
		const chunk = manifest[key];
		if (chunk === undefined) throw new Error(`${key} is not in ${MANIFEST}`);
		reached.add(key);
		queue.push(...(chunk.imports ?? []));
	}
	return [...reached].map((key) => readChunk(root, manifest[key]!.file));
}

/** ADR 14's goal for the JavaScript the start route loads, gzip; the build test holds the build to it. */
export const START_ROUTE_BUDGET_BYTES = 100 * 1024;

/** Every JavaScript chunk of the client build, whether loaded at once or on first use. */
export function allClientChunks(root = '.'): BuiltChunk[] {
	const files = new Set(Object.values(readManifest(root)).map((chunk) => chunk.file));
	return [...files].filter((file) => file.endsWith('.js')).map((file) => readChunk(root, file));
}

/**
 * A string each package's code keeps through minification and that no other code holds: Yjs' guard
 * against being loaded twice, and a property name of y-indexeddb's IndexeddbPersistence. The build test
 * checks that the installed package still holds it and that the build does, so a new version that drops
 * it fails the test instead of passing it unseen.
 */
export const DOCUMENT_ENGINE_MARKERS = [
	{ pkg: 'yjs', marker: '__ $YJS$ __', source: 'node_modules/yjs/dist/yjs.mjs' },
	{
		pkg: 'y-indexeddb',
		marker: '_storeTimeoutId',
		source: 'node_modules/y-indexeddb/src/y-indexeddb.js'
	}
] as const;

/** The packages of the document engine whose code is in `chunk`. */
export function documentEngineIn(chunk: BuiltChunk): string[] {
	return DOCUMENT_ENGINE_MARKERS.filter(({ marker }) => chunk.code.includes(marker)).map(
		({ pkg }) => pkg
	);
}
