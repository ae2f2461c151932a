// A respondent's answer to one item, as stored in their document. Anything else found in a document (a
// buggy or malicious peer) is not an answer: scoring ignores it and flags it.

/** "weiß nicht / trifft nicht zu": counts as unanswered for the score and for coverage. */
export interface UnknownAnswer {
	kind: 'unknown';
}
export interface LevelAnswer {
	kind: 'level';
	/** 0–4 */
	value: number;
}
export interface LikertAnswer {
	kind: 'likert';
	/** 1–5 */
	value: number;
}
export interface ChecklistAnswer {
	kind: 'checklist';
	/** Ids of the ticked options. */
	ticked: readonly string[];
}
export interface FactAnswer {
	kind: 'fact';
	/** A number for number facts, the band text for band facts. */
	value: number | string;
}

export type Answer = UnknownAnswer | LevelAnswer | LikertAnswer | ChecklistAnswer | FactAnswer;

/** One respondent's answers, keyed by item id, with the perspective they answer from. */
export interface RespondentAnswers {
	respondentId: string;
	perspective: import('../perspectives').Perspective;
	/** Raw values as read from the document: validated against the catalog when scoring. */
	answers: Readonly<Record<string, unknown>>;
}
