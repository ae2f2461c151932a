import type { KommunalwerkstattDb } from './db';

export async function getSetting<T>(db: KommunalwerkstattDb, key: string): Promise<T | undefined> {
	return (await db.settings.get(key))?.value as T | undefined;
}

export async function setSetting(db: KommunalwerkstattDb, key: string, value: unknown) {
	await db.settings.put({ key, value });
}

/**
 * The setting that keeps the participants the laptop last named as admitted to a workshop (`scope`, its
 * prefix), for a reveal while the laptop is out of reach (ADR 15); forgotten with the scope (ADR 11).
 */
export const ADMITTED_SETTING_PREFIX = 'reveal.admitted.';
export const admittedSettingKey = (scope: string): string => `${ADMITTED_SETTING_PREFIX}${scope}`;
