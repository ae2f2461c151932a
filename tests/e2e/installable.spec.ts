import { expect, test } from './support/fixtures';
import { waitForServiceWorkerControl } from './support/service-worker';

test('the app is installable, with a German name, icons and a theme colour', async ({
	page,
	context
}) => {
	await page.goto('/');
	await waitForServiceWorkerControl(page);

	const response = await page.request.get('/manifest.webmanifest');
	expect(response.ok()).toBe(true);
	const manifest = await response.json();
	expect(manifest).toMatchObject({
		name: 'Kommunalwerkstatt',
		lang: 'de',
		start_url: '/',
		display: 'standalone',
		theme_color: '#0b4f6c'
	});
	const sizes = (manifest.icons as { sizes: string }[]).map((icon) => icon.sizes);
	expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));

	// Chromium's own verdict on whether it would offer installation. Playwright's contexts are
	// incognito profiles, where Chromium never installs; that reason says nothing about the app.
	const cdp = await context.newCDPSession(page);
	const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
	expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual(
		[]
	);
});
