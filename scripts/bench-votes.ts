// `npm run bench`, part 6 (`--only votes` runs it alone, in Node, a few seconds): the generated full
// workshop day with its 3,000 dot records and the matrix scores, written into a board document as the
// app's sample day is. Two figures, each as a ratio to reading the same board's cards as the card page
// does (readCards + boardView of the Kartenabfrage), measured alternately in the same run:
//  - counting the vote: reading the dots and sorting the results (what the Punktabfrage page shows);
//  - the matrix after one change: one participant changes one score, then the scores are read and every
//    entry's averages and quadrant recomputed (what every device does when a score arrives).
import * as Y from 'yjs';
import { writeWorkshopDay } from '../src/lib/demo/write-workshop-day';
import { readCards, readClusters } from '../src/lib/crdt/workshop-cards';
import { readMatrix, writeScore } from '../src/lib/crdt/workshop-matrix';
import { readVotes } from '../src/lib/crdt/workshop-votes';
import { generateWorkshopDay } from '../src/lib/demo/workshop-generator';
import { boardView } from '../src/lib/domain/workshop/cards';
import { matrixPlacements } from '../src/lib/domain/workshop/matrix';
import { voteResults } from '../src/lib/domain/workshop/votes';
import { itemResolver, votingItems } from '../src/lib/domain/workshop/voting-items';
import { alternateMedians } from './bench-stats';

const SEED = 20260302;
const SAMPLES = 15;

export function benchVotes(): void {
	const plan = generateWorkshopDay({ seed: SEED });
	const voting = plan.voting!;
	const docs = { control: new Y.Doc(), board: new Y.Doc() };
	const written = writeWorkshopDay(plan, docs);
	const { board } = docs;
	const entries = [...new Set(plan.scores.map((score) => score.itemId))];
	const scorer = plan.scores[0]!.participantId;

	const readBoard = () => {
		const view = boardView(readCards(board).cards, readClusters(board), voting.sourceBlockId);
		return view.unclustered.length + view.clusters.length;
	};
	const countVote = () => {
		const cards = readCards(board).cards;
		const clusters = readClusters(board);
		const items = votingItems(boardView(cards, clusters, voting.sourceBlockId), 'cards');
		const votes = readVotes(board).votes.filter((vote) => vote.blockId === voting.blockId);
		const resolve = itemResolver({ cards, clusters }, 'cards', voting.sourceBlockId);
		return voteResults(
			items.map((item) => item.id),
			votes,
			voting.rules,
			resolve
		)[0]!.count;
	};
	let step = 0;
	const matrixAfterChange = () => {
		step += 1;
		const target = { participantId: scorer, itemId: entries[0]!, axis: 'impact' as const };
		writeScore(board, target, (step % 5) + 1);
		return matrixPlacements(entries, readMatrix(board).scores).length;
	};

	alternateMedians([readBoard, countVote, matrixAfterChange], 3, 1); // warm-up
	const [boardMs, voteMs, matrixMs] = alternateMedians(
		[readBoard, countVote, matrixAfterChange],
		SAMPLES,
		1
	) as [number, number, number];
	const counted = readVotes(board).votes.length;
	console.log(
		`generated workshop day (seed ${SEED}): ${written.votes} dot records (${counted} not taken back), ` +
			`${written.scores} matrix scores (${entries.length} entries, ${plan.participants.length} people); median of ` +
			`${SAMPLES}: reading the board's cards ${boardMs.toFixed(1)} ms (baseline); counting the vote ` +
			`${voteMs.toFixed(1)} ms (${(voteMs / boardMs).toFixed(2)}×); the matrix after one changed ` +
			`score ${matrixMs.toFixed(1)} ms (${(matrixMs / boardMs).toFixed(2)}×)`
	);
}
