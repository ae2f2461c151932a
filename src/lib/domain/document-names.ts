// Every Yjs document name starts with `kommune/<ARS>/` (ADR 2); tokens carry patterns over these
// names, so the names are built in one place.

export const DOCUMENT_PREFIX = 'kommune';

/** Ids inside document names (workshop, round, respondent, participant): what parseDocName accepts. */
export const NAME_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const isNameId = (value: unknown): value is string =>
	typeof value === 'string' && NAME_ID_PATTERN.test(value);

export const profileDocName = (ars: string): string => `${DOCUMENT_PREFIX}/${ars}/profile`;

/** The common prefix of every document of one workshop (control, board, private documents). */
export const workshopPrefix = (ars: string, workshop: string): string =>
	`${DOCUMENT_PREFIX}/${ars}/workshop/${workshop}`;

export const workshopControlDocName = (ars: string, workshop: string): string =>
	`${workshopPrefix(ars, workshop)}/control`;

export const workshopBoardDocName = (ars: string, workshop: string): string =>
	`${workshopPrefix(ars, workshop)}/board`;

export const workshopPrivateDocName = (
	ars: string,
	workshop: string,
	participant: string
): string => `${workshopPrefix(ars, workshop)}/private/${participant}`;

/** The common prefix of every document of one check round (shared and respondent documents). */
export const checkRoundPrefix = (ars: string, round: string): string =>
	`${DOCUMENT_PREFIX}/${ars}/check/${round}`;

export const checkSharedDocName = (ars: string, round: string): string =>
	`${checkRoundPrefix(ars, round)}/shared`;

export const checkRespondentDocName = (ars: string, round: string, respondent: string): string =>
	`${checkRoundPrefix(ars, round)}/respondent/${respondent}`;
