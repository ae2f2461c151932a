import { expect, test } from './support/fixtures';
import { KommuneFormPage } from './pages/kommune-form';
import { StartPage } from './pages/start-page';
import { seriousViolations } from './support/axe';
import { KOMMUNEN } from './support/test-data';

test('no page has a serious or critical accessibility violation with a dozen municipalities loaded', async ({
	page
}) => {
	test.setTimeout(120_000);
	const form = new KommuneFormPage(page);
	for (const kommune of KOMMUNEN) await form.create(kommune);

	const start = new StartPage(page);
	await start.open();
	await expect(start.list.getByRole('row')).toHaveCount(KOMMUNEN.length + 1);
	expect(await seriousViolations(page), 'start page').toEqual([]);

	await page.goto(`/kommune/${KOMMUNEN[0]!.ars}`);
	await expect(page.getByRole('heading', { level: 1, name: KOMMUNEN[0]!.name })).toBeVisible();
	expect(await seriousViolations(page), 'profile').toEqual([]);

	await form.openNew();
	await form.submitCreate();
	await expect(page.getByText('Bitte korrigieren Sie die markierten Angaben.')).toBeVisible();
	expect(await seriousViolations(page), 'form with errors').toEqual([]);

	for (const [path, heading] of [
		['/barrierefreiheit', 'Erklärung zur Barrierefreiheit'],
		['/datenschutz', 'Datenschutz'],
		['/impressum', 'Impressum']
	] as const) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		expect(await seriousViolations(page), path).toEqual([]);
	}
});
