import { expect, type Locator, type Page } from '@playwright/test';

/** A municipality's page (its workshops) and a workshop's page with "Teilnehmende einladen". */
export class WorkshopPage {
	constructor(readonly page: Page) {}

	async createWorkshop(title: string, date: string): Promise<void> {
		await this.page.getByLabel('Titel des Workshops').fill(title);
		await this.page.getByLabel('Datum (optional)').fill(date);
		await this.page.getByRole('button', { name: 'Workshop anlegen' }).click();
		await this.page.getByRole('link', { name: title }).click();
		await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	}

	get inviteSection(): Locator {
		return this.page.getByRole('region', { name: 'Teilnehmende einladen' });
	}

	/** Creates a join code of the given kind and returns it as shown (XXXXX-XXXXX). */
	async createCode(button: string, caption: string): Promise<string> {
		await this.inviteSection.getByRole('button', { name: button }).click();
		const card = this.page.getByRole('figure').filter({ hasText: caption });
		await expect(card.getByRole('img', { name: /^QR-Code für http:\/\// })).toBeVisible();
		const text = (await card.textContent()) ?? '';
		const code = /Code:\s*([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(text)?.[1];
		if (!code) throw new Error(`no code in: ${text}`);
		return code;
	}

	get roster(): Locator {
		return this.page.getByRole('list', { name: 'Im Workshop' });
	}

	deviceRow(name: string): Locator {
		return this.inviteSection.getByRole('row').filter({ hasText: name });
	}
}
