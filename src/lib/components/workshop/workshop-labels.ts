// German words for the workshop day: methods, how the day runs against the plan.
import { m } from '$lib/paraglide/messages.js';
import type { BlockMethod } from '$lib/domain/workshop/agenda';

const METHOD_LABELS: Record<BlockMethod, () => string> = {
	begruessung: m.method_begruessung,
	input: m.method_input,
	kartenabfrage: m.method_kartenabfrage,
	diskussion: m.method_diskussion,
	punktabfrage: m.method_punktabfrage,
	matrix: m.method_matrix,
	handlungsfelder: m.method_handlungsfelder,
	pause: m.method_pause,
	abschluss: m.method_abschluss,
	sonstiges: m.method_sonstiges
};

export const methodLabel = (method: BlockMethod): string => METHOD_LABELS[method]();

/** "5 Min.", "1 Std. 20 Min." */
function duration(minutes: number): string {
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	if (hours === 0) return m.duration_minutes({ minutes });
	return rest === 0
		? m.duration_hours({ hours })
		: m.duration_hours_minutes({ hours, minutes: rest });
}

/** "Im Zeitplan", "5 Min. hinter dem Plan", "3 Min. vor dem Plan": in words, never by colour alone. */
export function deviationLabel(minutes: number): string {
	if (minutes > 0) return m.run_behind({ duration: duration(minutes) });
	if (minutes < 0) return m.run_ahead({ duration: duration(-minutes) });
	return m.run_on_time();
}
