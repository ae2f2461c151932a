import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addRespondent,
	readRespondents,
	readRoundCatalogVersion,
	readRoundTitle,
	writeRoundCatalogVersion,
	writeRoundTitle
} from './check-round-doc';
import { ROOT_KEYS } from './schema';

describe('check round documents', () => {
	it('keep the round title', () => {
		const doc = new Y.Doc();
		expect(readRoundTitle(doc)).toBeNull();
		writeRoundTitle(doc, 'Digital-Check 2027');
		expect(readRoundTitle(doc)).toBe('Digital-Check 2027');
	});

	it('record the catalog version once: a later write (an updated app) does not change it', () => {
		const doc = new Y.Doc();
		writeRoundCatalogVersion(doc, '2026.1');
		writeRoundCatalogVersion(doc, '2027.1');
		expect(readRoundCatalogVersion(doc)).toBe('2026.1');
		expect(doc.getMap(ROOT_KEYS.round).get('catalogVersion')).toBe('2026.1');
	});

	it('a round from before the version was recorded, or with a malformed version, reads as 2026.1', () => {
		const doc = new Y.Doc();
		expect(readRoundCatalogVersion(doc)).toBe('2026.1');
		doc.getMap(ROOT_KEYS.round).set('catalogVersion', 42);
		expect(readRoundCatalogVersion(doc)).toBe('2026.1');
	});

	it('respondents added by two facilitators at once are both kept, in the order they were added', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		addRespondent(a, { id: 'r2', label: 'Fachamt 1', perspective: 'A', createdAt: 20 });
		addRespondent(b, { id: 'r1', label: 'Personalrat', perspective: 'PR', createdAt: 10 });
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		expect(readRespondents(a)).toEqual([
			{ id: 'r1', label: 'Personalrat', perspective: 'PR', createdAt: 10 },
			{ id: 'r2', label: 'Fachamt 1', perspective: 'A', createdAt: 20 }
		]);
	});

	it('a respondent entry with an unknown perspective or a missing label is skipped', () => {
		const doc = new Y.Doc();
		addRespondent(doc, { id: 'r1', label: 'Spitze', perspective: 'H', createdAt: 1 });
		const map = doc.getMap(ROOT_KEYS.respondents);
		map.set('r2', { label: 'X', perspective: 'Z', createdAt: 2 });
		map.set('r3', { label: '', perspective: 'B', createdAt: 3 });
		map.set('r4', 7);
		expect(readRespondents(doc).map((r) => r.id)).toEqual(['r1']);
	});
});
