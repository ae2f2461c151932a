// The board pages the facilitator can show on the projector instead of the current block (issue 18
// point 4). In the domain layer so the run state and its schema both read one list.

export const PROJECTOR_PAGES = ['roadmap'] as const;
export type ProjectorPage = (typeof PROJECTOR_PAGES)[number];
