// The owner rule of DESIGN.md §6, as a pure function so every branch is testable without a real peer.
// All must hold: trust of loopback is on (laptop mode), the TCP peer is a loopback address, and Host and
// Origin are exactly localhost:<port>. Headers alone prove nothing: anyone on the LAN can send them,
// and a page on another site can make a browser send a request with its own Origin.

export interface OwnerRequest {
	/** req.socket.remoteAddress: set by the kernel, not by the client. */
	peerAddress: string | undefined;
	host: string | undefined;
	origin: string | undefined;
	/** The port the server actually listens on. */
	port: number;
	trustLoopback: boolean;
}

export function isOwnerRequest({
	peerAddress,
	host,
	origin,
	port,
	trustLoopback
}: OwnerRequest): boolean {
	if (!trustLoopback || !isLoopbackAddress(peerAddress)) return false;
	const own = `localhost:${port}`;
	return host?.toLowerCase() === own && origin?.toLowerCase() === `http://${own}`;
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
