import { afterEach, describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { colorFor, Presence } from './presence.svelte';
import { handleOn, render, unrender } from './test-documents.svelte';

afterEach(unrender);

/** Passes presence changes between two devices' board sessions, as the server does. */
function relay(a: Awareness, b: Awareness): void {
	const forward = (from: Awareness, to: Awareness) =>
		from.on(
			'update',
			(
				{ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>,
				origin: unknown
			) => {
				if (origin === 'relay') return;
				const changed = [...added, ...updated, ...removed];
				applyAwarenessUpdate(to, encodeAwarenessUpdate(from, changed), 'relay');
			}
		);
	forward(a, b);
	forward(b, a);
}

/** Two devices at the board: the facilitator's laptop and Anna's tablet, each with its page open. */
async function twoDevices() {
	const laptop = handleOn(new Y.Doc());
	const tablet = handleOn(new Y.Doc());
	relay(laptop.awareness, tablet.awareness);
	const facilitator = new Presence(async () => laptop, { name: 'Moderation', id: 'moderation' });
	const anna = new Presence(async () => tablet, { name: 'Anna', id: 'anna' });
	render(() => facilitator.people);
	render(() => anna.people);
	await expect.poll(() => facilitator.people.length).toBe(2);
	return { facilitator, anna };
}

const names = (presence: Presence) => presence.people.map((person) => person.name);

describe('Presence', () => {
	it('everyone at the board is listed with their name and colour, this device first', async () => {
		const { facilitator, anna } = await twoDevices();

		expect(names(facilitator)).toEqual(['Moderation', 'Anna']);
		expect(names(anna)).toEqual(['Anna', 'Moderation']);
		expect(facilitator.people.map((person) => person.isMe)).toEqual([true, false]);
		const annaThere = facilitator.people.find((person) => person.name === 'Anna')!;
		expect(annaThere.color).toBe(colorFor('anna'));
		expect(anna.people[0]!.color).toBe(annaThere.color);
	});

	it('what a person is editing shows on the other devices until they stop', async () => {
		const { facilitator, anna } = await twoDevices();

		anna.setEditing({ kind: 'new-card', id: 'cards' });
		await expect
			.poll(() => facilitator.people.find((person) => person.name === 'Anna')?.editing)
			.toEqual({ kind: 'new-card', id: 'cards' });

		anna.setEditing(null);
		await expect
			.poll(() => facilitator.people.find((person) => person.name === 'Anna')?.editing)
			.toBeNull();
	});

	it('a tab that goes away leaves the others’ list at once and comes back when shown again', async () => {
		const { facilitator } = await twoDevices();

		window.dispatchEvent(new Event('pagehide'));
		await expect.poll(() => facilitator.people.length).toBe(0);

		window.dispatchEvent(new Event('pageshow'));
		await expect.poll(() => names(facilitator)).toEqual(['Moderation', 'Anna']);
	});

	it('a page that stops showing the board withdraws this device’s presence', async () => {
		const laptop = handleOn(new Y.Doc());
		const tablet = handleOn(new Y.Doc());
		relay(laptop.awareness, tablet.awareness);
		const facilitator = new Presence(async () => laptop, { name: 'Moderation', id: 'moderation' });
		render(() => facilitator.people);
		const anna = new Presence(async () => tablet, { name: 'Anna', id: 'anna' });
		const stopAnna = render(() => anna.people);
		await expect.poll(() => names(facilitator)).toEqual(['Moderation', 'Anna']);

		stopAnna();
		await expect.poll(() => names(facilitator)).toEqual(['Moderation']);
	});
});
