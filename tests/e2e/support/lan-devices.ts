// Devices in the room's network (ADR 6): a second Chromium whose resolver maps a LAN host name to
// 127.0.0.1, so its pages are plain-http, not a secure context and not the laptop's owner, while every
// byte stays on loopback.
import { chromium, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import config from '../../../playwright.config';

export const LAN_HOST = 'kw-lan.test';

export function launchLanBrowser(): Promise<Browser> {
	const launch = config.use?.launchOptions ?? {};
	return chromium.launch({
		...launch,
		args: [...(launch.args ?? []), `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`]
	});
}

/** A phone held upright: 390 × 844 CSS pixels, touch, as the room's participants mostly bring. */
export const PHONE: BrowserContextOptions = {
	viewport: { width: 390, height: 844 },
	hasTouch: true,
	isMobile: true
};

/**
 * A new device in the room that joins with `code` under `name`; it stays on the page joining shows.
 * `device` sets the screen (e.g. PHONE).
 */
export async function joinWithCode(
	browser: Browser,
	port: number,
	code: string,
	name: string,
	device: BrowserContextOptions = {}
): Promise<Page> {
	const page = await (await browser.newContext({ locale: 'de-DE', ...device })).newPage();
	await page.goto(`http://${LAN_HOST}:${port}/join/${code}`);
	await page.getByLabel('Ihr Name').fill(name);
	await page.getByRole('button', { name: 'Beitreten' }).click();
	return page;
}
