import { describe, expect, it } from 'vitest';
import { readSetupLink, setupLinkFor } from './central-setup-link';

describe('the set-up link for the central server', () => {
	it('carries address and key in the fragment of the laptop page, and reads back unchanged', () => {
		const link = setupLinkFor(
			{ address: 'https://zentral.example.de', token: 'eyJ.a+b/c=.sig' },
			'http://localhost:8420'
		);
		expect(link).toBe(
			'http://localhost:8420/zentrale#adresse=https%3A%2F%2Fzentral.example.de&schluessel=eyJ.a%2Bb%2Fc%3D.sig'
		);
		expect(readSetupLink(link)).toEqual({
			address: 'https://zentral.example.de',
			token: 'eyJ.a+b/c=.sig'
		});
	});

	it('is read from the fragment alone, and refused when address or key is missing', () => {
		expect(readSetupLink('adresse=https%3A%2F%2Fz.example&schluessel=abc')).toEqual({
			address: 'https://z.example',
			token: 'abc'
		});
		expect(
			readSetupLink('http://localhost:8420/zentrale#adresse=https%3A%2F%2Fz.example')
		).toBeNull();
		expect(readSetupLink('irgendein Text')).toBeNull();
	});
});
