import { expect, test } from './support/fixtures';

test('the Impressum shows the operator configured on the server', async ({ page }) => {
	await page.goto('/impressum');
	await expect(page.getByText('Testbetrieb Kommunalwerkstatt')).toBeVisible();
	await expect(page.getByText(/Dieser Server läuft auf dem Laptop der Moderation/)).toBeVisible();
});

test('the accessibility statement names its status, a feedback contact and the enforcement procedure', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Barrierefreiheit' }).click();
	await expect(page.getByRole('heading', { name: 'Stand der Vereinbarkeit' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Feedback und Kontakt' })).toBeVisible();
	// The contact comes from the server's configuration (OPERATOR_EMAIL of the test server).
	await expect(page.getByRole('link', { name: 'barrierefreiheit@example.org' })).toHaveAttribute(
		'href',
		'mailto:barrierefreiheit@example.org'
	);
	await expect(
		page.getByRole('link', { name: /Schlichtungsstelle Niedersachsen/ })
	).toHaveAttribute('href', /^https:\/\//);
});

test('the data protection page says that nothing leaves the device unless the user syncs it', async ({
	page
}) => {
	await page.goto('/datenschutz');
	await expect(
		page.getByText('Nichts verlässt dieses Gerät, solange Sie nicht synchronisieren.', {
			exact: false
		})
	).toBeVisible();
});
