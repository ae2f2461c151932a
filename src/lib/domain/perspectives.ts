// The perspectives of the 360° Digital-Check (ADR 7). A respondent answers from exactly one.
// Codes are stable: they are stored in documents and compared across rounds.

export const PERSPECTIVES = ['H', 'D', 'A', 'B', 'PR', 'P', 'E'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

export const isPerspective = (value: unknown): value is Perspective =>
	typeof value === 'string' && (PERSPECTIVES as readonly string[]).includes(value);
