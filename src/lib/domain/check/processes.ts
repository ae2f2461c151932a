// The process inventory of a check round (ADR 7, the "parallel processes" finding): typical
// municipal processes as presets plus the municipality's own, each with its status (analog, parallel or
// digital), cases per year, pain, linked OZG service and minutes per case today and when fully digital.
// From these come the hours a municipality could save per year and the share of processes still run
// on paper and digitally side by side.

import { hasForbiddenCharacters } from '../display-name';
import { checkGermanNumber, type NumberRange } from '../german-number';

export const PROCESS_STATUSES = ['analog', 'parallel', 'digital'] as const;
export type ProcessStatus = (typeof PROCESS_STATUSES)[number];

export interface ProcessEntry {
	id: string;
	name: string;
	status: ProcessStatus | null;
	casesPerYear: number | null;
	/** 1 (hardly a burden) … 5 (a great burden). */
	pain: number | null;
	ozgService: string | null;
	minutesToday: number | null;
	minutesDigital: number | null;
	/** Added by the municipality rather than taken from the presets. */
	custom: boolean;
	/** Fractional index (ADR 8); ties are broken by id. */
	order: string;
}

/** The fields a person edits; `order` changes by moving, `id` and `custom` never. */
export const PROCESS_FIELDS = [
	'name',
	'status',
	'casesPerYear',
	'pain',
	'ozgService',
	'minutesToday',
	'minutesDigital'
] as const;
export type ProcessField = (typeof PROCESS_FIELDS)[number];
export type ProcessPatch = Partial<Pick<ProcessEntry, ProcessField>>;

export interface ProcessPreset {
	/** Stable across versions: documents key preset processes by it (ADR 8). */
	id: string;
	name: string;
	ozgService: string | null;
	/** A rough default for a town of REFERENCE_POPULATION inhabitants; estimateCases scales it. */
	casesPerYear: number | null;
}

/** The town size the presets' case numbers are estimated for. */
export const REFERENCE_POPULATION = 20_000;

// Case numbers are orders of magnitude for a municipality of 20,000 inhabitants, meant as a starting
// point the municipality overwrites with its own figures. Divided by 20,000 they are rates per
// inhabitant, which estimateCases applies to the municipality's population. Where they come from:
// citizens' services follow national rates per 1,000 inhabitants and year (Destatis orders of
// magnitude): about 90 move in (Wohnsitzanmeldung; about one in ten Germans moves each year), about
// 80 apply for an identity card (valid ten years, most adults hold one), about 18 register, change or
// close a business, about 17 Wohngeld applications (new and renewed), about 5 marry, about 12 die (Friedhof) and
// about 12 children enter a Kita. Internal processes (invoices, mail, leave, travel, purchasing)
// grow with the administration, whose staff grows roughly with the population; they are the
// roughest figures and say so by being estimates. Internal processes have no OZG service.
export const PROCESS_PRESETS: readonly ProcessPreset[] = [
	p('gewerbeanmeldung', 'Gewerbeanmeldung', 'Gewerbeanmeldung (OZG-Leistung)', 350),
	p('bauantrag', 'Bauantrag', 'Baugenehmigung (OZG-Leistung)', 80),
	p('meldebescheinigung', 'Meldebescheinigung', 'Meldebescheinigung (OZG-Leistung)', 1_200),
	p('wohnsitzanmeldung', 'Wohnsitzanmeldung', 'Wohnsitzanmeldung (OZG-Leistung)', 1_800),
	p('personalausweis', 'Personalausweisantrag', 'Personalausweis (OZG-Leistung)', 1_600),
	p('hundesteuer', 'Hundesteuer An- und Abmeldung', 'Hundesteuer (OZG-Leistung)', 400),
	p('rechnungseingang', 'Rechnungseingang', null, 12_000),
	p('posteingang', 'Posteingang', null, 20_000),
	p('sitzungsdienst', 'Sitzungsdienst (Vorlagen)', null, 300),
	p('urlaubsantrag', 'Urlaubsantrag', null, 1_000),
	p('personalakte', 'Personalakte', null, 500),
	p('friedhofsverwaltung', 'Friedhofsverwaltung', 'Grabnutzungsrecht (OZG-Leistung)', 220),
	p('kita-anmeldung', 'Kita-Anmeldung', 'Kinderbetreuungsplatz (OZG-Leistung)', 250),
	p('wohngeld', 'Wohngeld', 'Wohngeld (OZG-Leistung)', 350),
	p('anwohnerparkausweis', 'Anwohnerparkausweis', 'Bewohnerparkausweis (OZG-Leistung)', 150),
	p('fundsachen', 'Fundsachen', 'Fundsachen (OZG-Leistung)', 250),
	p('baumfaellgenehmigung', 'Baumfällgenehmigung', 'Baumfällgenehmigung (OZG-Leistung)', 60),
	p('sondernutzung', 'Sondernutzung', 'Sondernutzungserlaubnis Straße (OZG-Leistung)', 120),
	p('reisekosten', 'Reisekostenabrechnung', null, 400),
	p('beschaffung', 'Beschaffung', null, 150),
	p('eheschliessung', 'Anmeldung der Eheschließung', 'Eheschließung (OZG-Leistung)', 100)
];

function p(id: string, name: string, ozgService: string | null, cases: number): ProcessPreset {
	return { id, name, ozgService, casesPerYear: cases };
}

/** Rounds to two significant digits: 22,800 → 23,000, 1,520 → 1,500, 64 → 64. */
function twoSignificantDigits(value: number): number {
	if (value < 100) return Math.round(value);
	const step = 10 ** (Math.floor(Math.log10(value)) - 1);
	return Math.round(value / step) * step;
}

/**
 * The preset's cases per year for a municipality of `population`: its rate per inhabitant times the
 * population, to two significant digits (more would pretend a precision the rates lack), and at least
 * 1, since the municipality has the process at all. Without a population, the reference town's value.
 */
export function estimateCases(preset: ProcessPreset, population: number | null): number | null {
	if (preset.casesPerYear === null) return null;
	if (population === null || !(Number.isFinite(population) && population > 0)) {
		return preset.casesPerYear;
	}
	const estimate = (preset.casesPerYear / REFERENCE_POPULATION) * population;
	return Math.min(CASES_MAX, Math.max(1, twoSignificantDigits(estimate)));
}

export const PROCESS_NAME_MAX_LENGTH = 120;
export const OZG_SERVICE_MAX_LENGTH = 200;
export const CASES_MAX = 10_000_000;
export const MINUTES_MAX = 10_000;

export const PROCESS_FIELD_ERRORS = [
	'required',
	'too_long',
	'invalid_characters',
	'unknown_status',
	'not_a_number',
	'not_an_integer',
	'out_of_range',
	/** Minutes take at most one decimal (e.g. 2.5). */
	'too_many_decimals'
] as const;
export type ProcessFieldError = (typeof PROCESS_FIELD_ERRORS)[number];

/** Not an error: a process may really take longer digitally; it simply saves nothing. */
export type ProcessWarning = 'digital_slower';

export type ProcessInputResult =
	| { ok: true; value: ProcessPatch; warnings: ProcessWarning[] }
	| { ok: false; errors: Partial<Record<ProcessField, ProcessFieldError>>; warnings: [] };

export type ProcessFieldCheck = { value: unknown } | { error: ProcessFieldError };

const clean = (text: string) => text.trim().replace(/\s+/g, ' ');

function checkText(raw: unknown, max: number, required: boolean): ProcessFieldCheck {
	if (raw === null && !required) return { value: null };
	if (typeof raw !== 'string') return { error: 'required' };
	const value = clean(raw);
	if (value === '') return required ? { error: 'required' } : { value: null };
	if (hasForbiddenCharacters(value)) return { error: 'invalid_characters' };
	if ([...value].length > max) return { error: 'too_long' };
	return { value };
}

/** The numeric fields and what each accepts; the form's message names the range. */
export const PROCESS_NUMBER_RANGES = {
	casesPerYear: { min: 0, max: CASES_MAX, decimals: 0 },
	pain: { min: 1, max: 5, decimals: 0 },
	minutesToday: { min: 0, max: MINUTES_MAX, decimals: 1 },
	minutesDigital: { min: 0, max: MINUTES_MAX, decimals: 1 }
} as const satisfies Record<string, NumberRange>;
export type ProcessNumberField = keyof typeof PROCESS_NUMBER_RANGES;

export const isProcessNumberField = (field: string): field is ProcessNumberField =>
	field in PROCESS_NUMBER_RANGES;

/** A number, German number text ("38.000", "2,5") or empty (null), checked against the field's range. */
function checkNumber(raw: unknown, range: NumberRange): ProcessFieldCheck {
	if (raw === null) return { value: null };
	if (typeof raw !== 'number' && typeof raw !== 'string') return { error: 'not_a_number' };
	const checked = checkGermanNumber(raw, range);
	if (checked.kind === 'empty') return { value: null };
	return checked.kind === 'error' ? { error: checked.error } : { value: checked.value };
}

/** One field's value checked and normalised, as a form or a document holds it. */
export function checkProcessField(field: ProcessField, raw: unknown): ProcessFieldCheck {
	switch (field) {
		case 'name':
			return checkText(raw, PROCESS_NAME_MAX_LENGTH, true);
		case 'ozgService':
			return checkText(raw, OZG_SERVICE_MAX_LENGTH, false);
		case 'status':
			if (raw === null || raw === '') return { value: null };
			return (PROCESS_STATUSES as readonly unknown[]).includes(raw)
				? { value: raw }
				: { error: 'unknown_status' };
		case 'casesPerYear':
		case 'pain':
		case 'minutesToday':
		case 'minutesDigital':
			return checkNumber(raw, PROCESS_NUMBER_RANGES[field]);
	}
}

/**
 * Checks the fields present in `raw` (absent fields are left alone, null or '' clears one) and returns
 * them normalised, or an error code per field.
 */
export function validateProcessInput(
	raw: Partial<Record<ProcessField, unknown>>
): ProcessInputResult {
	const value: Record<string, unknown> = {};
	const errors: Partial<Record<ProcessField, ProcessFieldError>> = {};
	for (const field of PROCESS_FIELDS) {
		if (!(field in raw) || raw[field] === undefined) continue;
		const checked = checkProcessField(field, raw[field]);
		if ('error' in checked) errors[field] = checked.error;
		else value[field] = checked.value;
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors, warnings: [] };
	const patch = value as ProcessPatch;
	const slower =
		typeof patch.minutesToday === 'number' &&
		typeof patch.minutesDigital === 'number' &&
		patch.minutesDigital > patch.minutesToday;
	return { ok: true, value: patch, warnings: slower ? ['digital_slower'] : [] };
}

// An assumption, shown in the UI beside the result: productive hours of one full-time position per year
// (after holidays, leave, illness and training), roughly the order of magnitude the KGSt uses.
export const DEFAULT_HOURS_PER_FTE = 1_600;

export interface ProcessSaving {
	id: string;
	name: string;
	hoursPerYear: number;
}

export interface Savings {
	/** Processes that save time, by hours descending (ties by name, then id). */
	processes: ProcessSaving[];
	totalHours: number;
	fullTimeEquivalents: number;
	hoursPerFte: number;
	/** Ids of processes lacking cases or either time, which therefore count nothing. */
	incomplete: string[];
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
	a.name.localeCompare(b.name, 'de') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Hours per year = cases × (minutes today − minutes digital) / 60, where all three are known. */
export function savingsOf(
	processes: readonly ProcessEntry[],
	{ hoursPerFte = DEFAULT_HOURS_PER_FTE }: { hoursPerFte?: number } = {}
): Savings {
	if (!(Number.isFinite(hoursPerFte) && hoursPerFte > 0)) {
		throw new RangeError('hoursPerFte must be a positive number');
	}
	const saving: ProcessSaving[] = [];
	const incomplete: string[] = [];
	for (const process of processes) {
		const { casesPerYear: cases, minutesToday: today, minutesDigital: digital } = process;
		if (cases === null || today === null || digital === null) {
			incomplete.push(process.id);
			continue;
		}
		// In tenths of a minute, so 15 − 5.1 is exactly 99 tenths rather than 9.899999….
		const tenths = Math.round(today * 10) - Math.round(digital * 10);
		if (tenths <= 0 || cases === 0) continue;
		saving.push({ id: process.id, name: process.name, hoursPerYear: (cases * tenths) / 600 });
	}
	saving.sort((a, b) => b.hoursPerYear - a.hoursPerYear || byName(a, b));
	const totalHours = saving.reduce((sum, s) => sum + s.hoursPerYear, 0);
	return {
		processes: saving,
		totalHours,
		fullTimeEquivalents: totalHours / hoursPerFte,
		hoursPerFte,
		incomplete
	};
}

export interface ParallelShare {
	counts: Record<ProcessStatus, number>;
	/** Processes without a status yet. */
	unknown: number;
	/** parallel / processes with a status; null when no process has one. */
	share: number | null;
}

export function parallelShareOf(processes: readonly ProcessEntry[]): ParallelShare {
	const counts: Record<ProcessStatus, number> = { analog: 0, parallel: 0, digital: 0 };
	let unknown = 0;
	for (const { status } of processes) {
		if (status === null) unknown += 1;
		else counts[status] += 1;
	}
	const withStatus = counts.analog + counts.parallel + counts.digital;
	return { counts, unknown, share: withStatus === 0 ? null : counts.parallel / withStatus };
}
