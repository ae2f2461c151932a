// Which block a board page shows: the one the person picked, else the block running now if the page
// handles it, else the first one it handles. The card, vote and matrix pages share this rule, so a page
// follows the workshop until someone chooses, and never jumps away from what they are working on.

export function shownBlockId(
	blocks: readonly { id: string }[],
	chosen: string | null,
	currentBlockId: string | null
): string | null {
	if (chosen !== null) return chosen;
	if (currentBlockId !== null && blocks.some((b) => b.id === currentBlockId)) return currentBlockId;
	return blocks[0]?.id ?? null;
}
