// The owner rule (ADR 5), as a pure function so every branch is testable without a real peer.
// All must hold: trust of loopback is on (laptop mode), the TCP peer is a loopback address, the request
// did not come through a proxy, and Host and Origin are exactly localhost:<port>. Headers alone prove
// nothing: anyone on the LAN can send them, and a page on another site can make a browser send a request
// with its own Origin.

export interface OwnerRequest {
	/** req.socket.remoteAddress: set by the kernel, not by the client. */
	peerAddress: string | undefined;
	host: string | undefined;
	origin: string | undefined;
	/** Whether the request carries proxy headers (see `hasProxyHeaders`). */
	proxied: boolean;
	/** The port the server actually listens on. */
	port: number;
	trustLoopback: boolean;
}

export function isOwnerRequest({
	peerAddress,
	host,
	origin,
	proxied,
	port,
	trustLoopback
}: OwnerRequest): boolean {
	if (!trustLoopback || proxied || !isLoopbackAddress(peerAddress)) return false;
	const own = `localhost:${port}`;
	return host?.toLowerCase() === own && origin?.toLowerCase() === `http://${own}`;
}

/**
 * Whether a request names a hop in between. A reverse proxy or tunnel client on the laptop (nginx, Caddy,
 * a "share this port" tool) connects to us from loopback on behalf of a remote caller, and can be made to
 * pass on Host and Origin as well: the peer address then proves nothing, so such a request is never the
 * owner. Proxies announce themselves with these headers; a plain TCP forward (ssh -L, socat) adds none and
 * cannot be told apart, which is why trust of loopback can be switched off (TRUST_LOOPBACK=0).
 */
export function hasProxyHeaders(headers: Readonly<Record<string, unknown>>): boolean {
	return Object.keys(headers).some((name) => {
		const lower = name.toLowerCase();
		return (
			lower === 'forwarded' ||
			lower === 'via' ||
			lower === 'x-real-ip' ||
			lower.startsWith('x-forwarded-')
		);
	});
}

/** 127.0.0.0/8, ::1, and the IPv4-mapped form ::ffff:127.x.y.z of a dual-stack socket. */
export function isLoopbackAddress(address: string | undefined): boolean {
	if (!address) return false;
	const normalized = address.toLowerCase();
	if (normalized === '::1' || normalized === '0:0:0:0:0:0:0:1') return true;
	const v4 = normalized.startsWith('::ffff:') ? normalized.slice('::ffff:'.length) : normalized;
	const octets = v4.split('.');
	return (
		octets.length === 4 &&
		octets[0] === '127' &&
		octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)
	);
}
