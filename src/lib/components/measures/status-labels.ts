// The statuses of a measure in German, as people read them in lists, filters and the history.
import { m } from '$lib/paraglide/messages.js';
import type { MeasureStatus } from '$lib/domain/measures/measure';

const STATUS_LABELS: Record<MeasureStatus, () => string> = {
	geplant: m.measure_status_geplant,
	in_arbeit: m.measure_status_in_arbeit,
	umgesetzt: m.measure_status_umgesetzt,
	zurueckgestellt: m.measure_status_zurueckgestellt
};

export const statusLabel = (status: MeasureStatus): string => STATUS_LABELS[status]();
