import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addRespondent,
	readRespondents,
	readRoundCatalogVersion,
	readRoundTitle,
	removeRespondent,
	renameRespondent,
	restoreRespondent,
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

	it('a renamed respondent is listed with the new label, in the same place', () => {
		const doc = new Y.Doc();
		addRespondent(doc, { id: 'r1', label: 'Spitze', perspective: 'H', createdAt: 1 });
		addRespondent(doc, { id: 'r2', label: 'Kämmerei', perspective: 'A', createdAt: 2 });
		renameRespondent(doc, 'r1', 'Bürgermeisterin');
		expect(readRespondents(doc).map((r) => [r.id, r.label])).toEqual([
			['r1', 'Bürgermeisterin'],
			['r2', 'Kämmerei']
		]);
	});

	it('a removed respondent is no longer listed, and undo brings back exactly that respondent', () => {
		const doc = new Y.Doc();
		addRespondent(doc, { id: 'r1', label: 'Spitze', perspective: 'H', createdAt: 1 });
		addRespondent(doc, { id: 'r2', label: 'Kämmerei', perspective: 'A', createdAt: 2 });
		renameRespondent(doc, 'r2', 'Kämmerer');
		const before = readRespondents(doc);

		removeRespondent(doc, 'r2', 50);
		expect(readRespondents(doc).map((r) => r.id)).toEqual(['r1']);
		// The removal is a key of its own: the entry written when adding is still there, unchanged.
		expect(doc.getMap(ROOT_KEYS.respondents).get('r2')).toEqual({
			label: 'Kämmerei',
			perspective: 'A',
			createdAt: 2
		});
		expect(doc.getMap(ROOT_KEYS.respondentFields).get('r2/removedAt')).toBe(50);

		restoreRespondent(doc, 'r2');
		expect(readRespondents(doc)).toEqual(before);
	});

	it('a rename on one device and a removal on another both stay', () => {
		const a = new Y.Doc();
		addRespondent(a, { id: 'r1', label: 'Spitze', perspective: 'H', createdAt: 1 });
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		renameRespondent(a, 'r1', 'Bürgermeisterin');
		removeRespondent(b, 'r1');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(readRespondents(a)).toEqual([]);
		restoreRespondent(b, 'r1');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		expect(readRespondents(a).map((r) => r.label)).toEqual(['Bürgermeisterin']);
	});

	it('a malformed rename written by a peer is ignored: the label from before stays', () => {
		const doc = new Y.Doc();
		addRespondent(doc, { id: 'r1', label: 'Spitze', perspective: 'H', createdAt: 1 });
		doc.getMap(ROOT_KEYS.respondentFields).set('r1/label', '   ');
		expect(readRespondents(doc).map((r) => r.label)).toEqual(['Spitze']);
		expect(() => renameRespondent(doc, 'r1', '')).toThrow(RangeError);
		expect(() => renameRespondent(doc, 'nobody', 'X')).toThrow();
	});
});
