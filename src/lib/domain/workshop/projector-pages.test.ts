import { describe, expect, it } from 'vitest';
import { projectorPageOf } from './projector-pages';

describe('what the projector shows while the facilitator has a page open', () => {
	it('is the roadmap on the Maßnahmen and on the Roadmap', () => {
		expect(projectorPageOf('/kommune/[ars]/workshop/[wid]/massnahmen')).toBe('roadmap');
		expect(projectorPageOf('/kommune/[ars]/workshop/[wid]/massnahmen/roadmap')).toBe('roadmap');
	});

	it('is the current block on every other page of the workshop, so reopening the workshop after the tab closed on the Maßnahmen ends the roadmap', () => {
		expect(projectorPageOf('/kommune/[ars]/workshop/[wid]')).toBeNull();
		expect(projectorPageOf('/kommune/[ars]/workshop/[wid]/karten')).toBeNull();
		expect(projectorPageOf('/kommune/[ars]/workshop/[wid]/handlungsfelder')).toBeNull();
	});

	it('is the current block once the facilitator leaves the workshop or the tab, and for a route that only starts like the Maßnahmen', () => {
		expect(projectorPageOf('/kommune/[ars]/massnahmen')).toBeNull();
		expect(projectorPageOf('/kommune/[ars]')).toBeNull();
		expect(projectorPageOf(null)).toBeNull();
		expect(projectorPageOf(undefined)).toBeNull();
		expect(projectorPageOf('/kommune/[ars]/workshop/[wid]/massnahmenplan')).toBeNull();
	});
});
