import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT_KEYS } from './schema';
import { readRun, setCardPhase, setCurrentBlock, setShownPage, writeTimer } from './workshop-run';

describe('the run state in the control document', () => {
	it('keeps the current block with the server time it started, the timer and the card phases', () => {
		const doc = new Y.Doc();
		expect(readRun(doc)).toEqual({
			currentBlockId: null,
			currentSince: null,
			timer: { status: 'idle' },
			cardPhases: {},
			shownPage: null
		});
		setCurrentBlock(doc, 'block-2', 1_700_000_000_000);
		writeTimer(doc, { status: 'running', endsAt: 1_700_000_600_000, durationMs: 600_000 });
		setCardPhase(doc, 'block-2', 'private');
		expect(readRun(doc)).toEqual({
			currentBlockId: 'block-2',
			currentSince: 1_700_000_000_000,
			timer: { status: 'running', endsAt: 1_700_000_600_000, durationMs: 600_000 },
			cardPhases: { 'block-2': 'private' },
			shownPage: null
		});
		setCardPhase(doc, 'block-2', null);
		expect(readRun(doc).cardPhases).toEqual({});
	});

	it('a timer or phase a peer wrote in another shape reads as idle or open', () => {
		const doc = new Y.Doc();
		doc.getMap(ROOT_KEYS.timer).set('state', { status: 'running', endsAt: 'bald', durationMs: 5 });
		doc.getMap(ROOT_KEYS.cardPhases).set('block-1', 'geheim');
		doc.getMap(ROOT_KEYS.run).set('currentBlockId', '../etwas');
		doc.getMap(ROOT_KEYS.run).set('shownPage', { page: 'karten', since: 5 });
		expect(readRun(doc)).toEqual({
			currentBlockId: null,
			currentSince: null,
			timer: { status: 'idle' },
			cardPhases: {},
			shownPage: null
		});
	});

	it('keeps the page shown on the projector with the server time it was opened, until it is cleared', () => {
		const doc = new Y.Doc();
		setShownPage(doc, 'roadmap', 1_700_000_300_000);
		expect(readRun(doc).shownPage).toEqual({ page: 'roadmap', since: 1_700_000_300_000 });
		setShownPage(doc, null, 1_700_000_400_000);
		expect(readRun(doc).shownPage).toBeNull();
		expect(() => setShownPage(doc, 'karten' as 'roadmap', 1)).toThrow(RangeError);
	});
});
