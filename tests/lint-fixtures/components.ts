// lint-as: src/lib/components/fixture.ts
// Every forbidden direction of the components entry in eslint.layers.js, as a static and a lazy import,
// each with the message the rule must report on that line; `// ok` lines are allowed directions.
import '$lib/crdt/fixture-target'; // error: components: must not import the crdt layer.
void import('$lib/crdt/fixture-target'); // error: components: must not import the crdt layer.
import '$lib/storage/fixture-target'; // error: components: must not import the storage layer.
void import('$lib/storage/fixture-target'); // error: components: must not import the storage layer.
import '$lib/sync/fixture-target'; // error: components: must not import the sync layer.
void import('$lib/sync/fixture-target'); // error: components: must not import the sync layer.
import '$lib/demo/fixture-target'; // error: components: must not import the demo layer.
void import('$lib/demo/fixture-target'); // error: components: must not import the demo layer.
import 'dexie'; // error: components: must not import dexie.
void import('dexie'); // error: components: must not import dexie.
import 'yjs'; // error: components: must not import yjs.
void import('yjs'); // error: components: must not import yjs.
import 'y-indexeddb'; // error: components: must not import y-indexeddb.
void import('y-indexeddb'); // error: components: must not import y-indexeddb.
import 'y-protocols'; // error: components: must not import y-protocols.
void import('y-protocols'); // error: components: must not import y-protocols.
import '@hocuspocus/provider'; // error: components: must not import @hocuspocus/provider.
void import('@hocuspocus/provider'); // error: components: must not import @hocuspocus/provider.
import '$lib/state/app-context.svelte'; // ok
import '$lib/contract/protocol'; // ok
import '$lib/ui/format'; // ok
import 'svelte'; // ok
import '../export/fixture-target'; // error: components: must not import the export layer.
void import('../export/fixture-target'); // error: components: must not import the export layer.
import 'pdfkit'; // error: components: must not import pdfkit.
void import('pdfkit'); // error: components: must not import pdfkit.
import 'docx'; // error: components: must not import docx.
void import('docx'); // error: components: must not import docx.
import 'write-excel-file'; // error: components: must not import write-excel-file.
void import('write-excel-file'); // error: components: must not import write-excel-file.
