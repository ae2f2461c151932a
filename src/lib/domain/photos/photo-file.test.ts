import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanPhoto, PHOTO_MAX_BYTES, sameBytes, sniffPhotoType } from './photo-file';

// A 24×16 JPEG a browser encoded (canvas.toBlob): JFIF header, tables, one baseline scan. It decodes,
// so a cleaned copy whose image segments are byte for byte these does too.
const FLIPCHART = new Uint8Array(
	readFileSync(new URL('./fixtures/flipchart.jpg', import.meta.url))
);
// An 8×8 PNG a browser encoded.
const PIN_BOARD = new Uint8Array(readFileSync(new URL('./fixtures/pinboard.png', import.meta.url)));

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const concat = (...parts: Uint8Array[]) => {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
};
const u16 = (n: number) => Uint8Array.of(n >> 8, n & 0xff);
const u32 = (n: number) => Uint8Array.of(n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
const segment = (marker: number, payload: Uint8Array) =>
	concat(Uint8Array.of(0xff, marker), u16(payload.length + 2), payload);

/**
 * An EXIF block as a phone writes it (big-endian TIFF): Make, Model, Orientation in IFD0, a pointer to
 * a GPS IFD with latitude and longitude of Celle's town hall.
 */
function phoneExif(orientation: number): Uint8Array {
	const make = ascii('PhoneMaker\0'); // 11 bytes, stored at an offset
	const model = ascii('Pocket 12\0'); // 10 bytes
	const ifd0Entries = 4;
	const ifd0Size = 2 + ifd0Entries * 12 + 4;
	const makeAt = 8 + ifd0Size;
	const modelAt = makeAt + make.length;
	const gpsAt = modelAt + model.length;
	const gpsEntries = 4;
	const gpsSize = 2 + gpsEntries * 12 + 4;
	const latAt = gpsAt + gpsSize;
	const lonAt = latAt + 24;
	const rational = (...values: number[]) => concat(...values.flatMap((v) => [u32(v), u32(1)]));
	const entry = (tag: number, type: number, count: number, value: Uint8Array) =>
		concat(u16(tag), u16(type), u32(count), value);
	const tiff = concat(
		ascii('MM'),
		u16(42),
		u32(8),
		u16(ifd0Entries),
		entry(0x010f, 2, make.length, u32(makeAt)),
		entry(0x0110, 2, model.length, u32(modelAt)),
		entry(0x0112, 3, 1, concat(u16(orientation), u16(0))),
		entry(0x8825, 4, 1, u32(gpsAt)),
		u32(0),
		make,
		model,
		u16(gpsEntries),
		entry(0x0001, 2, 2, concat(ascii('N\0'), u16(0))),
		entry(0x0002, 5, 3, u32(latAt)),
		entry(0x0003, 2, 2, concat(ascii('E\0'), u16(0))),
		entry(0x0004, 5, 3, u32(lonAt)),
		u32(0),
		rational(52, 37, 30),
		rational(10, 4, 50)
	);
	return segment(0xe1, concat(ascii('Exif\0\0'), tiff));
}

const XMP = segment(
	0xe1,
	ascii(
		'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>52,37.5N</exif:GPSLatitude></x:xmpmeta>'
	)
);
const IPTC = segment(0xed, ascii('Photoshop 3.0\0 8BIM city Celle'));
const COMMENT = segment(0xfe, ascii('taken by Erika at the town hall'));

/** Inserts segments right after SOI (and the JFIF header) and appends bytes after EOI. */
function withMetadata(jpeg: Uint8Array, segments: Uint8Array[], trailer = new Uint8Array()) {
	const jfifEnd = 2 + 2 + ((jpeg[4]! << 8) | jpeg[5]!);
	return concat(jpeg.subarray(0, jfifEnd), ...segments, jpeg.subarray(jfifEnd), trailer);
}

interface Segment {
	marker: number;
	bytes: Uint8Array;
}

/** The segments of a JPEG up to the first scan, read independently of the code under test. */
function headerSegments(jpeg: Uint8Array): Segment[] {
	expect([jpeg[0], jpeg[1]]).toEqual([0xff, 0xd8]);
	const out: Segment[] = [];
	let at = 2;
	for (;;) {
		const marker = jpeg[at + 1]!;
		const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
		out.push({ marker, bytes: jpeg.subarray(at, at + 2 + length) });
		if (marker === 0xda) return out;
		at += 2 + length;
	}
}

/** Everything from the first scan on (the image data), which cleaning must leave as it is. */
function fromFirstScan(jpeg: Uint8Array): Uint8Array {
	const scan = headerSegments(jpeg).at(-1)!;
	return jpeg.subarray(scan.bytes.byteOffset - jpeg.byteOffset);
}

const contains = (haystack: Uint8Array, needle: string) =>
	Buffer.from(haystack).includes(Buffer.from(needle, 'latin1'));

describe('a photo is accepted by its bytes', () => {
	it('knows JPEG, PNG and WebP by their first bytes, and nothing else', () => {
		expect(sniffPhotoType(FLIPCHART)).toBe('image/jpeg');
		expect(sniffPhotoType(PIN_BOARD)).toBe('image/png');
		expect(sniffPhotoType(concat(ascii('RIFF'), u32(4), ascii('WEBP')))).toBe('image/webp');
		expect(sniffPhotoType(concat(ascii('%PDF-1.7'), new Uint8Array(20)))).toBeNull();
	});

	it('refuses a program renamed to .jpg as not being a photo', () => {
		const exe = concat(ascii('MZ'), new Uint8Array(58), ascii('PE\0\0'), new Uint8Array(200));
		expect(cleanPhoto(exe)).toEqual({ ok: false, error: 'photo_unsupported_type' });
	});

	it('refuses a JPEG that was cut off before its end as damaged', () => {
		const cut = FLIPCHART.subarray(0, FLIPCHART.length - 40);
		expect(cleanPhoto(cut)).toEqual({ ok: false, error: 'photo_damaged' });
		// Cut inside the header, too.
		expect(cleanPhoto(FLIPCHART.subarray(0, 30))).toEqual({ ok: false, error: 'photo_damaged' });
	});

	it('refuses a 40 MB file as too large, whatever it holds', () => {
		const huge = new Uint8Array(40 * 1024 * 1024);
		huge.set(FLIPCHART);
		expect(cleanPhoto(huge)).toEqual({ ok: false, error: 'photo_too_large' });
		expect(PHOTO_MAX_BYTES).toBe(15 * 1024 * 1024);
	});

	it('refuses an empty file', () => {
		expect(cleanPhoto(new Uint8Array())).toEqual({ ok: false, error: 'photo_empty' });
	});
});

describe('cleaning a JPEG', () => {
	const tagged = withMetadata(
		FLIPCHART,
		[phoneExif(6), XMP, IPTC, COMMENT],
		ascii('SAMSUNG trailer with a thumbnail')
	);

	it('removes location, camera, XMP, IPTC, comments and trailing data', () => {
		// The fixture really carries what a phone writes.
		expect(contains(tagged, 'PhoneMaker')).toBe(true);
		const result = cleanPhoto(tagged);
		if (!result.ok) throw new Error(result.error);
		const { bytes } = result.value;
		for (const text of [
			'PhoneMaker',
			'Pocket 12',
			'xmpmeta',
			'GPSLatitude',
			'Celle',
			'Erika',
			'SAMSUNG'
		])
			expect(contains(bytes, text), text).toBe(false);
		const markers = headerSegments(bytes).map((s) => s.marker);
		expect(markers).not.toContain(0xed);
		expect(markers).not.toContain(0xfe);
	});

	it('keeps the orientation as the only EXIF tag, so a portrait photo stays upright', () => {
		const result = cleanPhoto(tagged);
		if (!result.ok) throw new Error(result.error);
		const app1 = headerSegments(result.value.bytes).filter((s) => s.marker === 0xe1);
		expect(app1).toHaveLength(1);
		// 'Exif\0\0', big-endian TIFF header at 8, one IFD entry: tag 0x0112, SHORT, 1 value: 6.
		expect([...app1[0]!.bytes]).toEqual([
			0xff, 0xe1, 0, 34, 0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01,
			0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0
		]);
	});

	it('leaves the image data byte for byte as the browser encoded it, so it still decodes', () => {
		const result = cleanPhoto(tagged);
		if (!result.ok) throw new Error(result.error);
		expect(sameBytes(fromFirstScan(result.value.bytes), fromFirstScan(FLIPCHART))).toBe(true);
		const kept = (jpeg: Uint8Array) =>
			headerSegments(jpeg)
				.filter((s) => s.marker !== 0xe1)
				.map((s) => [...s.bytes]);
		expect(kept(result.value.bytes)).toEqual(kept(FLIPCHART));
		expect(result.value).toMatchObject({ mediaType: 'image/jpeg', width: 24, height: 16 });
	});

	it('changes nothing in a photo it has cleaned already (the server checks it so)', () => {
		const once = cleanPhoto(tagged);
		if (!once.ok) throw new Error(once.error);
		const twice = cleanPhoto(once.value.bytes);
		if (!twice.ok) throw new Error(twice.error);
		expect(sameBytes(twice.value.bytes, once.value.bytes)).toBe(true);
		// The browser's own output has nothing to remove either.
		const plain = cleanPhoto(FLIPCHART);
		expect(plain.ok && sameBytes(plain.value.bytes, FLIPCHART)).toBe(true);
	});

	it('drops an orientation that turns nothing', () => {
		const result = cleanPhoto(withMetadata(FLIPCHART, [phoneExif(1)]));
		if (!result.ok) throw new Error(result.error);
		expect(sameBytes(result.value.bytes, FLIPCHART)).toBe(true);
	});
});

describe('cleaning a PNG', () => {
	/** A chunk with a dummy CRC: the cleaner checks the structure, decoders the CRC. */
	const chunk = (type: string, data: Uint8Array) =>
		concat(u32(data.length), ascii(type), data, u32(0));

	it('removes text, EXIF and time chunks and keeps the image chunks in order', () => {
		const ihdrEnd = 8 + 25;
		const tagged = concat(
			PIN_BOARD.subarray(0, ihdrEnd),
			chunk('tEXt', ascii('Author\0Erika')),
			chunk('iTXt', ascii('XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>')),
			chunk('zTXt', ascii('Comment\0\0xyz')),
			chunk('eXIf', ascii('MM\0*GPS')),
			chunk('tIME', Uint8Array.of(7, 234, 12, 7, 9, 30, 0)),
			PIN_BOARD.subarray(ihdrEnd)
		);
		const result = cleanPhoto(tagged);
		if (!result.ok) throw new Error(result.error);
		expect(sameBytes(result.value.bytes, PIN_BOARD)).toBe(true);
		expect(result.value).toMatchObject({ mediaType: 'image/png', width: 8, height: 8 });
	});

	it('refuses a PNG without its end', () => {
		expect(cleanPhoto(PIN_BOARD.subarray(0, PIN_BOARD.length - 12))).toEqual({
			ok: false,
			error: 'photo_damaged'
		});
	});
});

describe('cleaning a WebP', () => {
	const chunk = (type: string, data: Uint8Array) => {
		const size = Uint8Array.of(data.length & 0xff, (data.length >> 8) & 0xff, 0, 0);
		return concat(ascii(type), size, data, data.length % 2 ? Uint8Array.of(0) : new Uint8Array());
	};
	const riff = (...chunks: Uint8Array[]) => {
		const body = concat(ascii('WEBP'), ...chunks);
		const size = Uint8Array.of(body.length & 0xff, (body.length >> 8) & 0xff, 0, 0);
		return concat(ascii('RIFF'), size, body);
	};
	// VP8X: flags with EXIF (0x08) and XMP (0x04) set, canvas 100×50 (stored minus one, 24-bit LE).
	const vp8x = (flags: number) => chunk('VP8X', Uint8Array.of(flags, 0, 0, 0, 99, 0, 0, 49, 0, 0));
	const image = chunk('VP8L', Uint8Array.of(0x2f, 0x63, 0x40, 0x0c, 0x00, 0x00));

	it('removes EXIF and XMP chunks and clears their flags', () => {
		const tagged = riff(
			vp8x(0x0c),
			image,
			chunk('EXIF', ascii('MM\0*GPS')),
			chunk('XMP ', ascii('<x/>'))
		);
		const result = cleanPhoto(tagged);
		if (!result.ok) throw new Error(result.error);
		expect([...result.value.bytes]).toEqual([...riff(vp8x(0), image)]);
		expect(result.value).toMatchObject({ mediaType: 'image/webp', width: 100, height: 50 });
	});
});
