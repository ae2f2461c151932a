import { describe, expect, it } from 'vitest';
import {
	checkProcessField,
	DEFAULT_HOURS_PER_FTE,
	estimateCases,
	parallelShareOf,
	PROCESS_PRESETS,
	savingsOf,
	validateProcessInput,
	type ProcessEntry
} from './processes';

const process = (id: string, fields: Partial<ProcessEntry> = {}): ProcessEntry => ({
	id,
	name: id,
	status: null,
	casesPerYear: null,
	pain: null,
	ozgService: null,
	minutesToday: null,
	minutesDigital: null,
	custom: false,
	order: 'a0',
	...fields
});

const timed = (id: string, cases: number, today: number, digital: number, name = id) =>
	process(id, { name, casesPerYear: cases, minutesToday: today, minutesDigital: digital });

describe('case numbers estimated from the population', () => {
	const preset = (id: string) => PROCESS_PRESETS.find((candidate) => candidate.id === id)!;

	it('give the reference town of 20.000 exactly the listed figures', () => {
		for (const each of PROCESS_PRESETS) {
			expect(estimateCases(each, 20_000), each.id).toBe(each.casesPerYear);
		}
	});

	it('scale with the population, to two significant digits', () => {
		// By hand: 1,800 / 20,000 = 0.09 per inhabitant; × 3,000 = 270; × 548,000 = 49,320 → 49,000.
		expect(estimateCases(preset('wohnsitzanmeldung'), 3_000)).toBe(270);
		expect(estimateCases(preset('wohnsitzanmeldung'), 548_000)).toBe(49_000);
		// 350 / 20,000 × 38,000 = 665 → 670.
		expect(estimateCases(preset('gewerbeanmeldung'), 38_000)).toBe(670);
	});

	it('keep at least one case, since the municipality has the process at all', () => {
		// 60 / 20,000 × 100 = 0.3.
		expect(estimateCases(preset('baumfaellgenehmigung'), 100)).toBe(1);
	});

	it('fall back to the reference town without a population', () => {
		expect(estimateCases(preset('rechnungseingang'), null)).toBe(12_000);
	});
});

describe('process presets', () => {
	it('offer at least 18 processes with unique, stable-looking ids', () => {
		expect(PROCESS_PRESETS.length).toBeGreaterThanOrEqual(18);
		const ids = PROCESS_PRESETS.map((preset) => preset.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
	});

	it('include the typical processes of a municipal administration', () => {
		const names = PROCESS_PRESETS.map((preset) => preset.name).join(' | ');
		for (const name of [
			'Gewerbeanmeldung',
			'Bauantrag',
			'Meldebescheinigung',
			'Hundesteuer',
			'Rechnungseingang',
			'Posteingang',
			'Sitzungsdienst',
			'Urlaubsantrag',
			'Personalakte',
			'Friedhofsverwaltung',
			'Kita-Anmeldung',
			'Wohngeld',
			'Anwohnerparkausweis',
			'Fundsachen',
			'Baumfällgenehmigung',
			'Sondernutzung',
			'Reisekosten',
			'Beschaffung'
		]) {
			expect(names).toContain(name);
		}
	});

	it('hold only values that pass validation themselves', () => {
		for (const preset of PROCESS_PRESETS) {
			expect(checkProcessField('name', preset.name)).toEqual({ value: preset.name });
			expect(checkProcessField('ozgService', preset.ozgService)).toEqual({
				value: preset.ozgService
			});
			expect(checkProcessField('casesPerYear', preset.casesPerYear)).toEqual({
				value: preset.casesPerYear
			});
		}
	});
});

describe('validating process input', () => {
	it('accepts a full entry and normalises the name and numeric text', () => {
		const result = validateProcessInput({
			name: '  Gewerbe   anmeldung ',
			status: 'parallel',
			casesPerYear: '1200',
			pain: 4,
			ozgService: '',
			minutesToday: '15,5',
			minutesDigital: 5
		});
		expect(result).toEqual({
			ok: true,
			value: {
				name: 'Gewerbe anmeldung',
				status: 'parallel',
				casesPerYear: 1200,
				pain: 4,
				ozgService: null,
				minutesToday: 15.5,
				minutesDigital: 5
			},
			warnings: []
		});
	});

	it('checks only the fields present, and null clears a field', () => {
		expect(validateProcessInput({ pain: null })).toEqual({
			ok: true,
			value: { pain: null },
			warnings: []
		});
		expect(validateProcessInput({})).toEqual({ ok: true, value: {}, warnings: [] });
	});

	it.each([
		['name', '   ', 'required'],
		['name', 'x'.repeat(121), 'too_long'],
		['name', 'Bau\u202eantrag', 'invalid_characters'],
		['status', 'halb', 'unknown_status'],
		['casesPerYear', 1.5, 'not_an_integer'],
		['casesPerYear', -1, 'out_of_range'],
		['casesPerYear', 10_000_001, 'out_of_range'],
		['casesPerYear', 'viele', 'not_a_number'],
		['casesPerYear', Number.NaN, 'not_a_number'],
		['pain', 0, 'out_of_range'],
		['pain', 6, 'out_of_range'],
		['pain', 2.5, 'not_an_integer'],
		['minutesToday', 2.55, 'too_many_decimals'],
		['minutesToday', 10_000.1, 'out_of_range'],
		['minutesDigital', Number.POSITIVE_INFINITY, 'not_a_number'],
		['ozgService', 'x'.repeat(201), 'too_long']
	] as const)('reports %s = %s as %s', (field, value, code) => {
		expect(validateProcessInput({ [field]: value })).toEqual({
			ok: false,
			errors: { [field]: code },
			warnings: []
		});
	});

	it('accepts the limits themselves', () => {
		const result = validateProcessInput({
			name: '😀'.repeat(120),
			casesPerYear: 10_000_000,
			pain: 1,
			minutesToday: 10_000,
			minutesDigital: 1.1
		});
		expect(result.ok).toBe(true);
		expect(validateProcessInput({ casesPerYear: 0, pain: 5, minutesToday: 0 }).ok).toBe(true);
	});

	it('reports every failing field at once', () => {
		expect(validateProcessInput({ name: '', pain: 9, minutesToday: 3 })).toEqual({
			ok: false,
			errors: { name: 'required', pain: 'out_of_range' },
			warnings: []
		});
	});

	it('warns, without failing, when the digital process would take longer', () => {
		expect(validateProcessInput({ minutesToday: 5, minutesDigital: 10 })).toEqual({
			ok: true,
			value: { minutesToday: 5, minutesDigital: 10 },
			warnings: ['digital_slower']
		});
		expect(validateProcessInput({ minutesToday: 5, minutesDigital: 5 }).warnings).toEqual([]);
	});
});

describe('savings', () => {
	it('1,200 cases saving 15 − 5 minutes each are 200 hours, or 0.125 of a full-time position', () => {
		const savings = savingsOf([timed('gewerbe', 1_200, 15, 5)]);
		expect(savings.processes).toEqual([{ id: 'gewerbe', name: 'gewerbe', hoursPerYear: 200 }]);
		expect(savings.totalHours).toBe(200);
		expect(savings.hoursPerFte).toBe(DEFAULT_HOURS_PER_FTE);
		expect(savings.fullTimeEquivalents).toBe(0.125);
	});

	it('add up the processes that save time, largest first, and list the ones lacking figures', () => {
		const savings = savingsOf([
			timed('melde', 600, 4.5, 1.5), // 600 × 3 min = 1,800 min = 30 h
			timed('gewerbe', 1_200, 15, 5), // 200 h
			timed('bau', 80, 90, 60), // 80 × 30 min = 2,400 min = 40 h
			timed('slower', 100, 5, 10), // digital takes longer: saves nothing
			timed('same', 100, 5, 5), // saves nothing
			timed('none', 0, 20, 5), // no cases: saves nothing
			process('open', { casesPerYear: 100, minutesToday: 10 }) // no digital time
		]);
		expect(savings.processes.map((s) => [s.id, s.hoursPerYear])).toEqual([
			['gewerbe', 200],
			['bau', 40],
			['melde', 30]
		]);
		expect(savings.totalHours).toBe(270);
		expect(savings.fullTimeEquivalents).toBe(0.16875); // 270 / 1,600
		expect(savings.incomplete).toEqual(['open']);
	});

	it('take another number of hours per full-time position', () => {
		const savings = savingsOf([timed('a', 1_200, 15, 5), timed('b', 80, 90, 60)], {
			hoursPerFte: 1_500
		});
		expect(savings.fullTimeEquivalents).toBe(240 / 1_500); // 0.16
		expect(() => savingsOf([], { hoursPerFte: 0 })).toThrow(RangeError);
	});

	it('count decimal minutes exactly: 100 cases × (15 − 5.1) minutes = 990 minutes = 16.5 hours', () => {
		expect(savingsOf([timed('a', 100, 15, 5.1)]).totalHours).toBe(16.5);
	});

	it('break ties in hours by name', () => {
		const savings = savingsOf([
			timed('z', 300, 10, 0, 'Zulassung'), // 50 h
			timed('a', 600, 5, 0, 'Anmeldung') // 50 h
		]);
		expect(savings.processes.map((s) => s.name)).toEqual(['Anmeldung', 'Zulassung']);
	});

	it('are zero without processes', () => {
		expect(savingsOf([])).toMatchObject({ processes: [], totalHours: 0, fullTimeEquivalents: 0 });
	});
});

describe('parallel share', () => {
	it('is parallel processes over processes with a status', () => {
		const statuses = ['analog', 'parallel', 'parallel', 'digital', null] as const;
		const result = parallelShareOf(statuses.map((status, i) => process(`p${i}`, { status })));
		expect(result).toEqual({
			counts: { analog: 1, parallel: 2, digital: 1 },
			unknown: 1,
			share: 0.5 // 2 of 4
		});
	});

	it('is null when no process has a status yet', () => {
		expect(parallelShareOf([process('a')]).share).toBeNull();
		expect(parallelShareOf([]).share).toBeNull();
	});
});
