// Whether devices in the room reach the laptop: every self-test (GET /api/ping) through an address other
// than localhost is noted with the address it used. The facilitator's invite page reads this to say that
// the chosen address works, or that nothing has reached the laptop yet.
import type { ReachabilityInfo } from '../../src/lib/sync/protocol';
import { parseHostHeader } from '../http/host-rules';

const MAX_ADDRESSES = 32;

export interface Reachability {
	/** Notes a request that came in through `host` (the Host header). */
	note(host: string | undefined): void;
	read(): ReachabilityInfo;
}

export function createReachability(now: () => number = Date.now): Reachability {
	const contacts = new Map<string, number>();
	return {
		note(host) {
			const parsed = parseHostHeader(host);
			if (!parsed || parsed.hostname === 'localhost') return;
			contacts.delete(parsed.hostname);
			contacts.set(parsed.hostname, now());
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
