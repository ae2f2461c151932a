// The Digital-Check catalogs by version (ADR 7). A result records the version it was taken with and is
// read against that catalog, so every published version stays here. The views of one catalog are in
// catalog-items.ts, which holds no catalog: code that is handed a catalog does not load them all.

import { CATALOG_2026_1 } from './catalog-2026-1';
import type { Catalog } from './catalog-types';

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
