// Relays a document between the tabs of this origin (SPEC S4): y-indexeddb gives
// tabs no notice of each other's writes, so without this two tabs diverge until a reload, and the
// projector window would depend on the server. One BroadcastChannel per document name.
//
// Protocol (all payloads are Yjs V1 updates or state vectors):
// - 'update': a change made in or received by this tab. Applied with the relay as origin, which the
//   relay never posts again, so nothing echoes.
// - 'query' on start: "here is my state vector". Every peer answers with the diff it has and its own
//   state vector; the newcomer then posts whatever the peers lack. So a tab opened after an edit
//   catches up even when the server is down. A diff always carries the whole delete set: a deletion
//   does not change the state vector, so comparing state vectors cannot tell whether one is missing.
// - 'awareness': presence updates (y-protocols/awareness), answered on 'query' with the peer's states.
//
// The channel is created before the document is loaded, so nothing another tab posts meanwhile is
// missed (that tab may close before the handshake); messages are held until `start()`.

import {
	applyAwarenessUpdate,
	encodeAwarenessUpdate,
	removeAwarenessStates,
	type Awareness
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import { newId } from '../domain/ids';

type RelayMessage =
	| { kind: 'update'; from: string; update: Uint8Array }
	| { kind: 'query'; from: string; stateVector: Uint8Array }
	| { kind: 'answer'; from: string; to: string; update: Uint8Array; stateVector: Uint8Array }
	| { kind: 'awareness'; from: string; update: Uint8Array };

export interface TabRelay {
	/**
	 * Applies what arrived so far, then relays changes and sends the handshake. Call once the stored
	 * content is in the document.
	 */
	start(): void;
	/** Leaves: tells the other tabs this tab's presence is gone and closes the channel. */
	stop(): void;
}

export const relayChannelName = (documentName: string): string => `kw-doc:${documentName}`;

export const canRelay = (): boolean => typeof BroadcastChannel === 'function';

/** An update with no structs and an empty delete set (V1): nothing to send. */
const isEmptyUpdate = (update: Uint8Array): boolean =>
	update.length === 2 && update[0] === 0 && update[1] === 0;

/** Listens at once; relays and handshakes from `start()` on. */
export function createTabRelay(name: string, doc: Y.Doc, awareness: Awareness): TabRelay {
	const id: string = newId<'tab'>();
	const origin = { relay: name };
	const channel = new BroadcastChannel(relayChannelName(name));
	let held: RelayMessage[] | null = [];
	let stopped = false;
	const post = (message: RelayMessage) => channel.postMessage(message);
	const ownAwareness = () => encodeAwarenessUpdate(awareness, [...awareness.getStates().keys()]);

	const onUpdate = (update: Uint8Array, updateOrigin: unknown) => {
		if (updateOrigin !== origin) post({ kind: 'update', from: id, update });
	};

	const onAwareness = (
		changes: { added: number[]; updated: number[]; removed: number[] },
		changeOrigin: unknown
	) => {
		if (changeOrigin === origin) return;
		const clients = [...changes.added, ...changes.updated, ...changes.removed];
		post({ kind: 'awareness', from: id, update: encodeAwarenessUpdate(awareness, clients) });
	};

	const handle = (message: RelayMessage) => {
		switch (message.kind) {
			case 'update':
				Y.applyUpdate(doc, message.update, origin);
				break;
			case 'query':
				post({
					kind: 'answer',
					from: id,
					to: message.from,
					update: Y.encodeStateAsUpdate(doc, message.stateVector),
					stateVector: Y.encodeStateVector(doc)
				});
				post({ kind: 'awareness', from: id, update: ownAwareness() });
				break;
			case 'answer': {
				if (message.to !== id) break;
				Y.applyUpdate(doc, message.update, origin);
				// Always answer: the diff carries our delete set, which the peer's state vector cannot
				// show it lacks.
				const missing = Y.encodeStateAsUpdate(doc, message.stateVector);
				if (!isEmptyUpdate(missing)) post({ kind: 'update', from: id, update: missing });
				break;
			}
			case 'awareness':
				applyAwarenessUpdate(awareness, message.update, origin);
				break;
		}
	};

	const onMessage = (event: MessageEvent<RelayMessage>) => {
		const message = event.data;
		if (message.from === id) return;
		if (held !== null) held.push(message);
		else handle(message);
	};

	channel.addEventListener('message', onMessage as EventListener);

	return {
		start() {
			if (held === null || stopped) return;
			const arrived = held;
			held = null;
			for (const message of arrived) handle(message);
			doc.on('update', onUpdate);
			awareness.on('update', onAwareness);
			post({ kind: 'query', from: id, stateVector: Y.encodeStateVector(doc) });
		},
		stop() {
			if (stopped) return;
			stopped = true;
			if (held === null) {
				// Tell the other tabs we left before the channel closes.
				removeAwarenessStates(awareness, [doc.clientID], 'relay-stop');
				doc.off('update', onUpdate);
				awareness.off('update', onAwareness);
			}
			held = null;
			channel.removeEventListener('message', onMessage as EventListener);
			channel.close();
		}
	};
}
