// German labels for the size classes of the domain layer; Record types make svelte-check fail when a
// class has no label.
import type { KommuneType } from '$lib/domain/kommune-type';
import { isKreisType } from '$lib/domain/kommune-type';
import {
	kgstClass,
	smallTownClass,
	type KgstClass,
	type SmallTownClass
} from '$lib/domain/size-class';
import { m } from '$lib/paraglide/messages.js';

const MUNICIPALITY: Record<KgstClass, () => string> = {
	GK1: m.kgst_municipality_gk1,
	GK2: m.kgst_municipality_gk2,
	GK3: m.kgst_municipality_gk3,
	GK4: m.kgst_municipality_gk4,
	GK5: m.kgst_municipality_gk5,
	GK6: m.kgst_municipality_gk6,
	GK7: m.kgst_municipality_gk7
};

// Districts have only three KGSt classes.
const DISTRICT: Partial<Record<KgstClass, () => string>> = {
	GK1: m.kgst_district_gk1,
	GK2: m.kgst_district_gk2,
	GK3: m.kgst_district_gk3
};

const SMALL_TOWN: Record<SmallTownClass, () => string> = {
	lt5k: m.small_lt5k,
	'5k_10k': m.small_5k_10k,
	'10k_20k': m.small_10k_20k,
	'20k_50k': m.small_20k_50k,
	ge50k: m.small_ge50k
};

export function kgstLabel(type: KommuneType, population: number): string {
	const cls = kgstClass(type, population);
	return ((isKreisType(type) ? DISTRICT[cls] : undefined) ?? MUNICIPALITY[cls])();
}

/** The finer split for municipalities; null for districts, where it means nothing. */
export function smallTownLabel(type: KommuneType, population: number): string | null {
	return isKreisType(type) ? null : SMALL_TOWN[smallTownClass(population)]();
}
