// lint-as: src/routes/fixture.ts
// Every forbidden direction of the routes entry in eslint.layers.js, as a static and a lazy import,
// each with the message the rule must report on that line; `// ok` lines are allowed directions.
import '$lib/crdt/fixture-target'; // error: routes: must not import the crdt layer.
void import('$lib/crdt/fixture-target'); // error: routes: must not import the crdt layer.
import '$lib/storage/fixture-target'; // error: routes: must not import the storage layer.
void import('$lib/storage/fixture-target'); // error: routes: must not import the storage layer.
import '$lib/sync/fixture-target'; // error: routes: must not import the sync layer.
void import('$lib/sync/fixture-target'); // error: routes: must not import the sync layer.
import '$lib/demo/fixture-target'; // error: routes: must not import the demo layer.
void import('$lib/demo/fixture-target'); // error: routes: must not import the demo layer.
import 'dexie'; // error: routes: must not import dexie.
void import('dexie'); // error: routes: must not import dexie.
import 'yjs'; // error: routes: must not import yjs.
void import('yjs'); // error: routes: must not import yjs.
import 'y-indexeddb'; // error: routes: must not import y-indexeddb.
void import('y-indexeddb'); // error: routes: must not import y-indexeddb.
import 'y-protocols'; // error: routes: must not import y-protocols.
void import('y-protocols'); // error: routes: must not import y-protocols.
import '@hocuspocus/provider'; // error: routes: must not import @hocuspocus/provider.
void import('@hocuspocus/provider'); // error: routes: must not import @hocuspocus/provider.
import '$lib/state/app-context.svelte'; // ok
import '$lib/components/KommuneForm.svelte'; // ok
import '$app/state'; // ok
import '$lib/export/fixture-target'; // error: routes: must not import the export layer.
void import('$lib/export/fixture-target'); // error: routes: must not import the export layer.
import 'pdfkit'; // error: routes: must not import pdfkit.
void import('pdfkit'); // error: routes: must not import pdfkit.
import 'docx'; // error: routes: must not import docx.
void import('docx'); // error: routes: must not import docx.
import 'write-excel-file'; // error: routes: must not import write-excel-file.
void import('write-excel-file'); // error: routes: must not import write-excel-file.
