// lint-as: src/lib/sync/fixture.ts
// Every forbidden direction of the sync entry in eslint.layers.js, as a static and a lazy import,
// each with the message the rule must report on that line; `// ok` lines are allowed directions.
import '../state/fixture-target'; // error: sync: must not import the state layer.
void import('../state/fixture-target'); // error: sync: must not import the state layer.
import '../components/fixture-target'; // error: sync: must not import the components layer.
void import('../components/fixture-target'); // error: sync: must not import the components layer.
import '../ui/fixture-target'; // error: sync: must not import the ui layer.
void import('../ui/fixture-target'); // error: sync: must not import the ui layer.
import '../paraglide/fixture-target'; // error: sync: must not import the paraglide layer.
void import('../paraglide/fixture-target'); // error: sync: must not import the paraglide layer.
import 'svelte'; // error: sync: must not import svelte.
void import('svelte'); // error: sync: must not import svelte.
import '$app/navigation'; // error: sync: must not import $app.
void import('$app/navigation'); // error: sync: must not import $app.
import '@sveltejs/kit'; // error: sync: must not import @sveltejs/kit.
void import('@sveltejs/kit'); // error: sync: must not import @sveltejs/kit.
import '../demo/fixture-target'; // error: sync: may import the demo layer only with import().
void import('../demo/fixture-target'); // ok
import '$lib/storage/db'; // ok
import 'yjs'; // ok
import '../export/fixture-target'; // error: sync: must not import the export layer.
void import('../export/fixture-target'); // error: sync: must not import the export layer.
import 'pdfkit'; // error: sync: must not import pdfkit.
void import('pdfkit'); // error: sync: must not import pdfkit.
import 'docx'; // error: sync: must not import docx.
void import('docx'); // error: sync: must not import docx.
import 'write-excel-file'; // error: sync: must not import write-excel-file.
void import('write-excel-file'); // error: sync: must not import write-excel-file.
