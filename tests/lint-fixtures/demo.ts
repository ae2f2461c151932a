// lint-as: src/lib/demo/fixture.ts
// Every forbidden direction of the demo entry in eslint.layers.js, as a static and a lazy import,
// each with the message the rule must report on that line; `// ok` lines are allowed directions.
import '../storage/fixture-target'; // error: demo: must not import the storage layer.
void import('../storage/fixture-target'); // error: demo: must not import the storage layer.
import '../sync/fixture-target'; // error: demo: must not import the sync layer.
void import('../sync/fixture-target'); // error: demo: must not import the sync layer.
import '../state/fixture-target'; // error: demo: must not import the state layer.
void import('../state/fixture-target'); // error: demo: must not import the state layer.
import '../components/fixture-target'; // error: demo: must not import the components layer.
void import('../components/fixture-target'); // error: demo: must not import the components layer.
import '../ui/fixture-target'; // error: demo: must not import the ui layer.
void import('../ui/fixture-target'); // error: demo: must not import the ui layer.
import '../paraglide/fixture-target'; // error: demo: must not import the paraglide layer.
void import('../paraglide/fixture-target'); // error: demo: must not import the paraglide layer.
import 'svelte'; // error: demo: must not import svelte.
void import('svelte'); // error: demo: must not import svelte.
import '$app/navigation'; // error: demo: must not import $app.
void import('$app/navigation'); // error: demo: must not import $app.
import '@sveltejs/kit'; // error: demo: must not import @sveltejs/kit.
void import('@sveltejs/kit'); // error: demo: must not import @sveltejs/kit.
import 'y-indexeddb'; // error: demo: must not import y-indexeddb.
void import('y-indexeddb'); // error: demo: must not import y-indexeddb.
import '@hocuspocus/provider'; // error: demo: must not import @hocuspocus/provider.
void import('@hocuspocus/provider'); // error: demo: must not import @hocuspocus/provider.
import 'dexie'; // error: demo: must not import dexie.
void import('dexie'); // error: demo: must not import dexie.
import '$lib/domain/fixture-target'; // error: shared with the server: import by relative path; $lib exists only in Vite.
void import('$lib/domain/fixture-target'); // error: shared with the server: import by relative path; $lib exists only in Vite.
import '../util/fixture-target'; // ok
import '../domain/fixture-target'; // ok
import '../crdt/fixture-target'; // ok
import 'yjs'; // ok
import 'pure-rand'; // ok
import '../export/fixture-target'; // error: demo: must not import the export layer.
void import('../export/fixture-target'); // error: demo: must not import the export layer.
import 'pdfkit'; // error: demo: must not import pdfkit.
void import('pdfkit'); // error: demo: must not import pdfkit.
import 'docx'; // error: demo: must not import docx.
void import('docx'); // error: demo: must not import docx.
import 'write-excel-file'; // error: demo: must not import write-excel-file.
void import('write-excel-file'); // error: demo: must not import write-excel-file.
