import type { KommunalwerkstattDb } from './db';

export async function getSetting<T>(db: KommunalwerkstattDb, key: string): Promise<T | undefined> {
	return (await db.settings.get(key))?.value as T | undefined;
}

export async function setSetting(db: KommunalwerkstattDb, key: string, value: unknown) {
	await db.settings.put({ key, value });
}

export async function deleteSetting(db: KommunalwerkstattDb, key: string) {
	await db.settings.delete(key);
}

/**
 * The setting that keeps the participants the laptop last named as admitted to a workshop (`scope`, its
 * prefix), for a reveal while the laptop is out of reach (ADR 15); forgotten with the scope (ADR 11).
 */
export const ADMITTED_SETTING_PREFIX = 'reveal.admitted.';
export const admittedSettingKey = (scope: string): string => `${ADMITTED_SETTING_PREFIX}${scope}`;

/**
 * The settings that keep what someone typed into a field of a workshop and has not added yet, per field
 * and block (`<scope>/<field>/<blockId>`), so a reload or a closed tab loses nothing; forgotten with the
 * scope (ADR 11).
 */
export const DRAFT_SETTING_PREFIX = 'draft.';
export const draftSettingKey = (scope: string, field: string, blockId: string): string =>
	`${DRAFT_SETTING_PREFIX}${scope}/${field}/${blockId}`;

/** Settings whose key, after its prefix, names a document scope: they go when the scope goes. */
export const SCOPED_SETTING_PREFIXES = [ADMITTED_SETTING_PREFIX, DRAFT_SETTING_PREFIX] as const;
