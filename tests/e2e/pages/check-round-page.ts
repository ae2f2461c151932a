import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A municipality's check round: creating it, adding respondents, opening their questionnaire and its
 * results.
 */
export class CheckRoundPage {
	constructor(readonly page: Page) {}

	async createRound(title: string): Promise<void> {
		await this.page.getByLabel('Titel der Check-Runde').fill(title);
		await this.page.getByRole('button', { name: 'Check-Runde anlegen' }).click();
		await this.page.getByRole('link', { name: title }).click();
		await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	}

	async addRespondent(label: string, perspective: string): Promise<void> {
		await this.page.getByLabel('Bezeichnung (pseudonym)').fill(label);
		await this.page.getByLabel('Perspektive').selectOption({ label: perspective });
		await this.page.getByRole('button', { name: 'Befragte Person hinzufügen' }).click();
		await expect(this.page.getByText(`${label} · ${perspective}`)).toBeVisible();
	}

	/** Fills and submits the form to add a respondent, without waiting for them to be listed. */
	async submitRespondent(label: string, perspective: string): Promise<void> {
		await this.page.getByLabel('Bezeichnung (pseudonym)').fill(label);
		await this.page.getByLabel('Perspektive').selectOption({ label: perspective });
		await this.page.getByRole('button', { name: 'Befragte Person hinzufügen' }).click();
	}

	/** The list item of a respondent, found by their label. */
	respondent(label: string): Locator {
		return this.page.getByRole('listitem').filter({ has: this.page.getByText(`${label} · `) });
	}

	async renameRespondent(label: string, newLabel: string): Promise<void> {
		await this.page.getByRole('button', { name: `${label} umbenennen` }).click();
		await this.page.getByLabel(`Neue Bezeichnung für ${label}`).fill(newLabel);
		await this.page.getByRole('button', { name: 'Speichern', exact: true }).click();
	}

	async removeRespondent(label: string): Promise<void> {
		await this.page.getByRole('button', { name: `${label} entfernen` }).click();
	}

	/** A respondent's document name, from the "Antworten eingeben" link on the round page. */
	async respondentDocNameOf(label: string): Promise<string> {
		const href = await this.page
			.getByRole('link', { name: `Antworten für ${label} eingeben` })
			.getAttribute('href');
		const [, ars, round, rid] = /\/kommune\/(\d{12})\/check\/([^/]+)\/antworten\/([^/]+)$/.exec(
			new URL(href!, this.page.url()).pathname
		)!;
		return `kommune/${ars}/check/${round}/respondent/${rid}`;
	}

	/** The respondent document's name, from the questionnaire's URL. */
	respondentDocName(): string {
		const [, ars, round, rid] = /\/kommune\/(\d{12})\/check\/([^/]+)\/antworten\/([^/]+)$/.exec(
			new URL(this.page.url()).pathname
		)!;
		return `kommune/${ars}/check/${round}/respondent/${rid}`;
	}

	/** From the round's page: the shared details (Soll, processes, barriers). */
	async openSharedDetails(): Promise<void> {
		await this.page.getByRole('link', { name: 'Soll, Prozesse und Hemmnisse erfassen' }).click();
		await expect(
			this.page.getByRole('heading', { level: 1, name: 'Gemeinsame Angaben der Check-Runde' })
		).toBeVisible();
	}

	/** The round's shared document's name, from the URL of the round or one of its pages. */
	sharedDocName(): string {
		const [, ars, round] = /\/kommune\/(\d{12})\/check\/([^/]+)/.exec(
			new URL(this.page.url()).pathname
		)!;
		return `kommune/${ars}/check/${round}/shared`;
	}

	/** From the round's page to its results. */
	async openResults(): Promise<void> {
		await this.page.getByRole('link', { name: 'Ergebnisse ansehen' }).click();
		await expect(
			this.page.getByRole('heading', { level: 1, name: 'Ergebnisse des Digital-Checks' })
		).toBeVisible();
	}

	/** Downloads the results as CSV from the results page; returns the file name and its text. */
	async downloadResultsCsv(): Promise<{ name: string; text: string }> {
		const [download] = await Promise.all([
			this.page.waitForEvent('download'),
			this.page.getByRole('button', { name: 'Als CSV herunterladen' }).click()
		]);
		const path = await download.path();
		return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
	}
}
