// lint-as: src/lib/crdt/fixture.ts
// Every forbidden direction of the crdt entry in eslint.layers.js, as a static and a lazy import,
// each with the message the rule must report on that line; `// ok` lines are allowed directions.
import '../storage/fixture-target'; // error: crdt: must not import the storage layer.
void import('../storage/fixture-target'); // error: crdt: must not import the storage layer.
import '../sync/fixture-target'; // error: crdt: must not import the sync layer.
void import('../sync/fixture-target'); // error: crdt: must not import the sync layer.
import '../state/fixture-target'; // error: crdt: must not import the state layer.
void import('../state/fixture-target'); // error: crdt: must not import the state layer.
import '../components/fixture-target'; // error: crdt: must not import the components layer.
void import('../components/fixture-target'); // error: crdt: must not import the components layer.
import '../ui/fixture-target'; // error: crdt: must not import the ui layer.
void import('../ui/fixture-target'); // error: crdt: must not import the ui layer.
import '../paraglide/fixture-target'; // error: crdt: must not import the paraglide layer.
void import('../paraglide/fixture-target'); // error: crdt: must not import the paraglide layer.
import 'svelte'; // error: crdt: must not import svelte.
void import('svelte'); // error: crdt: must not import svelte.
import '$app/navigation'; // error: crdt: must not import $app.
void import('$app/navigation'); // error: crdt: must not import $app.
import '@sveltejs/kit'; // error: crdt: must not import @sveltejs/kit.
void import('@sveltejs/kit'); // error: crdt: must not import @sveltejs/kit.
import 'y-indexeddb'; // error: crdt: must not import y-indexeddb.
void import('y-indexeddb'); // error: crdt: must not import y-indexeddb.
import '@hocuspocus/provider'; // error: crdt: must not import @hocuspocus/provider.
void import('@hocuspocus/provider'); // error: crdt: must not import @hocuspocus/provider.
import 'dexie'; // error: crdt: must not import dexie.
void import('dexie'); // error: crdt: must not import dexie.
import '$lib/util/fixture-target'; // error: shared with the server: import by relative path; $lib exists only in Vite.
void import('$lib/util/fixture-target'); // error: shared with the server: import by relative path; $lib exists only in Vite.
import '../demo/fixture-target'; // error: crdt: must not import the demo layer.
void import('../demo/fixture-target'); // error: crdt: must not import the demo layer.
import 'yjs'; // ok
import '../domain/ids'; // ok
import '../export/fixture-target'; // error: crdt: must not import the export layer.
void import('../export/fixture-target'); // error: crdt: must not import the export layer.
import 'pdfkit'; // error: crdt: must not import pdfkit.
void import('pdfkit'); // error: crdt: must not import pdfkit.
import 'docx'; // error: crdt: must not import docx.
void import('docx'); // error: crdt: must not import docx.
import 'write-excel-file'; // error: crdt: must not import write-excel-file.
void import('write-excel-file'); // error: crdt: must not import write-excel-file.
