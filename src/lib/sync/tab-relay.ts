// Relays a document between the tabs of this origin (RELIABILITY.md checklist 13): y-indexeddb gives
// tabs no notice of each other's writes, so without this two tabs diverge until a reload, and the
// projector window would depend on the server. One BroadcastChannel per document name.
//
// Protocol (all payloads are Yjs V1 updates or state vectors):
// - 'update': a change made in or received by this tab. Applied with the relay as origin, which the
//   relay never posts again, so nothing echoes.
// - 'query' on start: "here is my state vector". Every peer answers with the diff it has and its own
//   state vector; the newcomer then posts whatever the peers lack. So a tab opened after an edit
//   catches up even when the server is down.
// - 'awareness': presence updates (y-protocols/awareness), answered on 'query' with the peer's states.

import {
	applyAwarenessUpdate,
	encodeAwarenessUpdate,
	removeAwarenessStates,
	type Awareness
} from 'y-protocols/awareness';
import * as Y from 'yjs';

type RelayMessage =
	| { kind: 'update'; from: string; update: Uint8Array }
	| { kind: 'query'; from: string; stateVector: Uint8Array }
	| { kind: 'answer'; from: string; to: string; update: Uint8Array; stateVector: Uint8Array }
	| { kind: 'awareness'; from: string; update: Uint8Array };

export interface TabRelay {
	/** The origin of transactions the relay applies. */
	readonly origin: object;
	stop(): void;
}

export const relayChannelName = (documentName: string): string => `kw-doc:${documentName}`;

export const canRelay = (): boolean => typeof BroadcastChannel === 'function';

const randomId = (): string =>
	Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
		b.toString(16).padStart(2, '0')
	).join('');

/** True when `ours` holds something the peer with state vector `theirs` lacks. */
function hasMoreThan(ours: Uint8Array, theirs: Uint8Array): boolean {
	const peer = Y.decodeStateVector(theirs);
	for (const [client, clock] of Y.decodeStateVector(ours)) {
		if (clock > (peer.get(client) ?? 0)) return true;
	}
	return false;
}

export function startTabRelay(name: string, doc: Y.Doc, awareness: Awareness): TabRelay {
	const id = randomId();
	const origin = { relay: name };
	const channel = new BroadcastChannel(relayChannelName(name));
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

	const onMessage = (event: MessageEvent<RelayMessage>) => {
		const message = event.data;
		if (message.from === id) return;
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
				const ours = Y.encodeStateVector(doc);
				if (hasMoreThan(ours, message.stateVector)) {
					post({
						kind: 'update',
						from: id,
						update: Y.encodeStateAsUpdate(doc, message.stateVector)
					});
				}
				break;
			}
			case 'awareness':
				applyAwarenessUpdate(awareness, message.update, origin);
				break;
		}
	};

	channel.addEventListener('message', onMessage as EventListener);
	doc.on('update', onUpdate);
	awareness.on('update', onAwareness);
	post({ kind: 'query', from: id, stateVector: Y.encodeStateVector(doc) });

	return {
		origin,
		stop() {
			// Tell the other tabs we left before the channel closes.
			removeAwarenessStates(awareness, [doc.clientID], 'relay-stop');
			doc.off('update', onUpdate);
			awareness.off('update', onAwareness);
			channel.removeEventListener('message', onMessage as EventListener);
			channel.close();
		}
	};
}
