import { describe, expect, it } from 'vitest';
import { shownBlockId } from './shown-block';

const blocks = [{ id: 'karten-1' }, { id: 'karten-2' }];

describe('the block a board page shows', () => {
	it('is the block the person picked, whatever runs now', () => {
		expect(shownBlockId(blocks, 'karten-1', 'karten-2')).toBe('karten-1');
	});

	it('follows the running block while nobody picked one', () => {
		expect(shownBlockId(blocks, null, 'karten-2')).toBe('karten-2');
	});

	it('is the first of its blocks while another kind of block runs, and none without blocks', () => {
		expect(shownBlockId(blocks, null, 'pause')).toBe('karten-1');
		expect(shownBlockId(blocks, null, null)).toBe('karten-1');
		expect(shownBlockId([], null, 'pause')).toBeNull();
	});
});
