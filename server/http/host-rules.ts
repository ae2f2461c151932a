// Which host a request talks to, and which pages may open the sync socket. Pure functions over header
// values: the callers pass what the request said and what this machine's addresses are.
import { networkInterfaces } from 'node:os';
import { isLoopbackAddress } from '../owner';

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', '[::1]']);

/**
 * The localhost URL a request to 127.0.0.1 or [::1] is sent to, or null. IndexedDB and the service
 * worker belong to one origin, so the facilitator's data must always live under http://localhost:<port>.
 */
export function loopbackRedirectTarget(
	host: string | undefined,
	path: string | undefined,
	port: number
): string | null {
	const parsed = parseHostHeader(host);
	if (!parsed || !LOOPBACK_HOSTNAMES.has(parsed.hostname)) return null;
	// Only origin-form paths: an absolute-form request URL must not choose where we redirect to.
	const target = path?.startsWith('/') && !path.startsWith('//') ? path : '/';
	return `http://localhost:${parsed.port ?? port}${target}`;
}

export interface OriginCheck {
	origin: string | undefined;
	host: string | undefined;
	/** The port the server listens on. */
	port: number;
	/** Addresses of this machine's interfaces (see `localAddresses`). */
	localAddresses: ReadonlySet<string>;
}

/**
 * A browser page may open the sync socket only from this server's own origin: the address it was
 * loaded from (Origin equals Host: a participant on http://<laptop-ip>:<port>, a central host name),
 * or localhost and any address of this machine on our port. A request without Origin is not a browser
 * (Node clients, tests): the token alone decides for it.
 */
export function isAllowedOrigin({ origin, host, port, localAddresses }: OriginCheck): boolean {
	if (origin === undefined) return true;
	let url: URL;
	try {
		url = new URL(origin);
	} catch {
		return false;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
	if (url.origin !== origin.toLowerCase().replace(/\/$/, '')) return false;
	if (host !== undefined && url.host === host.toLowerCase()) return true;
	const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
	const originPort = url.port || (url.protocol === 'https:' ? '443' : '80');
	return originPort === String(port) && (hostname === 'localhost' || localAddresses.has(hostname));
}

/** Every address of this machine right now (interfaces change when the laptop changes networks). */
export function localAddresses(): Set<string> {
	const addresses = new Set(['127.0.0.1', '::1']);
	for (const entries of Object.values(networkInterfaces())) {
		for (const entry of entries ?? []) addresses.add(entry.address.toLowerCase());
	}
	return addresses;
}

/**
 * The URLs participants in the room can open, printed at start: the laptop's IPv4 addresses when the
 * server listens on every address (`::` is dual-stack, `0.0.0.0` IPv4 only), none on loopback.
 */
export function lanUrls(
	host: string,
	port: number,
	lanAddresses: () => string[] = lanIPv4Addresses
): string[] {
	if (host === '::' || host === '0.0.0.0') {
		return lanAddresses().map((ip) => `http://${ip}:${port}`);
	}
	if (host === 'localhost' || isLoopbackAddress(host)) return [];
	return [`http://${host.includes(':') ? `[${host}]` : host}:${port}`];
}

/** Non-internal IPv4 addresses, for the LAN URLs printed at start. */
function lanIPv4Addresses(): string[] {
	return lanInterfaces().map((entry) => entry.address);
}

/**
 * Non-internal IPv4 addresses with their interface names, for the facilitator to pick the one the room
 * uses (a laptop often has Wi-Fi, a cable and a VPN at once).
 */
export function lanInterfaces(): { name: string; address: string }[] {
	const result: { name: string; address: string }[] = [];
	for (const [name, entries] of Object.entries(networkInterfaces())) {
		for (const entry of entries ?? []) {
			if (entry.family === 'IPv4' && !entry.internal) result.push({ name, address: entry.address });
		}
	}
	return result;
}

export interface HostHeader {
	/** Lower case; IPv6 literals keep their brackets. */
	hostname: string;
	port: number | null;
}

/** A syntactically valid Host header, or null. Used before a Host value goes into a header we send. */
export function parseHostHeader(host: string | undefined): HostHeader | null {
	if (!host) return null;
	const match = /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i.exec(host);
	if (!match) return null;
	const port = match[2] === undefined ? null : Number(match[2]);
	if (port !== null && port > 65535) return null;
	return { hostname: match[1]!.toLowerCase(), port };
}
