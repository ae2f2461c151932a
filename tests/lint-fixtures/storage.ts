// lint-as: src/lib/storage/fixture.ts
// Every forbidden direction of the storage entry in eslint.layers.js, as a static and a lazy import,
// each with the message the rule must report on that line; `// ok` lines are allowed directions.
import '../sync/fixture-target'; // error: storage: must not import the sync layer.
void import('../sync/fixture-target'); // error: storage: must not import the sync layer.
import '../state/fixture-target'; // error: storage: must not import the state layer.
void import('../state/fixture-target'); // error: storage: must not import the state layer.
import '../components/fixture-target'; // error: storage: must not import the components layer.
void import('../components/fixture-target'); // error: storage: must not import the components layer.
import '../ui/fixture-target'; // error: storage: must not import the ui layer.
void import('../ui/fixture-target'); // error: storage: must not import the ui layer.
import '../paraglide/fixture-target'; // error: storage: must not import the paraglide layer.
void import('../paraglide/fixture-target'); // error: storage: must not import the paraglide layer.
import 'svelte'; // error: storage: must not import svelte.
void import('svelte'); // error: storage: must not import svelte.
import '$app/navigation'; // error: storage: must not import $app.
void import('$app/navigation'); // error: storage: must not import $app.
import '@sveltejs/kit'; // error: storage: must not import @sveltejs/kit.
void import('@sveltejs/kit'); // error: storage: must not import @sveltejs/kit.
import 'yjs'; // error: storage: must not import yjs.
void import('yjs'); // error: storage: must not import yjs.
import 'y-indexeddb'; // error: storage: must not import y-indexeddb.
void import('y-indexeddb'); // error: storage: must not import y-indexeddb.
import 'y-protocols'; // error: storage: must not import y-protocols.
void import('y-protocols'); // error: storage: must not import y-protocols.
import '@hocuspocus/provider'; // error: storage: must not import @hocuspocus/provider.
void import('@hocuspocus/provider'); // error: storage: must not import @hocuspocus/provider.
import '../demo/fixture-target'; // error: storage: must not import the demo layer.
void import('../demo/fixture-target'); // error: storage: must not import the demo layer.
import 'dexie'; // ok
import '../export/fixture-target'; // error: storage: must not import the export layer.
void import('../export/fixture-target'); // error: storage: must not import the export layer.
import 'pdfkit'; // error: storage: must not import pdfkit.
void import('pdfkit'); // error: storage: must not import pdfkit.
import 'docx'; // error: storage: must not import docx.
void import('docx'); // error: storage: must not import docx.
import 'write-excel-file'; // error: storage: must not import write-excel-file.
void import('write-excel-file'); // error: storage: must not import write-excel-file.
