import { expect, type Locator, type Page } from '@playwright/test';

/** "… löschen …" on a municipality, check round or workshop page, and its confirmation dialog. */
export class DeleteDialogPage {
	constructor(
		readonly page: Page,
		/** The opening button's label, e.g. "Workshop löschen …". */
		readonly openLabel: string
	) {}

	get dialog(): Locator {
		return this.page.getByRole('dialog');
	}

	get unsentWarning(): Locator {
		return this.dialog.getByText(/noch auf keinem Server gesichert/);
	}

	async open(): Promise<void> {
		await this.page.getByRole('button', { name: this.openLabel }).click();
		await expect(this.dialog).toBeVisible();
		await expect(this.dialog.getByText('Es wird geprüft, was gelöscht würde …')).toBeHidden();
	}

	/** Opens it once the laptop server has acknowledged every change here (no unsent warning). */
	async openWhenSaved(): Promise<void> {
		await expect(async () => {
			await this.open();
			if (await this.unsentWarning.isVisible()) {
				await this.cancel();
				throw new Error('changes are not acknowledged yet');
			}
		}).toPass({ timeout: 20_000 });
	}

	async cancel(): Promise<void> {
		await this.dialog.getByRole('button', { name: 'Abbrechen' }).click();
		await expect(this.dialog).toBeHidden();
	}

	async removeFromDevice(): Promise<void> {
		await this.dialog.getByRole('button', { name: 'Nur von diesem Gerät entfernen' }).click();
	}

	async deleteForGood(): Promise<void> {
		await this.dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
	}
}
