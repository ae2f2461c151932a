// The German names of the 360° perspectives (ADR 7).
import { m } from '$lib/paraglide/messages.js';
import { PERSPECTIVES, type Perspective } from '$lib/domain/perspectives';

export const PERSPECTIVE_OPTIONS = PERSPECTIVES;

const LABELS: Record<Perspective, () => string> = {
	H: m.perspective_h,
	D: m.perspective_d,
	A: m.perspective_a,
	B: m.perspective_b,
	PR: m.perspective_pr,
	P: m.perspective_p,
	E: m.perspective_e
};

export const perspectiveLabel = (perspective: Perspective): string => LABELS[perspective]();
