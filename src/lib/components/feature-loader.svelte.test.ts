// The loading line, the error and the page of every feature page come from FeatureLoader: a person
// offline whose browser never fetched a page's code must read why the page is empty, and a page must
// not show a half-read feature.
import { createRawSnippet, flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { appErrorMessage } from '$lib/state/app-error';
import FeatureLoader from './FeatureLoader.svelte';

interface Feature {
	name: string;
	loading: boolean;
}

const mounted: ReturnType<typeof mount>[] = [];
afterEach(() => {
	mounted.splice(0).forEach((component) => unmount(component));
	document.body.innerHTML = '';
});

function show(feature: Promise<Feature>, ready?: (feature: Feature) => boolean, framed = false) {
	const children = createRawSnippet((loaded: () => Feature) => ({
		render: () => `<h2>${loaded().name}</h2>`
	}));
	mounted.push(
		mount(FeatureLoader<Feature>, {
			target: document.body,
			props: { feature, loading: 'Wird geladen …', ready, framed, children }
		})
	);
}

const settle = async () => {
	await new Promise((resolve) => setTimeout(resolve, 0));
	flushSync();
};

describe('a feature page while its code and documents load', () => {
	it('says it is loading until the code has arrived, then shows the page', async () => {
		let arrive: (feature: Feature) => void = () => undefined;
		show(new Promise((resolve) => (arrive = resolve)));
		flushSync();
		expect(document.querySelector('[role=status]')?.textContent).toBe('Wird geladen …');
		arrive({ name: 'Workshop', loading: false });
		await settle();
		expect(document.querySelector('h2')?.textContent).toBe('Workshop');
		expect(document.querySelector('[role=status]')).toBeNull();
	});

	it('keeps the loading line while the loaded feature still reads its documents', async () => {
		show(Promise.resolve({ name: 'Plan', loading: true }), (feature) => !feature.loading);
		await settle();
		expect(document.querySelector('[role=status]')?.textContent).toBe('Wird geladen …');
		expect(document.querySelector('h2')).toBeNull();
	});

	it('says in German that a part of the app could not be loaded when the code cannot be fetched', async () => {
		show(Promise.reject(new Error('Failed to fetch dynamically imported module')), undefined, true);
		await settle();
		const alert = document.querySelector('.page > [role=alert]');
		expect(alert?.textContent).toBe(appErrorMessage('code_load_failed'));
		expect(document.querySelector('h2')).toBeNull();
	});
});
