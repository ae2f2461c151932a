// Where the matrix draws its entries (ADR 9): each chip is centred on its average scores, kept wholly
// inside its quadrant (so an entry at 3,3/3,3 never straddles the centre line, and one at the border
// never leaves the grid), and moved aside when it would cover a chip placed before it. Pure and
// deterministic: the same entries in the same order give the same picture on every device.
import { quadrantOf, SCORE_MAX, SCORE_MIN, type Quadrant } from './matrix';

export interface ChipToPlace {
	itemId: string;
	/** Average scores; both known (entries without both are not drawn on the grid). */
	impact: number;
	effort: number;
	/** The chip's drawn size, in the same unit as the grid's. */
	width: number;
	height: number;
}

export interface PlacedChip {
	itemId: string;
	quadrant: Quadrant;
	/** The chip's top left corner inside the grid. */
	left: number;
	top: number;
}

/** A rectangle on the grid: a placed chip, or a place no chip may cover (a quadrant's name). */
export interface GridBox {
	left: number;
	top: number;
	width: number;
	height: number;
}

const CENTRE_FRACTION = 0.5;

/** Fraction along an axis from its low end (score 1) to its high end (score 5). */
const fraction = (score: number) => (score - SCORE_MIN) / (SCORE_MAX - SCORE_MIN);

const overlaps = (a: GridBox, b: GridBox) =>
	a.left < b.left + b.width &&
	b.left < a.left + a.width &&
	a.top < b.top + b.height &&
	b.top < a.top + a.height;

/** The range a chip's centre may take so the chip stays `gap` away from both ends of [start, end]. */
function centreRange(start: number, end: number, size: number, gap: number): [number, number] {
	const low = start + gap + size / 2;
	const high = end - gap - size / 2;
	// A chip larger than its half sits in the half's middle rather than outside the grid.
	return low <= high ? [low, high] : [(start + end) / 2, (start + end) / 2];
}

const clamp = (value: number, [low, high]: [number, number]) =>
	Math.min(high, Math.max(low, value));

/**
 * Places `chips` on a grid of `width` × `height` (effort from left to right, impact from bottom to
 * top), in the order given: each one at the free spot nearest its own place, on a lattice of steps one
 * chip (plus `gap`) wide or high around that place, preferring to move up before down and left before
 * right when two spots are equally near. `reserved` boxes are covered by no chip. A chip whose quadrant
 * has no free spot left sits at its own place, over others (the list in words still names it).
 */
export function layoutChips(
	chips: readonly ChipToPlace[],
	width: number,
	height: number,
	gap = 4,
	reserved: readonly GridBox[] = []
): PlacedChip[] {
	const taken: GridBox[] = [...reserved];
	return chips.map((chip) => {
		const quadrant = quadrantOf(chip.impact, chip.effort);
		const right = quadrant === 'big_project' || quadrant === 'time_sink';
		const lower = quadrant === 'filler' || quadrant === 'time_sink';
		const x0 = right ? width * CENTRE_FRACTION : 0;
		const y0 = lower ? height * CENTRE_FRACTION : 0;
		const xRange = centreRange(x0, x0 + width / 2, chip.width, gap);
		const yRange = centreRange(y0, y0 + height / 2, chip.height, gap);
		const own = {
			x: clamp(fraction(chip.effort) * width, xRange),
			y: clamp((1 - fraction(chip.impact)) * height, yRange)
		};
		const boxAt = (x: number, y: number): GridBox => ({
			left: x - chip.width / 2,
			top: y - chip.height / 2,
			width: chip.width,
			height: chip.height
		});

		const stepX = chip.width + gap;
		const stepY = chip.height + gap;
		const columns = Math.ceil(width / 2 / stepX);
		const rows = Math.ceil(height / 2 / stepY);
		const spots: { x: number; y: number; distance: number; row: number; column: number }[] = [];
		for (let row = -rows; row <= rows; row++) {
			for (let column = -columns; column <= columns; column++) {
				const x = own.x + column * stepX;
				const y = own.y + row * stepY;
				if (x < xRange[0] || x > xRange[1] || y < yRange[0] || y > yRange[1]) continue;
				const distance = (column * stepX) ** 2 + (row * stepY) ** 2;
				spots.push({ x, y, distance, row, column });
			}
		}
		spots.sort((a, b) => a.distance - b.distance || a.row - b.row || a.column - b.column);
		const free = spots
			.map((spot) => boxAt(spot.x, spot.y))
			.find((box) => !taken.some((t) => overlaps(box, t)));
		const box = free ?? boxAt(own.x, own.y);
		taken.push(box);
		return {
			itemId: chip.itemId,
			quadrant,
			left: box.left,
			top: box.top
		};
	});
}
