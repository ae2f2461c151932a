// The views the check needs of one catalog: the items of a dimension, the items one perspective answers.
// The catalogs themselves are in catalog.ts: code that is handed a catalog, such as the state classes
// the start route reaches, does not load them all (ADR 14).

import type { Perspective } from '../perspectives';
import type { Catalog, CatalogItem, DimensionId } from './catalog-types';

/** The items of one dimension, in catalog order. */
export function itemsOf(catalog: Catalog, dimension: DimensionId): CatalogItem[] {
	return catalog.items.filter((item) => item.dimension === dimension);
}

/** The items one perspective answers, in catalog order. */
export function itemsForPerspective(catalog: Catalog, perspective: Perspective): CatalogItem[] {
	return catalog.items.filter((item) => item.perspectives.includes(perspective));
}
