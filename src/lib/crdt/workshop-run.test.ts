import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT_KEYS } from './schema';
import { readRun, setCardPhase, setCurrentBlock, writeTimer } from './workshop-run';

describe('the run state in the control document', () => {
	it('keeps the current block with the server time it started, the timer and the card phases', () => {
		const doc = new Y.Doc();
		expect(readRun(doc)).toEqual({
			currentBlockId: null,
			currentSince: null,
			timer: { status: 'idle' },
			cardPhases: {}
		});
		setCurrentBlock(doc, 'block-2', 1_700_000_000_000);
		writeTimer(doc, { status: 'running', endsAt: 1_700_000_600_000, durationMs: 600_000 });
		setCardPhase(doc, 'block-2', 'private');
		expect(readRun(doc)).toEqual({
			currentBlockId: 'block-2',
			currentSince: 1_700_000_000_000,
			timer: { status: 'running', endsAt: 1_700_000_600_000, durationMs: 600_000 },
			cardPhases: { 'block-2': 'private' }
		});
		setCardPhase(doc, 'block-2', null);
		expect(readRun(doc).cardPhases).toEqual({});
	});

	it('a timer or phase a peer wrote in another shape reads as idle or open', () => {
		const doc = new Y.Doc();
		doc.getMap(ROOT_KEYS.timer).set('state', { status: 'running', endsAt: 'bald', durationMs: 5 });
		doc.getMap(ROOT_KEYS.cardPhases).set('block-1', 'geheim');
		doc.getMap(ROOT_KEYS.run).set('currentBlockId', '../etwas');
		expect(readRun(doc)).toEqual({
			currentBlockId: null,
			currentSince: null,
			timer: { status: 'idle' },
			cardPhases: {}
		});
	});
});
