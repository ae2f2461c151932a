// The shipped Niedersachsen list, decoded once, with its search. The form loads this module with
// `import()` when the facilitator starts on the register field (ADR 23), so the list's ~110 KB stay out
// of the start route and of the form's first paint; nothing may import it statically but tests.
import list from './niedersachsen.json';
import {
	decodeChoices,
	searchChoices,
	type RegisterChoice,
	type RegisterList,
	type RegisterSource
} from './register-choices';

const shipped = list as unknown as RegisterList;

export const SHIPPED_SOURCE: RegisterSource = {
	attribution: shipped.attribution,
	licence: shipped.licence,
	licenceUrl: shipped.licenceUrl,
	gebietsstand: shipped.gebietsstand,
	source: shipped.source
};

/** The Land the list covers, as the form names it ("Niedersachsen"). */
export const SHIPPED_LAND = shipped.land;

const choices = decodeChoices(shipped);

/** The shipped choices matching `query` (searchChoices), best first. */
export const searchShipped = (query: string, limit?: number): RegisterChoice[] =>
	searchChoices(choices, query, limit);
