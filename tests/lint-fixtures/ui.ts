// lint-as: src/lib/ui/fixture.ts
// Every forbidden direction of the ui entry in eslint.layers.js, as a static and a lazy import,
// each with the message the rule must report on that line; `// ok` lines are allowed directions.
import '../crdt/fixture-target'; // error: ui: must not import the crdt layer.
void import('../crdt/fixture-target'); // error: ui: must not import the crdt layer.
import '../storage/fixture-target'; // error: ui: must not import the storage layer.
void import('../storage/fixture-target'); // error: ui: must not import the storage layer.
import '../sync/fixture-target'; // error: ui: must not import the sync layer.
void import('../sync/fixture-target'); // error: ui: must not import the sync layer.
import '../state/fixture-target'; // error: ui: must not import the state layer.
void import('../state/fixture-target'); // error: ui: must not import the state layer.
import '../components/fixture-target'; // error: ui: must not import the components layer.
void import('../components/fixture-target'); // error: ui: must not import the components layer.
import 'dexie'; // error: ui: must not import dexie.
void import('dexie'); // error: ui: must not import dexie.
import 'yjs'; // error: ui: must not import yjs.
void import('yjs'); // error: ui: must not import yjs.
import 'y-indexeddb'; // error: ui: must not import y-indexeddb.
void import('y-indexeddb'); // error: ui: must not import y-indexeddb.
import 'y-protocols'; // error: ui: must not import y-protocols.
void import('y-protocols'); // error: ui: must not import y-protocols.
import '@hocuspocus/provider'; // error: ui: must not import @hocuspocus/provider.
void import('@hocuspocus/provider'); // error: ui: must not import @hocuspocus/provider.
import '../demo/fixture-target'; // error: ui: must not import the demo layer.
void import('../demo/fixture-target'); // error: ui: must not import the demo layer.
import 'svelte'; // ok
import '../export/fixture-target'; // error: ui: must not import the export layer.
void import('../export/fixture-target'); // error: ui: must not import the export layer.
import 'pdfkit'; // error: ui: must not import pdfkit.
void import('pdfkit'); // error: ui: must not import pdfkit.
import 'docx'; // error: ui: must not import docx.
void import('docx'); // error: ui: must not import docx.
import 'write-excel-file'; // error: ui: must not import write-excel-file.
void import('write-excel-file'); // error: ui: must not import write-excel-file.
