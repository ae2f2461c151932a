// What the server says about itself (mode, version, Impressum). The last answer is kept so the Impressum
// still shows its operator when the laptop server is stopped.
import { API_PATHS, type ServerInfo } from '../contract/protocol';

const CACHE_KEY = 'kw.serverInfo';

export interface ServerInfoResult {
	info: ServerInfo | null;
	/** True when the server did not answer and `info` is the last known answer (or null). */
	fromCache: boolean;
}

function readCache(): ServerInfo | null {
	try {
		const raw = localStorage.getItem(CACHE_KEY);
		return raw ? (JSON.parse(raw) as ServerInfo) : null;
	} catch {
		return null;
	}
}

function isServerInfo(value: unknown): value is ServerInfo {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return (
		(v.mode === 'laptop' || v.mode === 'central') &&
		typeof v.version === 'string' &&
		typeof v.operator === 'object' &&
		v.operator !== null
	);
}

export async function loadServerInfo(fetchFn: typeof fetch = fetch): Promise<ServerInfoResult> {
	try {
		const response = await fetchFn(API_PATHS.config, { cache: 'no-store' });
		if (!response.ok) throw new Error(`status ${response.status}`);
		const body: unknown = await response.json();
		if (!isServerInfo(body)) throw new Error('malformed server info');
		localStorage.setItem(CACHE_KEY, JSON.stringify(body));
		return { info: body, fromCache: false };
	} catch {
		return { info: readCache(), fromCache: true };
	}
}
