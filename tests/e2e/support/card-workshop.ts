// A workshop whose Kartenabfrage is running, as several specs start: a municipality, a workshop with the
// full-day template, the Kartenabfrage started and a join code for participants; the page ends on the
// Kartenabfrage.
import type { Page } from '@playwright/test';
import { KommuneFormPage } from '../pages/kommune-form';
import { WorkshopPage } from '../pages/workshop-page';
import { KOMMUNEN } from './test-data';

/** Returns the board's document name and the participants' join code. */
export async function workshopWithRunningCards(
	page: Page
): Promise<{ board: string; code: string }> {
	await new KommuneFormPage(page).create(KOMMUNEN[0]!);
	const workshop = new WorkshopPage(page);
	await workshop.createWorkshop('Digitalstrategie-Workshop', '2027-03-15');
	const board = `${new URL(page.url()).pathname.slice(1)}/board`;
	await page.getByRole('button', { name: 'Vorlage übernehmen' }).click();
	await page
		.getByRole('button', { name: '„Kartenabfrage: Was hindert uns heute?“ jetzt starten' })
		.click();
	const code = await workshop.createCode('Code für Teilnehmende', 'Für Teilnehmende');
	await page.getByRole('link', { name: 'Kartenabfrage öffnen' }).click();
	return { board, code };
}
