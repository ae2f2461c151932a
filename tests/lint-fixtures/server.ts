// lint-as: server/fixture.ts
// Every forbidden direction of the server entry in eslint.layers.js, as a static and a lazy import,
// each with the message the rule must report on that line; `// ok` lines are allowed directions.
import '../src/lib/storage/db'; // error: server: may import only util, contract, domain, crdt and demo.
void import('../src/lib/storage/db'); // error: server: may import only util, contract, domain, crdt and demo.
import '../src/lib/sync/protocol'; // error: server: may import only util, contract, domain, crdt and demo.
void import('../src/lib/sync/open-document'); // error: server: may import only util, contract, domain, crdt and demo.
import 'svelte'; // error: server: must not import svelte.
void import('svelte'); // error: server: must not import svelte.
import '$app/navigation'; // error: server: must not import $app.
void import('$app/navigation'); // error: server: must not import $app.
import '@sveltejs/kit'; // error: server: must not import @sveltejs/kit.
void import('@sveltejs/kit'); // error: server: must not import @sveltejs/kit.
import 'dexie'; // error: server: must not import dexie.
void import('dexie'); // error: server: must not import dexie.
import 'y-indexeddb'; // error: server: must not import y-indexeddb.
void import('y-indexeddb'); // error: server: must not import y-indexeddb.
import '@hocuspocus/provider'; // error: server: must not import @hocuspocus/provider.
void import('@hocuspocus/provider'); // error: server: must not import @hocuspocus/provider.
import '$lib/domain/ids'; // error: server: import shared code by relative path; $lib exists only in Vite.
void import('$lib/domain/ids'); // error: server: import shared code by relative path; $lib exists only in Vite.
import './storage/own-folder'; // ok
import '../src/lib/contract/protocol'; // ok
import '../src/lib/domain/ids'; // ok
