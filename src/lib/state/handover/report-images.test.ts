import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../domain/documents/report-document';
import { reportImages, webpToJpeg } from './report-images';

const withPhotos = (...sha256: string[]): ReportDocument => ({
	title: 'Protokoll',
	subject: 'Protokoll',
	language: 'de-DE',
	fileName: 'Protokoll',
	author: 'Kommunalwerkstatt',
	createdAt: '2027-03-14T16:30:00.000Z',
	blocks: sha256.map((sha) => ({
		kind: 'image',
		sha256: sha,
		mediaType: 'image/jpeg',
		alt: 'Flipchart',
		caption: 'Foto'
	}))
});

describe('the photos a protocol file embeds', () => {
	it('are the bytes of every photo the document shows, each read once', async () => {
		const asked: string[] = [];
		const images = await reportImages(withPhotos('a1', 'b2', 'a1'), async (sha) => {
			asked.push(sha);
			return new Uint8Array([sha.length, sha.charCodeAt(0)]);
		});
		expect(asked.sort()).toEqual(['a1', 'b2']);
		expect([...images.keys()].sort()).toEqual(['a1', 'b2']);
		expect([...images.get('b2')!]).toEqual([2, 98]);
	});

	it('leave out a photo neither this device nor the laptop has, so its description is written instead', async () => {
		const images = await reportImages(withPhotos('here', 'gone'), async (sha) =>
			sha === 'here' ? new Uint8Array([1]) : null
		);
		expect([...images.keys()]).toEqual(['here']);
	});
});

describe('a WebP photo, which neither file format embeds', () => {
	const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1]);
	const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 2]);
	// "RIFF", four bytes of length, "WEBP".
	const WEBP = new Uint8Array([0x52, 0x49, 0x46, 0x46, 4, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 3]);

	it('is converted, while a JPEG and a PNG are embedded as they are', async () => {
		const converted: number[][] = [];
		const bytes = new Map([
			['jpeg', JPEG],
			['png', PNG],
			['webp', WEBP]
		]);
		const images = await reportImages(
			withPhotos('jpeg', 'png', 'webp'),
			async (sha) => bytes.get(sha) ?? null,
			async (webp) => {
				converted.push([...webp]);
				return JPEG;
			}
		);
		expect(converted).toEqual([[...WEBP]]);
		expect(images.get('jpeg')).toBe(JPEG);
		expect(images.get('png')).toBe(PNG);
		expect(images.get('webp')).toBe(JPEG);
	});

	it('is left out, and described instead, where this browser cannot convert it', async () => {
		const images = await reportImages(
			withPhotos('webp'),
			async () => WEBP,
			async () => null
		);
		expect([...images.keys()]).toEqual([]);
	});

	it('cannot be converted where there is no image decoder, as in Node', async () => {
		expect(await webpToJpeg(WEBP)).toBeNull();
	});
});
