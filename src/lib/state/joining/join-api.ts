// The browser's side of the laptop's HTTP API (API_PATHS): invitations, joining, linked devices, the
// device list, deletions and the room's network. It lives with joining, not in sync/, which holds the
// document engine only (ADR 12). Every call answers with a value or an error code, never throws: a laptop
// that is asleep or out of reach is an everyday case in a town hall ('unreachable').

import {
	API_PATHS,
	ERROR_CODES,
	type ApiResult,
	type DeviceInfo,
	type ErrorCode,
	type InvitationPreview,
	type InvitationRequest,
	type InvitationResponse,
	type JoinResponse,
	type LinkCodeResponse,
	type NetworkInfo,
	type ReachabilityInfo,
	type DeletionResponse,
	SYNC_PATH
} from '../../contract/protocol';

export interface JoinApiOptions {
	fetch?: typeof fetch;
	/** Where the API lives; the page's own origin by default. */
	baseUrl?: string;
}

const KNOWN_ERRORS = new Set<string>(Object.values(ERROR_CODES));

/**
 * Where the API of the server behind a sync socket lives: beside the socket's final `/sync` segment, so
 * a server behind a path prefix keeps it: wss://host/sync → https://host, wss://host/kw/sync →
 * https://host/kw. A socket path without that segment is taken as the prefix itself.
 */
export function apiBaseOfSocket(url: string): string {
	const { protocol, host, pathname } = new URL(url);
	const path = pathname.replace(/\/+$/, '');
	const prefix = path.endsWith(SYNC_PATH) ? path.slice(0, -SYNC_PATH.length) : path;
	return `${protocol === 'wss:' ? 'https:' : 'http:'}//${host}${prefix}`;
}

export function createJoinApi(options: JoinApiOptions = {}) {
	const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
	const base = options.baseUrl ?? '';

	async function call<T>(
		method: 'GET' | 'POST' | 'DELETE',
		path: string,
		init: { token?: string; body?: unknown } = {}
	): Promise<ApiResult<T>> {
		let response: Response;
		try {
			response = await doFetch(`${base}${path}`, {
				method,
				credentials: 'same-origin',
				cache: 'no-store',
				headers: {
					accept: 'application/json',
					...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
					...(init.token ? { authorization: `Bearer ${init.token}` } : {})
				},
				...(init.body === undefined ? {} : { body: JSON.stringify(init.body) })
			});
		} catch {
			return { ok: false, error: 'unreachable' };
		}
		const body: unknown = await response.json().catch(() => null);
		if (response.ok && body !== null) return { ok: true, value: body as T };
		const code = (body as { error?: unknown } | null)?.error;
		return {
			ok: false,
			error: typeof code === 'string' && KNOWN_ERRORS.has(code) ? (code as ErrorCode) : 'internal'
		};
	}

	return {
		ping: () => call<{ status: 'ok' }>('GET', API_PATHS.ping),
		preview: (code: string) =>
			call<InvitationPreview>('GET', `${API_PATHS.invitations}/${encodeURIComponent(code)}`),
		join: (code: string, displayName?: string) =>
			call<JoinResponse>('POST', API_PATHS.join, {
				body: { code, ...(displayName === undefined ? {} : { displayName }) }
			}),
		invite: (token: string, request: InvitationRequest) =>
			call<InvitationResponse>('POST', API_PATHS.invitations, { token, body: request }),
		linkCode: (token: string) => call<LinkCodeResponse>('POST', API_PATHS.linkCodes, { token }),
		devices: (token: string, scope: string) =>
			call<DeviceInfo[]>('GET', `${API_PATHS.devices}?scope=${encodeURIComponent(scope)}`, {
				token
			}),
		/** Deletes a scope for good on this server (ADR 11). */
		deleteScope: (token: string, scope: string) =>
			call<DeletionResponse>('POST', API_PATHS.deletions, { token, body: { scope } }),
		removeDevice: (token: string, id: string) =>
			call<{ id: string }>('DELETE', `${API_PATHS.devices}/${encodeURIComponent(id)}`, { token }),
		network: (token: string) => call<NetworkInfo>('GET', API_PATHS.network, { token }),
		reachability: (token: string) =>
			call<ReachabilityInfo>('GET', API_PATHS.reachability, { token })
	};
}

export type JoinApi = ReturnType<typeof createJoinApi>;
