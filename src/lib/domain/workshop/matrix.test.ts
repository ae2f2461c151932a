import { describe, expect, it } from 'vitest';
import { matrixPlacements, quadrantOf, scoreAt, type MatrixScore } from './matrix';

const score = (
	participantId: string,
	itemId: string,
	impact: number | null,
	effort: number | null
): MatrixScore => ({ participantId, itemId, impact, effort });

describe('matrix averages', () => {
	it('an item sits at the average of everyone’s scores, each axis over those who gave it', () => {
		const placements = matrixPlacements(
			['A', 'B'],
			[score('anna', 'A', 5, 1), score('bernd', 'A', 4, 2), score('carla', 'A', 3, null)]
		);
		// By hand: impact (5 + 4 + 3) / 3 = 4, effort (1 + 2) / 2 = 1.5 → a Quick Win.
		expect(placements[0]).toEqual({
			itemId: 'A',
			impact: 4,
			effort: 1.5,
			impactCount: 3,
			effortCount: 2,
			quadrant: 'quick_win'
		});
		expect(placements[1]).toEqual({
			itemId: 'B',
			impact: null,
			effort: null,
			impactCount: 0,
			effortCount: 0,
			quadrant: null
		});
	});

	it('one participant counts once for merged items, and scores for removed items or out of range are ignored', () => {
		const survivor = (id: string) => (id === 'dup' ? 'A' : id === 'gone' ? null : id);
		const placements = matrixPlacements(
			['A'],
			[
				score('anna', 'A', 2, 2),
				score('anna', 'dup', 4, null), // merged into A: Anna's impact is now 4, her effort stays 2
				score('bernd', 'A', 7, 0), // out of range on both axes
				score('carla', 'gone', 5, 5)
			],
			survivor
		);
		expect(placements[0]).toMatchObject({ impact: 4, effort: 2, impactCount: 1, effortCount: 1 });
		expect(placements[0]!.quadrant).toBe('quick_win');
	});
});

describe('quadrants', () => {
	it('the centre line belongs to the upper half on both axes', () => {
		expect(quadrantOf(5, 1)).toBe('quick_win');
		expect(quadrantOf(3, 2.9)).toBe('quick_win');
		expect(quadrantOf(3, 3)).toBe('big_project');
		expect(quadrantOf(2.9, 2.9)).toBe('filler');
		expect(quadrantOf(1, 3)).toBe('time_sink');
	});

	it('a drop on the grid gives the score of the fifth of the axis it lands in', () => {
		expect([0, 0.19, 0.2, 0.5, 0.79, 0.8, 1].map(scoreAt)).toEqual([1, 1, 2, 3, 4, 5, 5]);
		expect([-1, 2, Number.NaN].map(scoreAt)).toEqual([1, 5, 1]);
	});
});
