// The Digital-Check catalogs by version (ADR 7) and the views the check needs of one: the items
// of a dimension, the items one perspective answers. A result records the version it was taken with and
// is read against that catalog, so every published version stays here.

import type { Perspective } from '../perspectives';
import { CATALOG_2026_1 } from './catalog-2026-1';
import type { Catalog, CatalogItem, DimensionId } from './catalog-types';

/** Every published catalog, keyed by its version. */
export const CATALOGS: Readonly<Record<string, Catalog>> = Object.freeze({
	[CATALOG_2026_1.version]: CATALOG_2026_1
});

/** The catalog new check rounds use. */
export const CURRENT_CATALOG: Catalog = CATALOG_2026_1;

/** The catalog of that version, or null for a version this build does not know. */
export function catalogByVersion(version: string): Catalog | null {
	return Object.hasOwn(CATALOGS, version) ? (CATALOGS[version] ?? null) : null;
}

/** The items of one dimension, in catalog order. */
export function itemsOf(catalog: Catalog, dimension: DimensionId): CatalogItem[] {
	return catalog.items.filter((item) => item.dimension === dimension);
}

/** The items one perspective answers, in catalog order. */
export function itemsForPerspective(catalog: Catalog, perspective: Perspective): CatalogItem[] {
	return catalog.items.filter((item) => item.perspectives.includes(perspective));
}
