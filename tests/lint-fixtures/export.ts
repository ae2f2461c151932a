// lint-as: src/lib/export/fixture.ts
// Every forbidden direction of the export entry in eslint.layers.js, as a static and a lazy import,
// each with the message the rule must report on that line; `// ok` lines are allowed directions.
import '../crdt/fixture-target'; // error: export: must not import the crdt layer.
void import('../crdt/fixture-target'); // error: export: must not import the crdt layer.
import '../storage/fixture-target'; // error: export: must not import the storage layer.
void import('../storage/fixture-target'); // error: export: must not import the storage layer.
import '../sync/fixture-target'; // error: export: must not import the sync layer.
void import('../sync/fixture-target'); // error: export: must not import the sync layer.
import '../state/fixture-target'; // error: export: must not import the state layer.
void import('../state/fixture-target'); // error: export: must not import the state layer.
import '../components/fixture-target'; // error: export: must not import the components layer.
void import('../components/fixture-target'); // error: export: must not import the components layer.
import '../ui/fixture-target'; // error: export: must not import the ui layer.
void import('../ui/fixture-target'); // error: export: must not import the ui layer.
import '../paraglide/fixture-target'; // error: export: must not import the paraglide layer.
void import('../paraglide/fixture-target'); // error: export: must not import the paraglide layer.
import '../demo/fixture-target'; // error: export: must not import the demo layer.
void import('../demo/fixture-target'); // error: export: must not import the demo layer.
import 'svelte'; // error: export: must not import svelte.
void import('svelte'); // error: export: must not import svelte.
import '$app/navigation'; // error: export: must not import $app.
void import('$app/navigation'); // error: export: must not import $app.
import '@sveltejs/kit'; // error: export: must not import @sveltejs/kit.
void import('@sveltejs/kit'); // error: export: must not import @sveltejs/kit.
import 'yjs'; // error: export: must not import yjs.
void import('yjs'); // error: export: must not import yjs.
import 'y-indexeddb'; // error: export: must not import y-indexeddb.
void import('y-indexeddb'); // error: export: must not import y-indexeddb.
import 'y-protocols'; // error: export: must not import y-protocols.
void import('y-protocols'); // error: export: must not import y-protocols.
import '@hocuspocus/provider'; // error: export: must not import @hocuspocus/provider.
void import('@hocuspocus/provider'); // error: export: must not import @hocuspocus/provider.
import 'dexie'; // error: export: must not import dexie.
void import('dexie'); // error: export: must not import dexie.
import '$lib/domain/fixture-target'; // error: shared with the server: import by relative path; $lib exists only in Vite.
void import('$lib/domain/fixture-target'); // error: shared with the server: import by relative path; $lib exists only in Vite.
import '../util/fixture-target'; // ok
import '../domain/fixture-target'; // ok
import 'pdfkit'; // ok
import 'docx'; // ok
import 'write-excel-file'; // ok
