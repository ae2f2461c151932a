// The layer rule of ARCHITECTURE.md: a layer imports only the layers above it. Each entry forbids, for the
// files of one layer, the layers below it and the libraries another layer owns. tests/unit/layers.test.ts
// proves with one fixture line per forbidden direction (static and lazy import) that each one fails the
// lint with its own message, and that no message here lacks such a line.

/** @typedef {{ regex: string; message: string }} ImportPattern */

/**
 * Matches an import of `$lib/<layer>/…` or a relative path through `…/<layer>/…`.
 * @param {string} name
 */
const layer = (name) => `^(\\$lib|\\.{1,2})(/.*)?/${name}(/|$)`;

const ORDER = [
	'util',
	'contract',
	'domain',
	'crdt',
	'storage',
	'sync',
	'state',
	'components',
	'routes'
];
/** @param {string} name */
const below = (name) => ORDER.slice(ORDER.indexOf(name) + 1).filter((l) => l !== 'routes');

/**
 * @param {string[]} layers
 * @param {string[]} packages
 * @param {string} why
 * @returns {ImportPattern[]}
 */
const forbid = (layers, packages, why) => [
	...layers.map((l) => ({ regex: layer(l), message: `${why}: must not import the ${l} layer.` })),
	...packages.map((p) => ({
		regex: `^${p.replace(/[$/]/g, (c) => `\\${c}`)}(/|$)`,
		message: `${why}: must not import ${p}.`
	}))
];

const UI_PACKAGES = ['svelte', '$app', '@sveltejs/kit'];
const DOC_PACKAGES = ['yjs', 'y-indexeddb', 'y-protocols', '@hocuspocus/provider'];

// Code shared with the server runs under plain Node (tsx), where the Vite alias $lib does not exist.
const SHARED = {
	regex: '^\\$lib(/|$)',
	message: 'shared with the server: import by relative path; $lib exists only in Vite.'
};

// no-restricted-imports does not look at `import()`, so a lazy import across layers gets the same
// patterns as an AST selector.
/** @param {ImportPattern} pattern */
const dynamicImport = ({ regex, message }) => ({
	selector: `ImportExpression[source.value=/${regex.replace(/(?<!\\)\//g, '\\/')}/]`,
	message
});

/**
 * @param {string[]} files
 * @param {ImportPattern[]} patterns forbidden as a static and as a lazy import
 * @param {ImportPattern[]} [staticOnly] forbidden as a static import only: allowed by `import()`
 */
const restrict = (files, patterns, staticOnly = []) => ({
	files,
	rules: {
		'no-restricted-imports': /** @type {const} */ ([
			'error',
			{ patterns: [...patterns, ...staticOnly] }
		]),
		'no-restricted-syntax': ['error', ...patterns.map(dynamicImport)]
	}
});

// Demo data (generators and the writer of the example workshop) sits beside the layers: it uses util,
// domain and crdt, and only the benchmarks, tests, the convergence harness and an `import()` on the
// facilitator's request load it, never a page's static graph (ADR 14).
const DEMO = 'demo';
/** @param {string} why */
const demoByImportOnly = (why) => [
	{ regex: layer(DEMO), message: `${why}: may import the demo layer only with import().` }
];

// The renderers of documents made for people (PDF, DOCX, XLSX) sit beside the layers too: they turn the
// domain's report structure into files, import only util and domain, and own the file libraries, which
// are large; state loads them with import() when a person asks for a file (ADR 19), and nothing else
// loads them at all.
const EXPORT = 'export';
const EXPORT_PACKAGES = ['pdfkit', 'docx', 'write-excel-file'];

/** @param {string} why */
const exportByImportOnly = (why) => [
	{ regex: layer(EXPORT), message: `${why}: may import the export layer only with import().` }
];

export const LAYER_RULES = [
	restrict(
		['src/lib/util/**'],
		forbid(
			[...below('util'), DEMO, EXPORT, 'ui', 'paraglide'],
			[...UI_PACKAGES, ...DOC_PACKAGES, 'dexie', ...EXPORT_PACKAGES],
			'util'
		).concat(SHARED)
	),
	// The contract between browser and server (paths, error and close codes, HTTP bodies): the server
	// and every client layer import it, so it imports nothing but util (ADR 4, ADR 12).
	restrict(
		['src/lib/contract/**'],
		forbid(
			[...below('contract'), DEMO, EXPORT, 'ui', 'paraglide'],
			[...UI_PACKAGES, ...DOC_PACKAGES, 'dexie', ...EXPORT_PACKAGES],
			'contract'
		).concat(SHARED)
	),
	restrict(
		['src/lib/domain/**'],
		forbid(
			[...below('domain'), DEMO, EXPORT, 'ui', 'paraglide'],
			[...UI_PACKAGES, ...DOC_PACKAGES, 'dexie', ...EXPORT_PACKAGES],
			'domain'
		).concat(SHARED)
	),
	restrict(
		['src/lib/crdt/**'],
		forbid(
			[...below('crdt'), DEMO, EXPORT, 'ui', 'paraglide'],
			[...UI_PACKAGES, 'y-indexeddb', '@hocuspocus/provider', 'dexie', ...EXPORT_PACKAGES],
			'crdt'
		).concat(SHARED)
	),
	restrict(
		['src/lib/storage/**'],
		forbid(
			[...below('storage'), DEMO, EXPORT, 'ui', 'paraglide'],
			[...UI_PACKAGES, ...DOC_PACKAGES, ...EXPORT_PACKAGES],
			'storage'
		)
	),
	restrict(
		['src/lib/sync/**'],
		forbid(
			[...below('sync'), EXPORT, 'ui', 'paraglide'],
			[...UI_PACKAGES, ...EXPORT_PACKAGES],
			'sync'
		),
		demoByImportOnly('sync')
	),
	restrict(['src/lib/state/**'], forbid(below('state'), EXPORT_PACKAGES, 'state'), [
		...demoByImportOnly('state'),
		...exportByImportOnly('state')
	]),
	restrict(
		['src/lib/ui/**'],
		forbid(
			['crdt', 'storage', 'sync', 'state', 'components', DEMO, EXPORT],
			['dexie', ...DOC_PACKAGES, ...EXPORT_PACKAGES],
			'ui'
		)
	),
	// Components and pages show state and call its methods; documents, local storage and the sync engine
	// stay behind the state layer, whose feature objects own every read and write (ADR 12).
	restrict(
		['src/lib/components/**'],
		forbid(
			['crdt', 'storage', 'sync', DEMO, EXPORT],
			['dexie', ...DOC_PACKAGES, ...EXPORT_PACKAGES],
			'components'
		)
	),
	restrict(
		['src/routes/**'],
		forbid(
			['crdt', 'storage', 'sync', DEMO, EXPORT],
			['dexie', ...DOC_PACKAGES, ...EXPORT_PACKAGES],
			'routes'
		)
	),
	restrict(
		['src/lib/demo/**'],
		forbid(
			['storage', 'sync', 'state', 'components', 'ui', 'paraglide', EXPORT],
			[...UI_PACKAGES, 'y-indexeddb', '@hocuspocus/provider', 'dexie', ...EXPORT_PACKAGES],
			'demo'
		).concat(SHARED)
	),
	restrict(
		['src/lib/export/**'],
		forbid(
			['crdt', 'storage', 'sync', 'state', 'components', 'ui', 'paraglide', DEMO],
			[...UI_PACKAGES, ...DOC_PACKAGES, 'dexie'],
			'export'
		).concat(SHARED)
	),
	restrict(
		['server/**'],
		[
			// server/ has folders of its own (e.g. server/storage), so only paths into src/lib count here.
			{
				regex: '(^|/)src/lib/(storage|sync|state|components|ui|paraglide)(/|$)',
				message: 'server: may import only util, contract, domain, crdt and demo.'
			},
			...forbid([], [...UI_PACKAGES, 'dexie', 'y-indexeddb', '@hocuspocus/provider'], 'server'),
			{
				regex: '^\\$lib(/|$)',
				message: 'server: import shared code by relative path; $lib exists only in Vite.'
			}
		]
	)
];
