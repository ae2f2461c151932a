// A measure for tests, as the Maßnahmen page would write it: everything not given is empty. The unit,
// server and browser tests build their measures here, so a new field of a measure is added once (in
// the domain's fixture, domain/measures/measure.fixture.ts).
import { measureFixture as readMeasure } from '../domain/measures/measure.fixture';
import type { NewMeasure } from './workshop-measures';

export function measureFixture(
	fields: Partial<NewMeasure> & Pick<NewMeasure, 'id' | 'actionFieldId' | 'title' | 'order'>
): NewMeasure {
	// The status is left out: on the board it is a history of changes.
	const { status: _status, ...measure } = readMeasure(fields.id, {
		authorId: 'moderation',
		createdAt: 1,
		...fields
	});
	return measure;
}
