// A stored profile shown in the form: numbers in German notation, so saving unchanged values is a no-op.
import type { KommuneProfile, ProfileFormInput } from '$lib/domain/kommune-profile';
import { formatDecimal, formatInteger } from '$lib/ui/format';

export function profileToFormInput(profile: KommuneProfile): ProfileFormInput {
	return {
		ars: profile.ars,
		name: profile.name,
		type: profile.type,
		landkreis: profile.landkreis ?? '',
		population: formatInteger(profile.population),
		coreStaff: profile.coreStaff === null ? '' : formatInteger(profile.coreStaff),
		itStaffFte: profile.itStaffFte === null ? '' : formatDecimal(profile.itStaffFte),
		itOperatingModel: profile.itOperatingModel ?? ''
	};
}
