// Labels for the options of the municipality form. Record types make svelte-check fail when the domain
// adds an option without a German label.
import { IT_OPERATING_MODELS, type ItOperatingModel } from '$lib/domain/it-operating-model';
import type { ProfileFormInput } from '$lib/domain/kommune-profile';
import { KOMMUNE_TYPES, type KommuneType } from '$lib/domain/kommune-type';
import { m } from '$lib/paraglide/messages.js';

export const EMPTY_KOMMUNE_FORM: ProfileFormInput = {
	ars: '',
	name: '',
	type: '',
	landkreis: '',
	population: '',
	coreStaff: '',
	itStaffFte: '',
	itOperatingModel: ''
};

const TYPE_LABELS: Record<KommuneType, () => string> = {
	einheitsgemeinde: m.type_einheitsgemeinde,
	stadt: m.type_stadt,
	samtgemeinde: m.type_samtgemeinde,
	landkreis: m.type_landkreis,
	region: m.type_region,
	kreisfreie_stadt: m.type_kreisfreie_stadt
};

const IT_MODEL_LABELS: Record<ItOperatingModel, () => string> = {
	eigene_it: m.it_model_eigene_it,
	kommunaler_it_dienstleister: m.it_model_kommunaler_it_dienstleister,
	landkreis: m.it_model_landkreis,
	gemischt: m.it_model_gemischt,
	extern_privat: m.it_model_extern_privat
};

export const TYPE_OPTIONS = KOMMUNE_TYPES.map((value) => ({ value, label: TYPE_LABELS[value] }));
export const IT_MODEL_OPTIONS = IT_OPERATING_MODELS.map((value) => ({
	value,
	label: IT_MODEL_LABELS[value]
}));

export const typeLabel = (type: KommuneType): string => TYPE_LABELS[type]();
export const itModelLabel = (model: ItOperatingModel): string => IT_MODEL_LABELS[model]();
