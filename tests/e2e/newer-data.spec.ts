// Data a newer app version wrote (ADR 13) is kept and the page says where it comes from.
import { expect, test } from './support/fixtures';
import { KommuneFormPage } from './pages/kommune-form';
import { KOMMUNEN } from './support/test-data';
import { seriousViolations } from './support/axe';
import {
	readServerDocument,
	readServerProfile,
	writeServerDocument
} from './support/server-documents';
import { profileDocName } from '../../src/lib/domain/document-names';

const HANNOVER = KOMMUNEN[0]!;
const NOTICE = /Diese Daten stammen aus einer neueren Version der App/;

test('a profile field only a newer app knows is kept, and the page says the data comes from a newer app', async ({
	page,
	appServer
}) => {
	const form = new KommuneFormPage(page);
	await form.create(HANNOVER);
	await expect(page.getByRole('heading', { level: 1, name: 'Hannover' })).toBeVisible();
	await expect(page.getByText(NOTICE)).toHaveCount(0);
	await expect
		.poll(async () => (await readServerProfile(appServer, HANNOVER.ars))?.name)
		.toBe('Hannover');

	// A colleague's device with a newer app adds a field this version does not know.
	const name = profileDocName(HANNOVER.ars);
	await writeServerDocument(appServer, name, (doc) =>
		doc.getMap('profile').set('website', 'https://www.hannover.de')
	);
	await expect(page.getByRole('alert').filter({ hasText: NOTICE })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: 'Hannover' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);

	await page.reload();
	await expect(page.getByRole('alert').filter({ hasText: NOTICE })).toBeVisible();
	expect(
		await readServerDocument(appServer, name, (doc) => doc.getMap('profile').get('website'))
	).toBe('https://www.hannover.de');
});
