// A measure for tests, as the Maßnahmen page would write it: everything not given is empty. The unit,
// server and browser tests build their measures here, so a new field of a measure is added once.
import type { NewMeasure } from './workshop-measures';

export function measureFixture(
	fields: Partial<NewMeasure> & Pick<NewMeasure, 'id' | 'actionFieldId' | 'title' | 'order'>
): NewMeasure {
	return {
		description: '',
		dimensions: [],
		owner: '',
		start: null,
		due: null,
		budgetEur: null,
		staffDays: null,
		indicator: '',
		target: '',
		quickWin: false,
		ikzPartners: [],
		ikzOther: '',
		dependsOn: [],
		sources: [],
		notes: '',
		authorId: 'moderation',
		createdAt: 1,
		...fields
	};
}
