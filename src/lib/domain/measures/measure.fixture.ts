// A measure for domain tests, as read from a board: everything not given is empty, planned, first in
// order. The roadmap, SMART check and protocol tests build their measures here, so a new field of a
// measure is added once (the board's own tests use crdt/workshop-measures.fixture.ts).
import type { Measure } from './measure';

export function measureFixture(id: string, fields: Partial<Measure> = {}): Measure {
	return {
		id,
		actionFieldId: 'hf.a',
		title: id,
		description: '',
		dimensions: [],
		owner: '',
		start: null,
		due: null,
		budgetEur: null,
		staffDays: null,
		indicator: '',
		target: '',
		status: 'geplant',
		quickWin: false,
		ikzPartners: [],
		ikzOther: '',
		dependsOn: [],
		sources: [],
		notes: '',
		order: 'a0',
		authorId: 'p1',
		createdAt: 0,
		...fields
	};
}
