import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CATALOG_2026_1 } from '../domain/check/catalog-2026-1';
import { fieldFromSuggestion } from '../domain/workshop/action-fields';
import { ROOT_KEYS } from './schema';
import {
	addActionField,
	editActionField,
	readActionFieldLinks,
	readActionFields,
	setActionFieldLink,
	setActionFieldRemoved
} from './workshop-action-fields';

const sync = (a: Y.Doc, b: Y.Doc) => {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

const daten = CATALOG_2026_1.dimensions.find((d) => d.id === 'daten')!;

describe('Handlungsfelder on the board', () => {
	it('two facilitators taking over the same suggestion offline end with one field', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		addActionField(a, fieldFromSuggestion(daten, 'a0', 1_000));
		addActionField(b, fieldFromSuggestion(daten, 'a1', 2_000));
		sync(a, b);
		const { fields } = readActionFields(a);
		expect(fields).toHaveLength(1);
		expect(fields[0]).toMatchObject({ id: 'hf.daten', title: daten.title, dimensions: ['daten'] });
		expect(readActionFields(b)).toEqual(readActionFields(a));
	});

	it('two people tagging different dimensions at the same time keep both tags, and the title edit too', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		addActionField(a, {
			id: 'F1',
			title: 'Digitale Akte',
			dimensions: ['prozesse'],
			order: 'a0',
			createdAt: 1
		});
		sync(a, b);
		editActionField(a, 'F1', { dimensions: { daten: true }, title: 'E-Akte einführen' });
		editActionField(b, 'F1', { dimensions: { personal: true, prozesse: false } });
		sync(a, b);
		expect(readActionFields(a).fields[0]).toMatchObject({
			title: 'E-Akte einführen',
			dimensions: ['daten', 'personal']
		});
	});

	it('a removed field comes back with its links on undo', () => {
		const doc = new Y.Doc();
		addActionField(doc, fieldFromSuggestion(daten, 'a0', 1));
		setActionFieldLink(doc, { fieldId: 'hf.daten', itemId: 'C1' }, true);
		setActionFieldLink(doc, { fieldId: 'hf.daten', itemId: 'K1' }, true);
		setActionFieldRemoved(doc, 'hf.daten', true);
		expect(readActionFields(doc)).toMatchObject({ fields: [], removedIds: ['hf.daten'] });
		setActionFieldRemoved(doc, 'hf.daten', false);
		expect(readActionFields(doc).fields.map((f) => f.id)).toEqual(['hf.daten']);
		expect(readActionFieldLinks(doc).get('hf.daten')?.sort()).toEqual(['C1', 'K1']);
		setActionFieldLink(doc, { fieldId: 'hf.daten', itemId: 'C1' }, false);
		expect(readActionFieldLinks(doc).get('hf.daten')).toEqual(['K1']);
	});

	it('a field without a dimension is refused when written; records in another shape are left out', () => {
		const doc = new Y.Doc();
		expect(() =>
			addActionField(doc, { id: 'F1', title: 'Ohne', dimensions: [], order: 'a0', createdAt: 1 })
		).toThrow(RangeError);
		const map = doc.getMap(ROOT_KEYS.actionFields);
		map.set('F2/title', '');
		map.set('F2/order', 'a0');
		map.set('F2/createdAt', 1);
		doc.getMap(ROOT_KEYS.actionFieldLinks).set('F2/C1/x', true);
		expect(readActionFields(doc)).toEqual({ fields: [], removedIds: [], malformed: 1 });
		expect(readActionFieldLinks(doc).size).toBe(0);
	});
});
