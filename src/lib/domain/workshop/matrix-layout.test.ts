import { describe, expect, it } from 'vitest';
import { layoutChips, type ChipToPlace } from './matrix-layout';

// All cases on a 400 × 200 grid with a 4 px gap and chips of 60 × 20: a quadrant is 200 × 100, so a
// chip's centre may go from 4 + 30 = 34 to 200 − 34 = 166 across its half and from 4 + 10 = 14 to
// 100 − 14 = 86 down it. Effort 1…5 runs over x 0…400, impact 5…1 over y 0…200.
const chip = (itemId: string, impact: number, effort: number): ChipToPlace => ({
	itemId,
	impact,
	effort,
	width: 60,
	height: 20
});
const layout = (chips: ChipToPlace[], reserved = []) => layoutChips(chips, 400, 200, 4, reserved);

describe('matrix layout', () => {
	it('a chip at a corner is centred as near its place as fits, wholly inside the grid', () => {
		// Impact 5 / effort 1 wants its centre at (0, 0): clamped to (34, 14), its corner at (4, 4).
		// Impact 1 / effort 5 wants (400, 200): clamped to (200 + 166, 100 + 86), its corner at (336, 176).
		expect(layout([chip('a', 5, 1), chip('b', 1, 5)])).toEqual([
			{ itemId: 'a', quadrant: 'quick_win', left: 4, top: 4 },
			{ itemId: 'b', quadrant: 'time_sink', left: 336, top: 176 }
		]);
	});

	it('a chip in the middle of its quadrant is centred on its scores', () => {
		// Impact 4 / effort 2: centre (100, 50), corner (70, 40).
		expect(layout([chip('a', 4, 2)])).toEqual([
			{ itemId: 'a', quadrant: 'quick_win', left: 70, top: 40 }
		]);
	});

	it('a chip at 3,3/3,3 lies wholly in the upper right quadrant, not across the centre lines', () => {
		// Wants (2.3 / 4 · 400, 1.7 / 4 · 200) = (230, 85): x clamped to 234, corner (204, 75); the chip
		// spans x 204…264 and y 75…95, right of 200 and above 100.
		const [placed] = layout([chip('a', 3.3, 3.3)]);
		expect(placed!.quadrant).toBe('big_project');
		expect(placed!.left).toBeCloseTo(204);
		expect(placed!.top).toBeCloseTo(75);
	});

	it('an entry exactly on the centre lines counts upward on both axes, one just below to the left', () => {
		// 3/3 wants (200, 100): a Großes Projekt, clamped to (234, 86), corner (204, 76).
		// Impact 3 / effort 2,9 wants (190, 100): a Quick Win, clamped to (166, 86), corner (136, 76).
		expect(layout([chip('a', 3, 3), chip('b', 3, 2.9)])).toEqual([
			{ itemId: 'a', quadrant: 'big_project', left: 204, top: 76 },
			{ itemId: 'b', quadrant: 'quick_win', left: 136, top: 76 }
		]);
	});

	it('chips at the same place are spread one row up, one down, then one column left, without overlap', () => {
		// All want centre (100, 50). Steps are 64 across and 24 down: the second goes up to y 26, the
		// third down to 74, the fourth (y 2 and 98 are outside 14…86) one column left to x 36.
		expect(layout(['a', 'b', 'c', 'd'].map((id) => chip(id, 4, 2)))).toEqual([
			{ itemId: 'a', quadrant: 'quick_win', left: 70, top: 40 },
			{ itemId: 'b', quadrant: 'quick_win', left: 70, top: 16 },
			{ itemId: 'c', quadrant: 'quick_win', left: 70, top: 64 },
			{ itemId: 'd', quadrant: 'quick_win', left: 6, top: 40 }
		]);
	});

	it('a chip keeps clear of a quadrant name', () => {
		// The name covers 0…100 × 0…30. At (34, 14) and one row down at (34, 38) the chip (y 28…48)
		// would touch it; two rows down, (34, 62) at distance 48, is nearer than one column right (64).
		const name = { left: 0, top: 0, width: 100, height: 30 };
		expect(layoutChips([chip('a', 5, 1)], 400, 200, 4, [name])).toEqual([
			{ itemId: 'a', quadrant: 'quick_win', left: 4, top: 52 }
		]);
	});

	it('a chip finding its quadrant full stays at its own place rather than leaving the quadrant', () => {
		// On 100 × 100 a 40 × 40 chip's centre may only go from 24 to 26: the second one has no spot.
		const big = (itemId: string) => ({ itemId, impact: 5, effort: 1, width: 40, height: 40 });
		expect(layoutChips([big('a'), big('b')], 100, 100, 4)).toEqual([
			{ itemId: 'a', quadrant: 'quick_win', left: 4, top: 4 },
			{ itemId: 'b', quadrant: 'quick_win', left: 4, top: 4 }
		]);
	});
});
