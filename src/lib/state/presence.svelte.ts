// Who is in the workshop right now and what each is editing (y-protocols awareness on the board
// document, over the tab relay and the server). This device publishes a name, a colour and what it
// edits; the server adds the role and participant id from the token, so nobody can pose as someone
// else (server/extensions/awareness-extension.ts). When the tab goes away its presence is withdrawn at
// once, so the others see it leave within seconds rather than after the awareness timeout.

import { createSubscriber } from 'svelte/reactivity';
import type { DocumentHandle } from '../sync/open-document';

export interface Editing {
	kind: 'card' | 'new-card' | 'note' | 'agenda';
	id: string;
}

export interface PresentPerson {
	clientId: number;
	name: string;
	color: string;
	/** Set by the server from the token; absent in a tab that has only the relay. */
	role: string | null;
	editing: Editing | null;
	isMe: boolean;
}

/** Colours that keep 4.5:1 contrast with white text; the name is always shown next to the colour. */
const COLORS = [
	'#0b4f6c',
	'#8a3b12',
	'#5b2a86',
	'#1d6b2f',
	'#9c1f4a',
	'#245c8f',
	'#6b5300',
	'#3d3d3d'
];

/** A colour that stays the same for a person on every device (from their id). */
export function colorFor(id: string): string {
	let hash = 0;
	for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0;
	return COLORS[Math.abs(hash) % COLORS.length]!;
}

function readPerson(clientId: number, state: unknown, me: number): PresentPerson | null {
	if (typeof state !== 'object' || state === null) return null;
	const { user, editing } = state as { user?: unknown; editing?: unknown };
	if (typeof user !== 'object' || user === null) return null;
	const { name, color, role } = user as Record<string, unknown>;
	if (typeof name !== 'string' || typeof color !== 'string') return null;
	const edit = editing as { kind?: unknown; id?: unknown } | null | undefined;
	return {
		clientId,
		name,
		color,
		role: typeof role === 'string' ? role : null,
		editing:
			edit && typeof edit.kind === 'string' && typeof edit.id === 'string'
				? ({ kind: edit.kind, id: edit.id } as Editing)
				: null,
		isMe: clientId === me
	};
}

export class Presence {
	#people = $state<PresentPerson[]>([]);
	#handle: DocumentHandle | null = null;
	#editing: Editing | null = null;
	#subscribe: () => void;

	constructor(open: () => Promise<DocumentHandle>, me: { name: string; id: string }) {
		const user = { name: me.name, color: colorFor(me.id) };
		this.#subscribe = createSubscriber(() => {
			let stopped = false;
			let stop = () => {};
			open().then(
				(handle) => {
					if (stopped) return void handle.close();
					this.#handle = handle;
					const { awareness } = handle;
					const read = () => {
						this.#people = [...awareness.getStates()]
							.map(([id, state]) => readPerson(id, state, awareness.clientID))
							.filter((person): person is PresentPerson => person !== null)
							.sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name));
					};
					awareness.setLocalState({ user, editing: this.#editing });
					awareness.on('change', read);
					read();
					const leave = () => awareness.setLocalState(null);
					const back = () => awareness.setLocalState({ user, editing: this.#editing });
					window.addEventListener('pagehide', leave);
					window.addEventListener('pageshow', back);
					stop = () => {
						window.removeEventListener('pagehide', leave);
						window.removeEventListener('pageshow', back);
						awareness.off('change', read);
						leave();
						this.#handle = null;
						void handle.close();
					};
				},
				() => {
					// Without the board there is nobody to show; the page reports the board's own error.
				}
			);
			return () => {
				stopped = true;
				stop();
			};
		});
	}

	/** Everyone present, this device first. */
	get people(): PresentPerson[] {
		this.#subscribe();
		return this.#people;
	}

	/** Says what this device is editing now (null: nothing). */
	setEditing(editing: Editing | null): void {
		this.#editing = editing;
		this.#handle?.awareness.setLocalStateField('editing', editing);
	}
}
