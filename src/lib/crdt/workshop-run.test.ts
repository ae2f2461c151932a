import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT_KEYS } from './schema';
import {
	readBlockTimes,
	readRun,
	setCardPhase,
	setCurrentBlock,
	setShownPage,
	writeTimer
} from './workshop-run';

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

describe('the actual times of the blocks', () => {
	const at = (hours: number, minutes: number) => Date.UTC(2027, 2, 14, hours, minutes);

	it('records when each block was started and ended as the facilitator moves through the day', () => {
		const doc = new Y.Doc();
		expect(readBlockTimes(doc)).toEqual({});
		setCurrentBlock(doc, 'welcome', at(9, 4));
		expect(readBlockTimes(doc)).toEqual({ welcome: { startedAt: at(9, 4), endedAt: null } });
		setCurrentBlock(doc, 'cards', at(9, 21));
		setCurrentBlock(doc, 'vote', at(10, 2));
		setCurrentBlock(doc, null, at(10, 30));
		expect(readBlockTimes(doc)).toEqual({
			welcome: { startedAt: at(9, 4), endedAt: at(9, 21) },
			cards: { startedAt: at(9, 21), endedAt: at(10, 2) },
			vote: { startedAt: at(10, 2), endedAt: at(10, 30) }
		});
	});

	it('keeps a block’s first start when it is taken up again, and runs it until it is left again', () => {
		const doc = new Y.Doc();
		setCurrentBlock(doc, 'cards', at(9, 0));
		// Starting the current block again restarts its countdown, not its actual start.
		setCurrentBlock(doc, 'cards', at(9, 10));
		setCurrentBlock(doc, 'vote', at(9, 40));
		setCurrentBlock(doc, 'cards', at(9, 45));
		expect(readBlockTimes(doc)).toEqual({
			cards: { startedAt: at(9, 0), endedAt: null },
			vote: { startedAt: at(9, 40), endedAt: at(9, 45) }
		});
		setCurrentBlock(doc, 'vote', at(9, 50));
		expect(readBlockTimes(doc)['cards']).toEqual({ startedAt: at(9, 0), endedAt: at(9, 50) });
	});

	it('ends a block an older app started by the run’s start time, and skips times in another shape', () => {
		const doc = new Y.Doc();
		doc.getMap(ROOT_KEYS.run).set('currentBlockId', 'welcome');
		doc.getMap(ROOT_KEYS.run).set('currentSince', at(9, 3));
		doc.getMap(ROOT_KEYS.blockTimes).set('cards/startedAt', 'neun Uhr');
		doc.getMap(ROOT_KEYS.blockTimes).set('vote/endedAt', at(9, 0));
		setCurrentBlock(doc, 'lunch', at(9, 30));
		expect(readBlockTimes(doc)).toEqual({
			welcome: { startedAt: at(9, 3), endedAt: at(9, 30) },
			lunch: { startedAt: at(9, 30), endedAt: null }
		});
	});
});
