import { expect, test } from './support/fixtures';
import { KommuneFormPage } from './pages/kommune-form';
import { StartPage } from './pages/start-page';
import { KOMMUNEN } from './support/test-data';

// SPEC S2: when IndexedDB never answers (private mode, a blocked upgrade), the open times out
// and the user sees why, instead of a form that pretends to save.
test('when the browser storage never answers, creating a municipality says so and saves nothing', async ({
	page
}) => {
	test.setTimeout(60_000);
	await page.addInitScript(() => {
		const open = IDBFactory.prototype.open;
		IDBFactory.prototype.open = function (name: string, version?: number) {
			// Document databases hang; the app's own list database keeps working.
			if (name.startsWith('kommune/')) return {} as IDBOpenDBRequest;
			return open.call(this, name, version);
		};
	});
	const form = new KommuneFormPage(page);
	await form.openNew();
	await form.fill(KOMMUNEN[10]!);
	await form.submitCreate();

	await expect(page.getByText(/Der Speicher dieses Browsers antwortet nicht/)).toBeVisible({
		timeout: 20_000
	});
	await expect(page.getByRole('heading', { level: 1, name: 'Kommune anlegen' })).toBeVisible();

	const start = new StartPage(page);
	await start.open();
	await expect(start.emptyState).toBeVisible();
});
