import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Photo } from '../domain/photos/photo';
import { ROOT_KEYS } from './schema';
import { addPhoto, photoHashes, readPhotos, removePhoto, setPhotoCaption } from './workshop-photos';

const sync = (a: Y.Doc, b: Y.Doc) => {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

const HASH_A = 'a'.repeat(64);
const HASH_B = '0123456789abcdef'.repeat(4);

const photo = (overrides: Partial<Photo> = {}): Photo => ({
	id: 'P1',
	blockId: 'b1',
	sha256: HASH_A,
	mediaType: 'image/jpeg',
	width: 4032,
	height: 3024,
	caption: '',
	authorId: 'p-anna',
	createdAt: 1_000,
	...overrides
});

describe('photos of the protocol on the board', () => {
	it('photos added on two devices are both kept, by creation time, with their block and blob', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		addPhoto(a, photo({ id: 'P2', createdAt: 2_000, sha256: HASH_B, authorId: 'mod' }));
		addPhoto(b, photo({ width: null, height: null, mediaType: 'image/png' }));
		sync(a, b);
		expect(readPhotos(a)).toEqual([
			photo({ width: null, height: null, mediaType: 'image/png' }),
			photo({ id: 'P2', createdAt: 2_000, sha256: HASH_B, authorId: 'mod' })
		]);
		expect(photoHashes(b)).toEqual([HASH_B, HASH_A]);
	});

	it('a description written while another device removes the photo stays for undo', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		addPhoto(a, photo());
		sync(a, b);
		setPhotoCaption(a, 'P1', 'Flipchart mit den Ideen der Gruppe Schule');
		removePhoto(b, 'P1');
		sync(a, b);
		expect(readPhotos(a)).toEqual([]);
		// The removed photo's blob is still one the device keeps (undo can bring it back).
		expect(photoHashes(a)).toEqual([HASH_A]);
		a.getMap(ROOT_KEYS.photos).delete('P1/removed');
		expect(readPhotos(a)[0]?.caption).toBe('Flipchart mit den Ideen der Gruppe Schule');
	});

	it('an empty description removes it', () => {
		const doc = new Y.Doc();
		addPhoto(doc, photo({ caption: 'Pinnwand' }));
		setPhotoCaption(doc, 'P1', '');
		expect(doc.getMap(ROOT_KEYS.photos).has('P1/caption')).toBe(false);
		expect(readPhotos(doc)[0]?.caption).toBe('');
	});

	it('refuses a record that does not name a blob, and leaves out a malformed one when reading', () => {
		const doc = new Y.Doc();
		expect(() => addPhoto(doc, photo({ sha256: 'not-a-hash' }))).toThrow(RangeError);
		expect(() => addPhoto(doc, photo({ caption: 'x'.repeat(301) }))).toThrow(RangeError);
		const map = doc.getMap(ROOT_KEYS.photos);
		for (const [field, value] of Object.entries({
			blockId: 'b1',
			sha256: HASH_A.toUpperCase(),
			mediaType: 'image/jpeg',
			authorId: 'p-anna',
			createdAt: 1
		}))
			map.set(`P9/${field}`, value);
		expect(readPhotos(doc)).toEqual([]);
	});
});
