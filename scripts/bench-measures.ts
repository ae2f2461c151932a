// `npm run bench`, part 9 (`--only measures` runs it alone, in Node, a few seconds): the Maßnahmen of
// the generated workshop day, written into a board document as the app's sample day is.
//  - The sample day counted: its measures, Handlungsfelder, status changes and SMART warnings, as read
//    back from the board.
//  - The same day with 200 measures: building the roadmap (every measure by quarter under its
//    Handlungsfeld, filters applied) and the plan's rows (sorted by due, each with its status history
//    and SMART warnings), each as a ratio to reading the measures, their status changes and the
//    Handlungsfelder from the board, measured alternately in the same run.
import * as Y from 'yjs';
import { readActionFields } from '../src/lib/crdt/workshop-action-fields';
import { readMeasures } from '../src/lib/crdt/workshop-measures';
import { generateWorkshopDay } from '../src/lib/demo/workshop-generator';
import { writeWorkshopDay } from '../src/lib/demo/write-workshop-day';
import { filterMeasures, roadmap, sortMeasures } from '../src/lib/domain/measures/roadmap';
import { smartWarnings } from '../src/lib/domain/measures/smart-check';
import { historyOf } from '../src/lib/domain/measures/status-history';
import { alternateMedians } from './bench-stats';

const SEED = 20260302;
const MANY = 200;
const SAMPLES = 21;
/** Calls per sample: each call takes a millisecond or less. */
const CALLS = 10;

function boardOf(measures: number): Y.Doc {
	// Measures do not depend on the edits, so the days are written without them.
	const plan = generateWorkshopDay({ seed: SEED, textEdits: 0, measures });
	const docs = { control: new Y.Doc(), board: new Y.Doc() };
	writeWorkshopDay(plan, docs);
	return docs.board;
}

export function benchMeasures(): void {
	const sample = boardOf(25);
	const day = readMeasures(sample);
	const dayFields = readActionFields(sample).fields;
	const dayWarnings = [...smartWarnings(day.measures).values()].flat();
	console.log(
		`generated workshop day (seed ${SEED}): ${day.measures.length} measures under ` +
			`${dayFields.length} Handlungsfelder, ${day.changes.length} status changes, ` +
			`${dayWarnings.length} SMART warnings (${day.malformed} malformed)`
	);

	const board = boardOf(MANY);
	const { measures, changes } = readMeasures(board);
	const fields = readActionFields(board).fields;
	if (measures.length !== MANY)
		throw new Error(`expected ${MANY} measures, read ${measures.length}`);

	const readFromDocument = () => {
		const read = readMeasures(board);
		return read.measures.length + read.changes.length + readActionFields(board).fields.length;
	};
	const buildRoadmap = () => {
		const map = roadmap(filterMeasures(measures, {}), fields);
		return map.quarters.length + map.rows.reduce((n, row) => n + row.measures.length, 0);
	};
	const buildPlanRows = () => {
		const warnings = smartWarnings(measures);
		return sortMeasures(measures, 'due', 'asc', fields).map((measure) => ({
			measure,
			history: historyOf(changes, measure.id),
			warnings: warnings.get(measure.id) ?? []
		})).length;
	};

	alternateMedians([readFromDocument, buildRoadmap, buildPlanRows], 3, CALLS); // warm-up
	const [readMs, roadmapMs, planMs] = alternateMedians(
		[readFromDocument, buildRoadmap, buildPlanRows],
		SAMPLES,
		CALLS
	) as [number, number, number];
	console.log(
		`${MANY} measures under ${fields.length} Handlungsfelder (${changes.length} status changes), ` +
			`median of ${SAMPLES}×${CALLS}: reading them from the board ${readMs.toFixed(3)} ms ` +
			`(baseline); building the roadmap ${roadmapMs.toFixed(3)} ms ` +
			`(${(roadmapMs / readMs).toFixed(2)}×); the plan's rows ${planMs.toFixed(3)} ms ` +
			`(${(planMs / readMs).toFixed(2)}×)`
	);
}
