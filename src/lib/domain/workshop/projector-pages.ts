// The board pages the facilitator can show on the projector instead of the current block (issue 18
// point 4). In the domain layer so the run state and its schema both read one list.
//
// The projector shows a page only while the facilitator has it open. Leaving it gives the projector back
// to the current block, but a tab that closes, crashes or sleeps on the page has no chance to say so;
// every page of the workshop the facilitator opens therefore says what the projector shows: its own
// projector page, or (any other page) the current block again.

export const PROJECTOR_PAGES = ['roadmap'] as const;
export type ProjectorPage = (typeof PROJECTOR_PAGES)[number];

/** The route id every page that shows it starts with: the roadmap is on Maßnahmen and Roadmap. */
const ROUTES: Record<ProjectorPage, string> = {
	roadmap: '/kommune/[ars]/workshop/[wid]/massnahmen'
};

/** What the projector shows while the facilitator has the route open: a page, or null (the block). */
export function projectorPageOf(routeId: string | null | undefined): ProjectorPage | null {
	if (!routeId) return null;
	return (
		PROJECTOR_PAGES.find(
			(page) => routeId === ROUTES[page] || routeId.startsWith(`${ROUTES[page]}/`)
		) ?? null
	);
}
