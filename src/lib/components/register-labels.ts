// How a register choice reads in the type-ahead list, and what it fills into the municipality form.
// The context line tells apart places of one name (the Samtgemeinde Wesendorf and its member Wesendorf).
import type { ProfileFormInput } from '$lib/domain/kommune-profile';
import type { RegisterChoice } from '$lib/domain/register/register-choices';
import { m } from '$lib/paraglide/messages.js';
import { formatInteger } from '$lib/ui/format';
import { typeLabel } from './kommune-form-fields';

/** "Mitgliedsgemeinde der Samtgemeinde Boldecker Land, Landkreis Gifhorn", "Kreisfreie Stadt", … */
export function choiceContext(choice: RegisterChoice): string {
	const landkreis = choice.landkreis ?? '';
	switch (choice.role) {
		case 'kreisfreie_stadt':
		case 'landkreis':
			return typeLabel(choice.type);
		case 'samtgemeinde':
			return m.register_context_samtgemeinde({ landkreis });
		case 'mitgliedsgemeinde':
			return m.register_context_mitgliedsgemeinde({
				samtgemeinde: choice.samtgemeinde ?? '',
				landkreis
			});
		case 'verbandsfreie_gemeinde':
			return m.register_context_verbandsfrei({ type: typeLabel(choice.type), landkreis });
	}
}

/** "ARS 031515401020 · 1.909 Einwohner" */
export const choiceFacts = (choice: RegisterChoice): string =>
	m.register_facts({ ars: choice.ars, population: formatInteger(choice.population) });

/** The profile fields a pick fills, in the form's notation; the rest of the form is left as it is. */
export type RegisterFields = Pick<
	ProfileFormInput,
	'ars' | 'name' | 'type' | 'landkreis' | 'population'
>;

export const choiceFormValues = (choice: RegisterChoice): RegisterFields => ({
	ars: choice.ars,
	name: choice.name,
	type: choice.type,
	landkreis: choice.landkreis ?? '',
	population: formatInteger(choice.population)
});
