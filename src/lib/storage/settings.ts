import type { KommunalwerkstattDb } from './db';

export async function getSetting<T>(db: KommunalwerkstattDb, key: string): Promise<T | undefined> {
	return (await db.settings.get(key))?.value as T | undefined;
}

export async function setSetting(db: KommunalwerkstattDb, key: string, value: unknown) {
	await db.settings.put({ key, value });
}
