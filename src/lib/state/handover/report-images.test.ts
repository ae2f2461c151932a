import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../domain/documents/report-document';
import { reportImages } from './report-images';

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
