// Whether devices in the room reach the laptop: every self-test (GET /api/ping) that arrived at one of the
// laptop's addresses other than loopback is noted with that address. The facilitator's invite page reads
// this to say that the chosen address works, or that nothing has reached the laptop yet. The address is
// the socket's local one, which the network decides, never the Host header, which the caller writes
// (H5 in src/lib/sync/SPEC.md).
import type { ReachabilityInfo } from '../../src/lib/contract/protocol';
import { isLoopbackAddress } from '../owner';

const MAX_ADDRESSES = 32;

export interface Reachability {
	/** Notes a request that arrived at `localAddress` (its socket's local address). */
	note(localAddress: string | undefined): void;
	read(): ReachabilityInfo;
}

export function createReachability(now: () => number = Date.now): Reachability {
	const contacts = new Map<string, number>();
	return {
		note(localAddress) {
			if (!localAddress || isLoopbackAddress(localAddress)) return;
			// A dual-stack socket reports an IPv4 address as ::ffff:a.b.c.d; the page lists a.b.c.d.
			const lower = localAddress.toLowerCase();
			const address = lower.startsWith('::ffff:') ? lower.slice('::ffff:'.length) : lower;
			contacts.delete(address);
			contacts.set(address, now());
			// Bounded: the oldest address is forgotten first.
			if (contacts.size > MAX_ADDRESSES) contacts.delete(contacts.keys().next().value!);
		},
		read() {
			const list = [...contacts].map(([address, at]) => ({ address, at }));
			list.sort((a, b) => b.at - a.at);
			return { lastContactAt: list[0]?.at ?? null, contacts: list };
		}
	};
}
