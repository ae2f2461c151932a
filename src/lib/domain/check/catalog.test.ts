import { describe, expect, it } from 'vitest';
import { PERSPECTIVES, isPerspective, type Perspective } from '../perspectives';
import { CATALOGS, CURRENT_CATALOG, catalogByVersion } from './catalog';
import { itemsForPerspective, itemsOf } from './catalog-items';
import { CATALOG_2026_1 } from './catalog-2026-1';
import {
	CURRENT_CATALOG_VERSION,
	DIMENSIONS,
	ITEM_ID_PATTERN,
	type Catalog,
	type CatalogItem,
	type LevelItem
} from './catalog-types';

const catalog = CATALOG_2026_1;
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
const ofType = <T extends CatalogItem['type']>(items: readonly CatalogItem[], type: T) =>
	items.filter((item): item is Extract<CatalogItem, { type: T }> => item.type === type);

describe('catalog 2026.1: dimensions', () => {
	it('has the ten dimensions in the fixed order with their German titles', () => {
		expect(catalog.version).toBe('2026.1');
		expect(catalog.dimensions.map((d) => d.id)).toEqual([...DIMENSIONS]);
		expect(catalog.dimensions.map((d) => d.title)).toEqual([
			'Strategie & Steuerung',
			'Führung, Kultur & Veränderung',
			'Prozesse & Organisation',
			'Digitale Verwaltungsleistungen & Service (OZG)',
			'Interne Basisdienste & Fachverfahren',
			'IT-Infrastruktur & Betrieb',
			'Informationssicherheit & Datenschutz',
			'Daten & Interoperabilität',
			'Personal & Kompetenzen',
			'Kooperation & Vernetzung'
		]);
	});

	it('describes every dimension in one sentence', () => {
		for (const dimension of catalog.dimensions) {
			expect(dimension.description, dimension.id).toMatch(/^[A-ZÄÖÜ].*\.$/);
			expect(dimension.description.match(/\.(\s|$)/g), dimension.id).toHaveLength(1);
		}
	});

	it.each(DIMENSIONS)(
		'gives %s at least five items, two maturity levels, two Likert statements (one reversed) and a checklist',
		(dimension) => {
			const items = itemsOf(catalog, dimension);
			expect(items.length).toBeGreaterThanOrEqual(5);
			expect(ofType(items, 'R').length).toBeGreaterThanOrEqual(2);
			const likert = ofType(items, 'L');
			expect(likert.length).toBeGreaterThanOrEqual(2);
			expect(likert.some((item) => item.reverse)).toBe(true);
			expect(ofType(items, 'C').length).toBeGreaterThanOrEqual(1);
		}
	);

	it('lists the items dimension by dimension', () => {
		const order = catalog.items.map((item) => DIMENSIONS.indexOf(item.dimension));
		expect(order).toEqual([...order].sort((a, b) => a - b));
	});
});

describe('catalog 2026.1: items', () => {
	it('gives every maturity item five non-empty descriptors, none of them repeated anywhere in the catalog', () => {
		const levelItems: LevelItem[] = ofType(catalog.items, 'R');
		const seen = new Map<string, string>();
		for (const item of levelItems) {
			expect(item.levels, item.id).toHaveLength(5);
			item.levels.forEach((descriptor, level) => {
				const key = normalise(descriptor);
				expect(key, `${item.id} level ${level}`).not.toBe('');
				expect(seen.get(key), `${item.id} level ${level} repeats`).toBeUndefined();
				seen.set(key, `${item.id}/${level}`);
			});
		}
	});

	it('gives item ids that are unique, well-formed and prefixed with their dimension', () => {
		const ids = catalog.items.map((item) => item.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const item of catalog.items) {
			expect(item.id).toMatch(ITEM_ID_PATTERN);
			expect(item.id.split('.')[0], item.id).toBe(item.dimension);
		}
	});

	it('gives every item a non-empty German text', () => {
		for (const item of catalog.items) {
			expect(item.text.trim(), item.id).not.toBe('');
			if (item.hint !== undefined) expect(item.hint.trim(), item.id).not.toBe('');
		}
	});

	it('gives checklists four to eight options with ids unique within the item', () => {
		for (const item of ofType(catalog.items, 'C')) {
			expect(item.options.length, item.id).toBeGreaterThanOrEqual(4);
			expect(item.options.length, item.id).toBeLessThanOrEqual(8);
			const ids = item.options.map((option) => option.id);
			expect(new Set(ids).size, item.id).toBe(ids.length);
			for (const id of ids) expect(id, item.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
		}
	});

	it('gives facts a sensible range or at least two bands', () => {
		for (const item of ofType(catalog.items, 'F')) {
			if (item.fact.kind === 'number') {
				expect(item.fact.min, item.id).toBeLessThan(item.fact.max);
				expect(item.fact.unit.trim(), item.id).not.toBe('');
			} else {
				expect(item.fact.bands.length, item.id).toBeGreaterThanOrEqual(2);
				expect(new Set(item.fact.bands).size, item.id).toBe(item.fact.bands.length);
			}
		}
	});

	it('tags every item with at least one valid perspective, each only once', () => {
		for (const item of catalog.items) {
			expect(item.perspectives.length, item.id).toBeGreaterThanOrEqual(1);
			expect(item.perspectives.every(isPerspective), item.id).toBe(true);
			expect(new Set(item.perspectives).size, item.id).toBe(item.perspectives.length);
		}
	});
});

describe('catalog 2026.1: perspectives', () => {
	const internal = PERSPECTIVES.filter((p) => p !== 'E');

	it.each(internal)(
		'gives perspective %s at least three items in each of at least six dimensions',
		(perspective) => {
			const items = itemsForPerspective(catalog, perspective);
			const rich = DIMENSIONS.filter(
				(dimension) => items.filter((item) => item.dimension === dimension).length >= 3
			);
			expect(rich.length).toBeGreaterThanOrEqual(6);
		}
	);

	it('lets citizens and businesses answer at least three items, only on services, cooperation and open data', () => {
		const items = itemsForPerspective(catalog, 'E');
		expect(items.length).toBeGreaterThanOrEqual(3);
		expect(new Set(items.map((item) => item.dimension))).toEqual(
			new Set(['ozg', 'daten', 'kooperation'])
		);
	});

	it('gives citizens and businesses exactly the hand-picked service and transparency items, in catalog order', () => {
		expect(itemsForPerspective(catalog, 'E').map((item) => item.id)).toEqual([
			'ozg.04',
			'ozg.05',
			'ozg.06',
			'ozg.07',
			'ozg.08',
			'daten.05',
			'kooperation.05',
			'kooperation.06',
			'kooperation.07'
		]);
	});
});

describe('catalog views', () => {
	const item = (id: string, perspectives: Perspective[]): CatalogItem => ({
		id,
		dimension: id.split('.')[0] as CatalogItem['dimension'],
		type: 'L',
		text: id,
		perspectives,
		reverse: false
	});
	const tiny: Catalog = {
		version: 'test',
		dimensions: [],
		items: [
			item('strategie.01', ['H', 'P']),
			item('strategie.02', ['B']),
			item('prozesse.01', ['B', 'PR']),
			item('prozesse.02', ['H']),
			item('strategie.03', ['P', 'B'])
		]
	};

	it('returns only the items a perspective answers, in catalog order', () => {
		expect(itemsForPerspective(tiny, 'B').map((i) => i.id)).toEqual([
			'strategie.02',
			'prozesse.01',
			'strategie.03'
		]);
		expect(itemsForPerspective(tiny, 'E')).toEqual([]);
	});

	it('returns the items of one dimension in catalog order', () => {
		expect(itemsOf(tiny, 'strategie').map((i) => i.id)).toEqual([
			'strategie.01',
			'strategie.02',
			'strategie.03'
		]);
		expect(itemsOf(tiny, 'daten')).toEqual([]);
	});

	it('leaves the catalog unchanged', () => {
		const before = tiny.items.map((i) => i.id);
		itemsForPerspective(tiny, 'H').reverse();
		itemsOf(tiny, 'prozesse').reverse();
		expect(tiny.items.map((i) => i.id)).toEqual(before);
	});
});

describe('catalog versions', () => {
	it('finds the current catalog by its version 2026.1', () => {
		expect(CURRENT_CATALOG).toBe(CATALOG_2026_1);
		expect(catalogByVersion('2026.1')).toBe(CURRENT_CATALOG);
	});

	it('gives null for an unknown version, including names of object properties', () => {
		expect(catalogByVersion('2025.9')).toBeNull();
		expect(catalogByVersion('')).toBeNull();
		expect(catalogByVersion('toString')).toBeNull();
		expect(catalogByVersion('__proto__')).toBeNull();
	});

	it('keys every published catalog by its own version', () => {
		for (const [version, published] of Object.entries(CATALOGS)) {
			expect(published.version).toBe(version);
		}
		expect(Object.values(CATALOGS)).toContain(CURRENT_CATALOG);
	});
});

describe('the current catalog version', () => {
	it('is the one new respondents are set up with', () => {
		expect(CURRENT_CATALOG.version).toBe(CURRENT_CATALOG_VERSION);
	});
});
