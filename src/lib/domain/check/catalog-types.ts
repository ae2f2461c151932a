// The shape of the Digital-Check catalog (ADR 7): ten dimensions, items of four types, each
// item tagged with the perspectives that answer it. The catalog is versioned content: item ids are stable
// across versions (an item that changes its meaning gets a new id), and a result records the version
// it was taken with.

import type { Perspective } from '../perspectives';

/** The catalog new respondents answer; results record the version they were taken with. */
export const CURRENT_CATALOG_VERSION = '2026.1';

export const DIMENSIONS = [
	'strategie',
	'fuehrung',
	'prozesse',
	'ozg',
	'basisdienste',
	'infrastruktur',
	'sicherheit',
	'daten',
	'personal',
	'kooperation'
] as const;
export type DimensionId = (typeof DIMENSIONS)[number];

export const ITEM_TYPES = ['R', 'L', 'F', 'C'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** Item ids: `<dimension>.<two digits>`, e.g. `strategie.01`; never reused for another meaning. */
export const ITEM_ID_PATTERN = /^[a-z]+\.\d{2}$/;

interface BaseItem {
	id: string;
	dimension: DimensionId;
	/** The question or statement, in German (content, not a UI message). */
	text: string;
	/** An optional short explanation shown under the question. */
	hint?: string;
	/** Who answers it; at least one. */
	perspectives: readonly Perspective[];
}

/** Maturity level 0–4, each level with its own descriptor (no descriptor text repeats across items). */
export interface LevelItem extends BaseItem {
	type: 'R';
	/** Descriptors for levels 0, 1, 2, 3, 4. */
	levels: readonly [string, string, string, string, string];
}

/** Likert statement 1–5 (1 trifft gar nicht zu … 5 trifft voll zu); reverse items are inverted. */
export interface LikertItem extends BaseItem {
	type: 'L';
	reverse: boolean;
}

/** A fact (not scored): a number with a unit, or one of a few bands. */
export interface FactItem extends BaseItem {
	type: 'F';
	fact:
		| { kind: 'number'; unit: string; min: number; max: number }
		| { kind: 'band'; bands: readonly string[] };
}

/** A checklist: the share of options ticked is the score. */
export interface ChecklistItem extends BaseItem {
	type: 'C';
	options: readonly { id: string; text: string }[];
}

export type CatalogItem = LevelItem | LikertItem | FactItem | ChecklistItem;

export interface DimensionInfo {
	id: DimensionId;
	title: string;
	description: string;
}

export interface Catalog {
	/** e.g. '2026.1' */
	version: string;
	dimensions: readonly DimensionInfo[];
	items: readonly CatalogItem[];
}
