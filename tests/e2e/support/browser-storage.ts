import type { Page } from '@playwright/test';

/** Names of the IndexedDB databases of the page's origin (y-indexeddb keeps one per document). */
export async function indexedDbNames(page: Page): Promise<string[]> {
	return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort());
}
