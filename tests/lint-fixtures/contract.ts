// lint-as: src/lib/contract/fixture.ts
// Every forbidden direction of the contract entry in eslint.layers.js, as a static and a lazy import,
// each with the message the rule must report on that line; `// ok` lines are allowed directions.
import '../domain/fixture-target'; // error: contract: must not import the domain layer.
void import('../domain/fixture-target'); // error: contract: must not import the domain layer.
import '../crdt/fixture-target'; // error: contract: must not import the crdt layer.
void import('../crdt/fixture-target'); // error: contract: must not import the crdt layer.
import '../storage/fixture-target'; // error: contract: must not import the storage layer.
void import('../storage/fixture-target'); // error: contract: must not import the storage layer.
import '../sync/fixture-target'; // error: contract: must not import the sync layer.
void import('../sync/fixture-target'); // error: contract: must not import the sync layer.
import '../state/fixture-target'; // error: contract: must not import the state layer.
void import('../state/fixture-target'); // error: contract: must not import the state layer.
import '../components/fixture-target'; // error: contract: must not import the components layer.
void import('../components/fixture-target'); // error: contract: must not import the components layer.
import '../demo/fixture-target'; // error: contract: must not import the demo layer.
void import('../demo/fixture-target'); // error: contract: must not import the demo layer.
import '../ui/fixture-target'; // error: contract: must not import the ui layer.
void import('../ui/fixture-target'); // error: contract: must not import the ui layer.
import '../paraglide/fixture-target'; // error: contract: must not import the paraglide layer.
void import('../paraglide/fixture-target'); // error: contract: must not import the paraglide layer.
import 'svelte'; // error: contract: must not import svelte.
void import('svelte'); // error: contract: must not import svelte.
import '$app/navigation'; // error: contract: must not import $app.
void import('$app/navigation'); // error: contract: must not import $app.
import '@sveltejs/kit'; // error: contract: must not import @sveltejs/kit.
void import('@sveltejs/kit'); // error: contract: must not import @sveltejs/kit.
import 'yjs'; // error: contract: must not import yjs.
void import('yjs'); // error: contract: must not import yjs.
import 'y-indexeddb'; // error: contract: must not import y-indexeddb.
void import('y-indexeddb'); // error: contract: must not import y-indexeddb.
import 'y-protocols'; // error: contract: must not import y-protocols.
void import('y-protocols'); // error: contract: must not import y-protocols.
import '@hocuspocus/provider'; // error: contract: must not import @hocuspocus/provider.
void import('@hocuspocus/provider'); // error: contract: must not import @hocuspocus/provider.
import 'dexie'; // error: contract: must not import dexie.
void import('dexie'); // error: contract: must not import dexie.
import '$lib/util/fixture-target'; // error: shared with the server: import by relative path; $lib exists only in Vite.
void import('$lib/util/fixture-target'); // error: shared with the server: import by relative path; $lib exists only in Vite.
import '../util/fixture-target'; // ok
import '../export/fixture-target'; // error: contract: must not import the export layer.
void import('../export/fixture-target'); // error: contract: must not import the export layer.
import 'pdfkit'; // error: contract: must not import pdfkit.
void import('pdfkit'); // error: contract: must not import pdfkit.
import 'docx'; // error: contract: must not import docx.
void import('docx'); // error: contract: must not import docx.
import 'write-excel-file'; // error: contract: must not import write-excel-file.
void import('write-excel-file'); // error: contract: must not import write-excel-file.
