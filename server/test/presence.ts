// Presence (y-protocols awareness) in tests: raw awareness frames with any client id, clock and state
// (what a forging client can send), and a log of what a real client receives.
import type { Awareness } from 'y-protocols/awareness';
import { frame } from './raw-sync-socket';

/** Hocuspocus' MessageType.Awareness. */
const MESSAGE_AWARENESS = 1;

export interface AwarenessEntry {
	clientId: number;
	clock: number;
	/** Sent as JSON; null removes the client's state. */
	state: unknown;
}

/** An awareness message for `name`, as y-protocols encodes it: count, then id, clock, JSON per client. */
export function awarenessFrame(name: string, entries: AwarenessEntry[]): Uint8Array {
	const bytes: number[] = [];
	const writeUint = (value: number) => {
		while (value > 0x7f) {
			bytes.push((value & 0x7f) | 0x80);
			value = Math.floor(value / 128);
		}
		bytes.push(value);
	};
	writeUint(entries.length);
	for (const { clientId, clock, state } of entries) {
		writeUint(clientId);
		writeUint(clock);
		const json = new TextEncoder().encode(JSON.stringify(state));
		writeUint(json.length);
		for (const byte of json) bytes.push(byte);
	}
	return frame(name, [MESSAGE_AWARENESS], [], [new Uint8Array(bytes)]);
}

export interface PresenceLog {
	/** Every client id this client has received a state for, ever. */
	readonly seen: ReadonlySet<number>;
	/** Client ids whose state was changed or removed after it first arrived. */
	readonly changed: ReadonlySet<number>;
	/** The current state of a client id, or undefined. */
	stateOf(clientId: number): unknown;
	/**
	 * Resolves when the state of `clientId` is removed, with the time it took; rejects after `withinMs`.
	 * Call it before doing what should remove the state.
	 */
	removal(clientId: number, withinMs: number): Promise<number>;
}

/** Watches the remote states a client's Awareness receives (its own local state is left out). */
export function watchPresence(awareness: Awareness): PresenceLog {
	const seen = new Set<number>();
	const changed = new Set<number>();
	const waiting = new Map<number, () => void>();
	awareness.on(
		'change',
		({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
			for (const id of added) if (id !== awareness.clientID) seen.add(id);
			for (const id of [...updated, ...removed]) if (id !== awareness.clientID) changed.add(id);
			for (const id of removed) waiting.get(id)?.();
		}
	);
	return {
		seen,
		changed,
		stateOf: (clientId) => awareness.getStates().get(clientId),
		removal(clientId, withinMs) {
			const start = Date.now();
			return new Promise<number>((resolve, reject) => {
				const timer = setTimeout(() => {
					waiting.delete(clientId);
					reject(new Error(`state of client ${clientId} still present after ${withinMs} ms`));
				}, withinMs);
				waiting.set(clientId, () => {
					clearTimeout(timer);
					waiting.delete(clientId);
					resolve(Date.now() - start);
				});
			});
		}
	};
}
