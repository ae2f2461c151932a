import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { readAgenda, writeBlocks } from '../crdt/workshop-agenda';
import { readWorkshopPlan, writeWorkshopInfo, writeWorkshopPlan } from '../crdt/workshop-doc';
import type { BlockFields } from '../domain/workshop/agenda';
import type { DocumentHandle } from '../sync/open-document';
import { Clock } from './clock.svelte';
import { LiveDocument } from './live-document.svelte';
import { WorkshopDay } from './workshop-day.svelte';
import { EMPTY_CONTROL, readControl } from './workshop-control.svelte';
import { NO_DURABILITY } from '../sync/test-support';

let stops: Array<() => void> = [];
afterEach(() => {
	for (const stop of stops) stop();
	stops = [];
});

/** A facilitator's device: its own copy of the control document, read while a page shows it. */
async function facilitatorOn(doc: Y.Doc): Promise<WorkshopDay> {
	const handle: DocumentHandle = {
		name: 'control',
		doc,
		awareness: {} as Awareness, // not used by the agenda
		status: 'local',
		onStatus: () => () => {},
		...NO_DURABILITY,
		whenStored: async () => {},
		close: async () => {}
	};
	const day = new WorkshopDay(
		new LiveDocument(async () => handle, readControl, EMPTY_CONTROL),
		new Clock(async () => null),
		async (change) => {
			change(doc);
			return null;
		}
	);
	stops.push(
		$effect.root(() => {
			$effect(() => {
				void day.schedule;
			});
		})
	);
	flushSync();
	await expect.poll(() => day.loading).toBe(false);
	return day;
}

/** Sends each device's changes to the other, as the server does once both are connected. */
const exchange = (a: Y.Doc, b: Y.Doc) => {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

/** What a block form shows of the block the facilitator opened it for. */
function formFor(day: WorkshopDay, id: string): BlockFields {
	const block = day.schedule.find((candidate) => candidate.id === id)!;
	return {
		title: block.title,
		method: block.method,
		durationMinutes: block.durationMinutes,
		question: block.question ?? ''
	};
}

async function twoFacilitators() {
	const laptop = new Y.Doc();
	writeWorkshopInfo(laptop, { title: 'Digitalstrategie', date: null });
	writeBlocks(laptop, [
		{ id: 'welcome', title: 'Begrüßung', method: 'begruessung', durationMinutes: 20, order: 'a0' },
		{
			id: 'cards',
			title: 'Kartenabfrage',
			method: 'kartenabfrage',
			durationMinutes: 30,
			order: 'a1'
		}
	]);
	writeWorkshopPlan(laptop, { place: 'Ratssaal', startMinutes: 9 * 60 });
	const tablet = new Y.Doc();
	exchange(laptop, tablet);
	return {
		laptop,
		tablet,
		me: await facilitatorOn(laptop),
		colleague: await facilitatorOn(tablet)
	};
}

describe('editing a block while a co-facilitator edits it too', () => {
	it('my title fix does not undo the duration a co-facilitator changed after my form opened', async () => {
		const { laptop, tablet, me, colleague } = await twoFacilitators();
		const myForm = formFor(me, 'welcome');

		// The colleague lengthens the block; their change reaches my laptop while my form is open.
		const theirForm = formFor(colleague, 'welcome');
		await colleague.editBlock('welcome', theirForm, { ...theirForm, durationMinutes: 35 });
		exchange(laptop, tablet);
		// I fix the title and save; the form still holds the 20 minutes it showed.
		expect(await me.editBlock('welcome', myForm, { ...myForm, title: 'Begrüßung und Ziele' })).toBe(
			true
		);
		exchange(laptop, tablet);

		for (const doc of [laptop, tablet]) {
			expect(readAgenda(doc).blocks.find((b) => b.id === 'welcome')).toMatchObject({
				title: 'Begrüßung und Ziele',
				durationMinutes: 35
			});
		}
	});

	it('edits of different fields made on two offline devices both stay once they meet', async () => {
		const { laptop, tablet, me, colleague } = await twoFacilitators();
		const myForm = formFor(me, 'cards');
		const theirForm = formFor(colleague, 'cards');
		await me.editBlock('cards', myForm, { ...myForm, question: 'Was hindert uns?' });
		await colleague.editBlock('cards', theirForm, { ...theirForm, method: 'diskussion' });
		exchange(laptop, tablet);

		for (const doc of [laptop, tablet]) {
			expect(readAgenda(doc).blocks.find((b) => b.id === 'cards')).toMatchObject({
				title: 'Kartenabfrage',
				method: 'diskussion',
				durationMinutes: 30,
				question: 'Was hindert uns?'
			});
		}
	});

	it('saving a block form without a change writes nothing into the document', async () => {
		const { laptop, me } = await twoFacilitators();
		const before = Y.encodeStateVector(laptop);
		const form = formFor(me, 'welcome');
		expect(await me.editBlock('welcome', form, { ...form })).toBe(true);
		expect(Y.encodeStateVector(laptop)).toEqual(before);
	});
});

describe('saving place and start time while a co-facilitator changes them', () => {
	it('my new start time does not undo the place a co-facilitator changed after my form showed it', async () => {
		const { laptop, tablet, me, colleague } = await twoFacilitators();
		const myForm = { ...me.plan };

		await colleague.editPlan(colleague.plan, { ...colleague.plan, place: 'Rathaus, Saal 2' });
		exchange(laptop, tablet);
		expect(await me.editPlan(myForm, { ...myForm, startMinutes: 8 * 60 + 30 })).toBe(true);
		exchange(laptop, tablet);

		for (const doc of [laptop, tablet]) {
			expect(readWorkshopPlan(doc)).toEqual({
				place: 'Rathaus, Saal 2',
				startMinutes: 510,
				facilitators: null
			});
		}
		expect(me.schedule[0]!.startsAt).toBe(510);
	});

	it('clearing the place removes it and leaves the start time alone', async () => {
		const { laptop, tablet, me, colleague } = await twoFacilitators();
		const myForm = { ...me.plan };
		await colleague.editPlan(colleague.plan, { ...colleague.plan, startMinutes: 10 * 60 });
		exchange(laptop, tablet);
		await me.editPlan(myForm, { ...myForm, place: null });
		exchange(laptop, tablet);
		expect(readWorkshopPlan(tablet)).toEqual({
			place: null,
			startMinutes: 600,
			facilitators: null
		});
	});

	it('the facilitators I name and the place a co-facilitator changes meanwhile both stay', async () => {
		const { laptop, tablet, me, colleague } = await twoFacilitators();
		const myForm = { ...me.plan };
		await colleague.editPlan(colleague.plan, { ...colleague.plan, place: 'Rathaus, Saal 2' });
		exchange(laptop, tablet);
		await me.editPlan(myForm, { ...myForm, facilitators: 'Anna Schmidt, Ben Meier' });
		exchange(laptop, tablet);
		expect(readWorkshopPlan(tablet)).toEqual({
			place: 'Rathaus, Saal 2',
			startMinutes: 540,
			facilitators: 'Anna Schmidt, Ben Meier'
		});
	});
});

describe('the roadmap on the projector', () => {
	/** A moment later in the server's clock, so the next write is stamped after the last. */
	const later = () => new Promise((resolve) => setTimeout(resolve, 5));

	it('shows while the facilitator has the Maßnahmen open, gives way to a block started after it and leaves with the facilitator', async () => {
		const { laptop, tablet, me, colleague: projector } = await twoFacilitators();
		expect(projector.projectorPage).toBeNull();

		await me.showOnProjector('roadmap');
		exchange(laptop, tablet);
		await expect.poll(() => projector.projectorPage).toBe('roadmap');

		await later();
		await me.startBlock('cards');
		exchange(laptop, tablet);
		await expect.poll(() => projector.current?.title).toBe('Kartenabfrage');
		expect(projector.projectorPage).toBeNull();

		await later();
		await me.showOnProjector('roadmap');
		exchange(laptop, tablet);
		await expect.poll(() => projector.projectorPage).toBe('roadmap');

		await me.showOnProjector(null);
		exchange(laptop, tablet);
		await expect.poll(() => projector.projectorPage).toBeNull();
		expect(projector.current?.title).toBe('Kartenabfrage');
	});

	it('opening the roadmap again while it is shown writes nothing', async () => {
		const { laptop, me } = await twoFacilitators();
		await me.showOnProjector('roadmap');
		const before = Y.encodeStateVector(laptop);
		await me.showOnProjector('roadmap');
		expect(Y.encodeStateVector(laptop)).toEqual(before);
	});
});
