import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { KommuneProfileFields } from '../domain/kommune-profile';
import type { Ars } from '../domain/ars';
import { observeProfile, readProfile, writeProfile } from './profile-doc';
import { readMeta, ROOT_KEYS, SCHEMA_VERSION } from './schema';

const hameln: KommuneProfileFields = {
	ars: '032520006006' as Ars,
	name: 'Hameln',
	type: 'stadt',
	landkreis: 'Landkreis Hameln-Pyrmont',
	population: 57_000,
	coreStaff: 800,
	itStaffFte: 12.5,
	itOperatingModel: 'gemischt'
};

const exchange = (a: Y.Doc, b: Y.Doc) => {
	const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
	const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
	Y.applyUpdate(b, toB);
	Y.applyUpdate(a, toA);
};

describe('profile document', () => {
	it('reads back what was written, with the AGS derived and meta set', () => {
		const doc = new Y.Doc();
		writeProfile(doc, hameln, { now: 1234 });
		expect(readProfile(doc)).toEqual({
			profile: { ...hameln, ags: '03252006' },
			malformed: false,
			newerSchema: false
		});
		expect(readMeta(doc)).toEqual({ schemaVersion: SCHEMA_VERSION, createdAt: 1234 });
	});

	it('survives a round trip through an encoded update into a fresh document', () => {
		const doc = new Y.Doc();
		writeProfile(doc, hameln);
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
		expect(readProfile(copy).profile).toEqual({ ...hameln, ags: '03252006' });
	});

	it('writes everything in one transaction, and nothing when nothing changed', () => {
		const doc = new Y.Doc();
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => updates.push(u));
		writeProfile(doc, hameln);
		writeProfile(doc, hameln);
		expect(updates).toHaveLength(1);
	});

	it('reports an empty document as no profile, not as malformed', () => {
		expect(readProfile(new Y.Doc())).toEqual({
			profile: null,
			malformed: false,
			newerSchema: false
		});
	});

	it('ignores malformed content instead of throwing', () => {
		const doc = new Y.Doc();
		writeProfile(doc, hameln);
		doc.getMap(ROOT_KEYS.profile).set('population', 'viele');
		expect(readProfile(doc)).toMatchObject({ profile: null, malformed: true });
	});

	it('treats a profile root of the wrong shared type as malformed', () => {
		const doc = new Y.Doc();
		doc.getText(ROOT_KEYS.profile).insert(0, 'not a map');
		expect(readProfile(doc)).toMatchObject({ profile: null, malformed: true });
		expect(() => writeProfile(doc, hameln)).toThrow();
	});

	it('flags a document written by a newer schema version', () => {
		const doc = new Y.Doc();
		writeProfile(doc, hameln);
		doc.getMap(ROOT_KEYS.meta).set('schemaVersion', SCHEMA_VERSION + 1);
		expect(readProfile(doc)).toMatchObject({ newerSchema: true, malformed: false });
	});

	it('flags, shows and keeps a field only a newer app version knows', () => {
		const doc = new Y.Doc();
		writeProfile(doc, hameln);
		doc.getMap(ROOT_KEYS.profile).set('website', 'https://www.hameln.de');
		expect(readProfile(doc)).toMatchObject({
			profile: { name: 'Hameln' },
			newerSchema: true,
			malformed: false
		});
		writeProfile(doc, { name: 'Hameln an der Weser' });
		expect(doc.getMap(ROOT_KEYS.profile).get('website')).toBe('https://www.hameln.de');
	});

	it('keeps both edits when two devices change different fields at the same time', () => {
		const a = new Y.Doc();
		writeProfile(a, hameln);
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

		writeProfile(a, { ...hameln, name: 'Rattenfängerstadt Hameln' });
		writeProfile(b, { ...hameln, population: 58_123 });
		exchange(a, b);

		const expected = { ...hameln, name: 'Rattenfängerstadt Hameln', population: 58_123 };
		expect(readProfile(a).profile).toEqual({ ...expected, ags: '03252006' });
		expect(readProfile(b).profile).toEqual(readProfile(a).profile);
	});

	it('keeps a concurrent rename when a stale document writes only the field it changed', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		// B gets the higher client id, so B would win a conflict on the name if it wrote one.
		a.clientID = 1;
		b.clientID = 2;
		writeProfile(a, hameln);
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

		writeProfile(a, { name: 'Rattenfängerstadt Hameln' });
		writeProfile(b, { population: 58_123 });
		exchange(a, b);

		const expected = { ...hameln, name: 'Rattenfängerstadt Hameln', population: 58_123 };
		expect(readProfile(a).profile).toEqual({ ...expected, ags: '03252006' });
		expect(readProfile(b).profile).toEqual(readProfile(a).profile);
	});

	it('writes nothing when given no fields', () => {
		const doc = new Y.Doc();
		writeProfile(doc, hameln);
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => updates.push(u));
		writeProfile(doc, {});
		expect(updates).toEqual([]);
	});

	it('tells observers about local and remote changes', () => {
		const doc = new Y.Doc();
		const listener = vi.fn();
		const stop = observeProfile(doc, listener);
		writeProfile(doc, hameln);
		const remote = new Y.Doc();
		Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
		writeProfile(remote, { ...hameln, coreStaff: 801 });
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
		stop();
		writeProfile(doc, { ...hameln, coreStaff: 802 });

		expect(listener).toHaveBeenCalledTimes(2);
		expect(listener.mock.calls[0]![0]).toMatchObject({ isLocal: true });
		expect(listener.mock.calls[1]![0]).toMatchObject({
			isLocal: false,
			profile: { coreStaff: 801 }
		});
	});
});
