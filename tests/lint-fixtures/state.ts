// lint-as: src/lib/state/fixture.ts
// Every forbidden direction of the state entry in eslint.layers.js, as a static and a lazy import,
// each with the message the rule must report on that line; `// ok` lines are allowed directions.
import '../components/fixture-target'; // error: state: must not import the components layer.
void import('../components/fixture-target'); // error: state: must not import the components layer.
import '../demo/fixture-target'; // error: state: may import the demo layer only with import().
void import('../demo/fixture-target'); // ok
import '$lib/state/server-info'; // ok
void import('./document-services'); // ok
void import('$lib/sync/open-document'); // ok
import '../export/fixture-target'; // error: state: may import the export layer only with import().
void import('../export/fixture-target'); // ok
import 'pdfkit'; // error: state: must not import pdfkit.
void import('pdfkit'); // error: state: must not import pdfkit.
import 'docx'; // error: state: must not import docx.
void import('docx'); // error: state: must not import docx.
import 'write-excel-file'; // error: state: must not import write-excel-file.
void import('write-excel-file'); // error: state: must not import write-excel-file.
