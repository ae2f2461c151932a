// Every Yjs document name starts with `kommune/<ARS>/` (DESIGN.md §3); tokens carry patterns over these
// names, so the names are built in one place.

export const DOCUMENT_PREFIX = 'kommune';

export const profileDocName = (ars: string): string => `${DOCUMENT_PREFIX}/${ars}/profile`;
