import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { voteResults } from '../domain/workshop/votes';
import { ROOT_KEYS } from './schema';
import {
	copyVotesToBoard,
	giveDot,
	readVotes,
	readVoting,
	revealVotes,
	withdrawDot,
	writeVoting,
	type BlockVote
} from './workshop-votes';

const sync = (a: Y.Doc, b: Y.Doc) => {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

const dot = (
	participantId: string,
	itemId: string,
	dotId: string,
	createdAt = 1_000
): BlockVote => ({
	participantId,
	itemId,
	dotId,
	blockId: 'block-7',
	createdAt
});

const rules = { dotsPerPerson: 3, maxPerItem: 2 };

describe('dots on the board', () => {
	it('dots given at the same moment on three devices all count, two of them by one participant', () => {
		const [laptop, phone, tablet] = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
		giveDot(laptop, dot('bernd', 'C1', 'b1'));
		giveDot(phone, dot('anna', 'C1', 'a-phone'));
		giveDot(tablet, dot('anna', 'C1', 'a-tablet'));
		sync(laptop, phone);
		sync(phone, tablet);
		sync(laptop, tablet);
		for (const doc of [laptop, phone, tablet]) {
			expect(voteResults(['C1'], readVotes(doc).votes, rules)).toEqual([
				{ itemId: 'C1', count: 3, rank: 1 }
			]);
		}
	});

	it('a dot taken back after the reveal is not brought back by revealing again', () => {
		const privateDoc = new Y.Doc();
		const board = new Y.Doc();
		giveDot(privateDoc, dot('anna', 'C1', 'a1'), ROOT_KEYS.privateVotes);
		giveDot(privateDoc, dot('anna', 'C2', 'a2'), ROOT_KEYS.privateVotes);
		expect(revealVotes(board, privateDoc, { participantId: 'anna', blockId: 'block-7' })).toBe(2);
		withdrawDot(board, dot('anna', 'C1', 'a1'));
		expect(revealVotes(board, privateDoc, { participantId: 'anna', blockId: 'block-7' })).toBe(0);
		expect(readVotes(board).votes.map((v) => v.itemId)).toEqual(['C2']);
	});

	it('a dot taken back in the private phase is gone from the private document', () => {
		const privateDoc = new Y.Doc();
		giveDot(privateDoc, dot('anna', 'C1', 'a1'), ROOT_KEYS.privateVotes);
		withdrawDot(privateDoc, dot('anna', 'C1', 'a1'), ROOT_KEYS.privateVotes);
		expect(privateDoc.getMap(ROOT_KEYS.privateVotes).size).toBe(0);
	});

	it('a reveal copies only the owner’s own dots of that block, so a private document cannot vote for others', () => {
		const privateDoc = new Y.Doc();
		const board = new Y.Doc();
		giveDot(privateDoc, dot('anna', 'C1', 'a1'), ROOT_KEYS.privateVotes);
		giveDot(privateDoc, dot('mallory', 'C1', 'm1'), ROOT_KEYS.privateVotes);
		giveDot(privateDoc, { ...dot('anna', 'C2', 'a2'), blockId: 'block-8' }, ROOT_KEYS.privateVotes);
		expect(revealVotes(board, privateDoc, { participantId: 'anna', blockId: 'block-7' })).toBe(1);
		expect(readVotes(board).votes).toEqual([dot('anna', 'C1', 'a1')]);
	});

	it('the facilitator’s reveal and a participant copying the same dot write it once', () => {
		const facilitator = new Y.Doc();
		const participant = new Y.Doc();
		copyVotesToBoard(facilitator, [dot('anna', 'C1', 'a1')]);
		copyVotesToBoard(participant, [dot('anna', 'C1', 'a1')]);
		sync(facilitator, participant);
		expect(readVotes(participant).votes).toHaveLength(1);
	});

	it('dots a buggy or malicious peer wrote in another shape are left out and counted', () => {
		const board = new Y.Doc();
		giveDot(board, dot('anna', 'C1', 'a1'));
		const map = board.getMap(ROOT_KEYS.votes);
		map.set('anna/C1', { blockId: 'block-7', createdAt: 1 });
		map.set('anna/C1/a2/extra', { blockId: 'block-7', createdAt: 1 });
		map.set('anna/C1/a3', { blockId: 'block-7', createdAt: -5 });
		map.set('anna/C1/a4', 'ja');
		expect(readVotes(board).votes).toEqual([dot('anna', 'C1', 'a1')]);
		expect(readVotes(board).malformed).toBe(4);
	});

	it('keeps a field a newer app added to a dot when the dot is taken back', () => {
		const board = new Y.Doc();
		giveDot(board, dot('anna', 'C1', 'a1'));
		const key = 'anna/C1/a1';
		const votes = board.getMap(ROOT_KEYS.votes);
		votes.set(key, { ...(votes.get(key) as object), weight: 2 });
		withdrawDot(board, dot('anna', 'C1', 'a1'));
		expect(votes.get(key)).toEqual({
			blockId: 'block-7',
			createdAt: 1_000,
			weight: 2,
			withdrawn: true
		});
	});
});

describe('how a block’s vote runs', () => {
	it('the facilitator’s rules are read back; a broken pair reads as the defaults', () => {
		const control = new Y.Doc();
		writeVoting(control, 'block-7', {
			rules: { dotsPerPerson: 3, maxPerItem: 1 },
			phase: 'voting'
		});
		writeVoting(control, 'block-7', { target: 'clusters', sourceBlockId: 'block-3' });
		expect(readVoting(control)).toEqual({
			'block-7': {
				rules: { dotsPerPerson: 3, maxPerItem: 1 },
				target: 'clusters',
				sourceBlockId: 'block-3',
				phase: 'voting'
			}
		});
		control.getMap(ROOT_KEYS.voting).set('block-7/maxPerItem', 9);
		expect(readVoting(control)['block-7']!.rules).toEqual({ dotsPerPerson: 5, maxPerItem: 2 });
		expect(() =>
			writeVoting(control, 'block-7', { rules: { dotsPerPerson: 2, maxPerItem: 3 } })
		).toThrow(RangeError);
	});

	it('two facilitators changing different parts of a vote at the same time keep both changes', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		writeVoting(a, 'block-7', { phase: 'voting' });
		sync(a, b);
		writeVoting(a, 'block-7', { rules: { dotsPerPerson: 4, maxPerItem: 2 } });
		writeVoting(b, 'block-7', { phase: 'revealed' });
		sync(a, b);
		expect(readVoting(a)['block-7']).toMatchObject({
			rules: { dotsPerPerson: 4, maxPerItem: 2 },
			phase: 'revealed'
		});
		expect(readVoting(b)).toEqual(readVoting(a));
	});
});
