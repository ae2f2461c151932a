// Dot votes (domain/workshop/votes.ts has the counting rules). Every dot is one key,
// `<participantId>/<itemId>/<dotId>`, written only by that participant's devices, so concurrent votes
// never overwrite each other (ADR 9). Until the facilitator reveals a block's vote,
// a participant's dots are in their private document, which nobody else receives; the reveal copies
// them to the board with the same keys, so revealing twice writes nothing new.
//
// A dot taken back from the board is marked `withdrawn` instead of deleted: a later reveal copies only
// keys the board has no record of, so it cannot bring the dot back. In the private document a dot is
// simply deleted.
//
// How a block's vote runs (dots per person, maximum per item, what is voted on, and whether it is
// revealed) is in the control document, written by moderation only.

import type * as Y from 'yjs';
import {
	DEFAULT_VOTING_RULES,
	validateVotingRules,
	type Vote,
	type VotingRules
} from '../domain/workshop/votes';
import { isRecordId, readFieldRecords, writeFields } from './field-records';
import { ensureMeta, ROOT_KEYS, rootMap } from './schema';
import { parseRecord } from './schemas/document-schema';
import { DOT_ENTRY } from './schemas/workshop';

export type VoteRoot = (typeof ROOT_KEYS)['votes' | 'privateVotes'];

export interface BlockVote extends Vote {
	blockId: string;
}

/** The keys of a document without dots. */
export const NO_VOTE_KEYS: ReadonlySet<string> = new Set();

export const voteKey = (vote: Pick<Vote, 'participantId' | 'itemId' | 'dotId'>): string =>
	`${vote.participantId}/${vote.itemId}/${vote.dotId}`;

function writable(doc: Y.Doc, key: VoteRoot | (typeof ROOT_KEYS)['voting']): Y.Map<unknown> {
	const map = rootMap(doc, key);
	if (map === null) throw new Error(`${key} root has the wrong type`);
	return map;
}

const isTime = (value: unknown): value is number =>
	typeof value === 'number' && Number.isFinite(value) && value >= 0;

interface StoredDot {
	vote: BlockVote;
	withdrawn: boolean;
}

function readDot(key: string, value: unknown): StoredDot | null {
	const parts = key.split('/');
	if (parts.length !== 3 || !parts.every(isRecordId)) return null;
	const record = parseRecord(DOT_ENTRY, value);
	if (record === null) return null;
	const { blockId, createdAt, withdrawn } = record;
	const [participantId, itemId, dotId] = parts as [string, string, string];
	return {
		vote: { participantId, itemId, dotId, blockId, createdAt },
		withdrawn: withdrawn === true
	};
}

export interface VotesRead {
	/** The dots given and not taken back. */
	votes: BlockVote[];
	/** Keys of every dot this document has a record of, taken back or not. */
	keys: ReadonlySet<string>;
	/** Records that are not a valid dot (a buggy or malicious peer): left out. */
	malformed: number;
}

export function readVotes(doc: Y.Doc, root: VoteRoot = ROOT_KEYS.votes): VotesRead {
	const votes: BlockVote[] = [];
	const keys = new Set<string>();
	let malformed = 0;
	for (const [key, value] of rootMap(doc, root)?.entries() ?? []) {
		const dot = readDot(key, value);
		if (dot === null) {
			malformed += 1;
			continue;
		}
		keys.add(key);
		if (!dot.withdrawn) votes.push(dot.vote);
	}
	return { votes, keys, malformed };
}

function checkVote(vote: BlockVote): void {
	const ids = [vote.participantId, vote.itemId, vote.dotId, vote.blockId];
	if (!ids.every(isRecordId)) throw new RangeError('invalid vote ids');
	if (!isTime(vote.createdAt)) throw new RangeError('invalid vote time');
}

export function giveDot(
	doc: Y.Doc,
	vote: BlockVote,
	root: VoteRoot = ROOT_KEYS.votes,
	now = Date.now()
): void {
	checkVote(vote);
	const map = writable(doc, root);
	doc.transact(() => {
		ensureMeta(doc, now);
		map.set(voteKey(vote), { blockId: vote.blockId, createdAt: vote.createdAt });
	});
}

/** Takes a dot back: deleted in a private document, marked withdrawn on the board (see above). */
export function withdrawDot(
	doc: Y.Doc,
	vote: BlockVote,
	root: VoteRoot = ROOT_KEYS.votes,
	now = Date.now()
): void {
	checkVote(vote);
	const map = writable(doc, root);
	doc.transact(() => {
		ensureMeta(doc, now);
		if (root === ROOT_KEYS.privateVotes) map.delete(voteKey(vote));
		else {
			// Fields a newer app added to the dot stay (ADR 13).
			const stored = map.get(voteKey(vote));
			map.set(voteKey(vote), {
				...(typeof stored === 'object' && stored !== null ? stored : {}),
				blockId: vote.blockId,
				createdAt: vote.createdAt,
				withdrawn: true
			});
		}
	});
}

/**
 * Copies one participant's dots of a block from their private document to the board. Only dots under
 * the document owner's own id are copied (a private document names its owner; a device cannot vote
 * for someone else through it). Returns how many were copied.
 */
export function revealVotes(
	board: Y.Doc,
	privateDoc: Y.Doc,
	owner: { participantId: string; blockId: string },
	now = Date.now()
): number {
	const own = readVotes(privateDoc, ROOT_KEYS.privateVotes).votes.filter(
		(vote) => vote.participantId === owner.participantId && vote.blockId === owner.blockId
	);
	return copyVotesToBoard(board, own, now);
}

/** Copies dots to the board; a key the board has a record of (even taken back) is left alone. */
export function copyVotesToBoard(
	board: Y.Doc,
	votes: readonly BlockVote[],
	now = Date.now()
): number {
	const map = writable(board, ROOT_KEYS.votes);
	const known = new Set(readVotes(board).keys);
	let copied = 0;
	board.transact(() => {
		ensureMeta(board, now);
		for (const vote of votes) {
			checkVote(vote);
			const key = voteKey(vote);
			if (known.has(key)) continue;
			known.add(key);
			map.set(key, { blockId: vote.blockId, createdAt: vote.createdAt });
			copied += 1;
		}
	});
	return copied;
}

// --- how a block's vote runs (control document) -----------------------------------------------------

export type VoteTarget = 'cards' | 'clusters';
export type VotePhase = 'voting' | 'revealed';

export interface VotingSetup {
	rules: VotingRules;
	target: VoteTarget;
	/** The Kartenabfrage block whose cards (or clusters) are voted on. */
	sourceBlockId: string | null;
	phase: VotePhase;
}

/** The vote of each block that has one; rules a peer broke read as the defaults. */
export function readVoting(doc: Y.Doc): Record<string, VotingSetup> {
	const setups: Record<string, VotingSetup> = {};
	for (const [blockId, fields] of readFieldRecords(rootMap(doc, ROOT_KEYS.voting))) {
		const phase = fields.get('phase');
		if (phase !== 'voting' && phase !== 'revealed') continue;
		const rules = validateVotingRules({
			dotsPerPerson: fields.get('dotsPerPerson') as number,
			maxPerItem: fields.get('maxPerItem') as number
		});
		const source = fields.get('sourceBlockId');
		setups[blockId] = {
			rules: rules.ok ? rules.value : DEFAULT_VOTING_RULES,
			target: fields.get('target') === 'clusters' ? 'clusters' : 'cards',
			sourceBlockId: isRecordId(source) ? source : null,
			phase
		};
	}
	return setups;
}

/** Starts (or changes) a block's vote; only the parts given are written. */
export function writeVoting(
	doc: Y.Doc,
	blockId: string,
	setup: Partial<VotingSetup>,
	now = Date.now()
): void {
	if (!isRecordId(blockId)) throw new RangeError('invalid block id');
	// Both numbers together: a pair that was valid on its own could be invalid with the other's old value.
	if (setup.rules && !validateVotingRules(setup.rules).ok) throw new RangeError('invalid rules');
	if (setup.sourceBlockId != null && !isRecordId(setup.sourceBlockId))
		throw new RangeError('invalid source block');
	const map = writable(doc, ROOT_KEYS.voting);
	doc.transact(() => {
		ensureMeta(doc, now);
		// writeFields removes a field given as undefined: only what is set here goes in.
		const fields = Object.entries({
			...setup.rules,
			target: setup.target,
			sourceBlockId: setup.sourceBlockId,
			phase: setup.phase
		});
		writeFields(map, blockId, Object.fromEntries(fields.filter(([, v]) => v !== undefined)));
	});
}
