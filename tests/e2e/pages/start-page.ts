import type { Locator, Page } from '@playwright/test';

/** The start page: the municipalities on this device. */
export class StartPage {
	constructor(readonly page: Page) {}

	async open(): Promise<void> {
		await this.page.goto('/');
		await this.heading.waitFor();
	}

	get heading(): Locator {
		return this.page.getByRole('heading', { level: 1, name: 'Kommunen auf diesem Gerät' });
	}

	get list(): Locator {
		return this.page.getByRole('table', { name: 'Kommunen auf diesem Gerät' });
	}

	row(name: string): Locator {
		return this.list.getByRole('row').filter({ hasText: name });
	}

	get emptyState(): Locator {
		return this.page.getByRole('heading', { name: 'Noch keine Kommune auf diesem Gerät' });
	}

	get syncStatus(): Locator {
		return this.page
			.getByRole('status')
			.filter({ hasText: /nicht verbunden|mit Server verbunden/ });
	}
}
