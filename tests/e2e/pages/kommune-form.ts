import type { Locator, Page } from '@playwright/test';

export interface KommuneInput {
	ars: string;
	name: string;
	type: 'Einheitsgemeinde' | 'Stadt' | 'Samtgemeinde' | 'Landkreis' | 'Region' | 'Kreisfreie Stadt';
	landkreis?: string;
	population: string;
	coreStaff?: string;
	itStaffFte?: string;
	itOperatingModel?: string;
}

/** The municipality form, on "Kommune anlegen" and on a profile page. */
export class KommuneFormPage {
	constructor(readonly page: Page) {}

	/** The type-ahead over the official register, offered when a municipality is created. */
	get register(): Locator {
		return this.page.getByRole('combobox', { name: 'Im Gemeindeverzeichnis suchen' });
	}
	get ars(): Locator {
		return this.page.getByLabel(/^Amtlicher Regionalschlüssel/);
	}
	get name(): Locator {
		return this.page.getByLabel(/^Name/);
	}
	get type(): Locator {
		return this.page.getByLabel(/^Art der Kommune/);
	}
	get landkreis(): Locator {
		return this.page.getByLabel(/^Landkreis/);
	}
	get population(): Locator {
		return this.page.getByLabel(/^Einwohnerzahl/);
	}
	get coreStaff(): Locator {
		return this.page.getByLabel(/^Beschäftigte in der Kernverwaltung/);
	}
	get itStaffFte(): Locator {
		return this.page.getByLabel(/^IT-Personal/);
	}
	get itOperatingModel(): Locator {
		return this.page.getByLabel(/^Betriebsmodell der IT/);
	}

	async openNew(): Promise<void> {
		await this.page.goto('/kommune/neu');
		await this.ars.waitFor();
	}

	async fill(input: KommuneInput): Promise<void> {
		await this.ars.fill(input.ars);
		await this.name.fill(input.name);
		await this.type.selectOption({ label: input.type });
		await this.landkreis.fill(input.landkreis ?? '');
		await this.population.fill(input.population);
		await this.coreStaff.fill(input.coreStaff ?? '');
		await this.itStaffFte.fill(input.itStaffFte ?? '');
		if (input.itOperatingModel) {
			await this.itOperatingModel.selectOption({ label: input.itOperatingModel });
		}
	}

	async submitCreate(): Promise<void> {
		await this.page.getByRole('button', { name: 'Kommune anlegen' }).click();
	}

	async create(input: KommuneInput): Promise<void> {
		await this.openNew();
		await this.fill(input);
		await this.submitCreate();
		await this.page.getByRole('heading', { level: 1, name: input.name }).waitFor();
	}
}
