import { expect, test } from './support/fixtures';
import { KommuneFormPage } from './pages/kommune-form';
import { KOMMUNEN } from './support/test-data';
import { expectSavedOnServer, storedMap } from './support/server-database';

const HAMELN = KOMMUNEN[6]!;

test('a save in one tab never reverts a change another tab saved meanwhile', async ({
	page,
	context,
	appServer
}) => {
	const formA = new KommuneFormPage(page);
	await formA.create(HAMELN);
	const second = await context.newPage();
	await second.goto(page.url());
	const formB = new KommuneFormPage(second);
	await expect(formB.population).toHaveValue('57.000');

	// Tab A starts editing the population; tab B renames the town and saves first.
	await formA.population.fill('57.400');
	await formB.name.fill('Rattenfängerstadt Hameln');
	await second.getByRole('button', { name: 'Speichern', exact: true }).click();
	await expect(second.getByText('Gespeichert auf diesem Gerät.')).toBeVisible();

	// The untouched name field in tab A follows; the field being edited keeps the user's input.
	await expect(formA.name).toHaveValue('Rattenfängerstadt Hameln');
	await expect(formA.population).toHaveValue('57.400');
	await page.getByRole('button', { name: 'Speichern', exact: true }).click();
	await expect(page.getByText('Gespeichert auf diesem Gerät.')).toBeVisible();

	await expect(second.getByRole('heading', { level: 1 })).toHaveText('Rattenfängerstadt Hameln');
	await expect(formB.population).toHaveValue('57.400');
	// Both edits are in the server's database once both tabs say gesichert.
	await expectSavedOnServer(page);
	await expectSavedOnServer(second);
	expect(storedMap(appServer, `kommune/${HAMELN.ars}/profile`, 'profile')).toMatchObject({
		name: 'Rattenfängerstadt Hameln',
		population: 57400
	});
});
