import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT_KEYS } from './schema';
import {
	checkInParticipant,
	readRoster,
	readWorkshopInfo,
	readWorkshopPlan,
	writeWorkshopInfo,
	writeWorkshopPlan
} from './workshop-doc';

const sync = (a: Y.Doc, b: Y.Doc) => {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

describe('workshop documents', () => {
	it('the control document keeps the title and date; a missing or blank title reads as no workshop', () => {
		const doc = new Y.Doc();
		expect(readWorkshopInfo(doc)).toBeNull();
		writeWorkshopInfo(doc, { title: 'Workshop Handlungsfelder', date: '2027-03-15' });
		expect(readWorkshopInfo(doc)).toEqual({
			title: 'Workshop Handlungsfelder',
			date: '2027-03-15'
		});
		doc.getMap(ROOT_KEYS.workshop).set('date', 'morgen');
		expect(readWorkshopInfo(doc)?.date).toBeNull();
		doc.getMap(ROOT_KEYS.workshop).set('title', '  ');
		expect(readWorkshopInfo(doc)).toBeNull();
	});

	it('two participants checking in at the same moment on different devices both appear', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		checkInParticipant(a, 'p-anna', 'Anna', 1_000);
		checkInParticipant(b, 'p-bernd', 'Bernd', 1_001);
		sync(a, b);
		const expected = [
			{ participantId: 'p-anna', name: 'Anna', joinedAt: 1_000 },
			{ participantId: 'p-bernd', name: 'Bernd', joinedAt: 1_001 }
		];
		expect(readRoster(a)).toEqual(expected);
		expect(readRoster(b)).toEqual(expected);
	});

	it('checking in again with the same name writes nothing; a new name keeps the join time', () => {
		const doc = new Y.Doc();
		checkInParticipant(doc, 'p1', 'Anna', 1_000);
		let updates = 0;
		doc.on('update', () => updates++);
		checkInParticipant(doc, 'p1', 'Anna', 2_000);
		expect(updates).toBe(0);
		checkInParticipant(doc, 'p1', 'Anna B.', 3_000);
		expect(readRoster(doc)).toEqual([{ participantId: 'p1', name: 'Anna B.', joinedAt: 1_000 }]);
	});

	it('roster entries a buggy or malicious peer wrote in another shape are skipped', () => {
		const doc = new Y.Doc();
		checkInParticipant(doc, 'p1', 'Anna', 1_000);
		const map = doc.getMap(ROOT_KEYS.participants);
		map.set('p2', 'nur ein Text');
		map.set('p3', { name: 42, joinedAt: 1 });
		map.set('p4', { name: 'Mallory\u202e', joinedAt: 1 });
		map.set('p5', { name: 'x'.repeat(81), joinedAt: 1 });
		map.set('p6', { name: 'Eve', joinedAt: 'gestern' });
		// An id that cannot name a private document (the reveal opens one per roster entry).
		map.set('../control', { name: 'Trudy', joinedAt: 1 });
		expect(readRoster(doc).map((e) => e.participantId)).toEqual(['p1']);
	});

	it('the control document keeps place and start time; a start outside the day is refused and a peer’s garbage reads as none', () => {
		const doc = new Y.Doc();
		expect(readWorkshopPlan(doc)).toEqual({ place: null, startMinutes: null, facilitators: null });
		writeWorkshopPlan(doc, { place: 'Ratssaal', startMinutes: 8 * 60 + 30 });
		expect(readWorkshopPlan(doc)).toEqual({
			place: 'Ratssaal',
			startMinutes: 510,
			facilitators: null
		});
		expect(() => writeWorkshopPlan(doc, { place: null, startMinutes: 24 * 60 })).toThrow(
			RangeError
		);
		doc.getMap(ROOT_KEYS.workshop).set('startMinutes', '8:30');
		expect(readWorkshopPlan(doc).startMinutes).toBeNull();
	});

	it('keeps who facilitates the day, up to 200 characters; a longer text is refused and changes nothing', () => {
		const doc = new Y.Doc();
		writeWorkshopPlan(doc, { facilitators: 'Anna Schmidt, Ben Meier' });
		expect(readWorkshopPlan(doc).facilitators).toBe('Anna Schmidt, Ben Meier');
		expect(() => writeWorkshopPlan(doc, { facilitators: 'x'.repeat(201) })).toThrow(RangeError);
		expect(readWorkshopPlan(doc).facilitators).toBe('Anna Schmidt, Ben Meier');
		writeWorkshopPlan(doc, { facilitators: 'x'.repeat(200) });
		expect(readWorkshopPlan(doc).facilitators).toHaveLength(200);
		// A peer's text over the limit reads as none.
		doc.getMap(ROOT_KEYS.workshop).set('facilitators', 'x'.repeat(201));
		expect(readWorkshopPlan(doc).facilitators).toBeNull();
	});

	it('keeps a field a newer app added to a roster entry when the participant renames themselves', () => {
		const doc = new Y.Doc();
		checkInParticipant(doc, 'p1', 'Anna', 1_000);
		const roster = doc.getMap(ROOT_KEYS.participants);
		roster.set('p1', { ...(roster.get('p1') as object), pronouns: 'sie' });
		checkInParticipant(doc, 'p1', 'Anna K.', 2_000);
		expect(roster.get('p1')).toEqual({ name: 'Anna K.', joinedAt: 1_000, pronouns: 'sie' });
		expect(readRoster(doc)).toEqual([{ participantId: 'p1', name: 'Anna K.', joinedAt: 1_000 }]);
	});
});
