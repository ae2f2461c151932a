import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRespondents } from '../../crdt/check-round-doc';
import { rankBarrier, seedPresetProcesses, writeProcess } from '../../crdt/check-shared-doc';
import { BARRIERS } from '../../domain/check/barriers';
import { catalogByVersion } from '../../domain/check/catalog';
import { checkSharedDocName } from '../../domain/document-names';
import { CheckRound } from './check-round.svelte';
import { answerDimension, roundWithRespondents } from './test-support.svelte';
import { rendered, testDevice, type TestDevice } from '../test-device.svelte';

const ARS = '032520006006';
const THREE_LEADERS = [
	{ label: 'Bürgermeisterin', perspective: 'H' },
	{ label: 'Kämmerer', perspective: 'H' },
	{ label: 'Hauptamt', perspective: 'H' }
] as const;

let device: TestDevice;
let stop = () => {};

beforeEach(() => {
	device = testDevice();
});

afterEach(async () => {
	stop();
	stop = () => {};
	await device.close();
});

const checkRound = (round: string) => {
	const { db, services } = device;
	return new CheckRound({ db, services: async () => services }, ARS, round, catalogByVersion);
};

const listed = (round: string) =>
	device.write(checkSharedDocName(ARS, round), (doc) =>
		readRespondents(doc).map((respondent) => respondent.label)
	);

/** Three leaders who answered the strategy items with `level`. */
async function answeredRound(title: string, level: number): Promise<string> {
	const { round, respondents } = await roundWithRespondents(device, ARS, title, THREE_LEADERS);
	for (const respondent of respondents) {
		const names = { ars: ARS, round, respondent, perspective: 'H' } as const;
		await answerDimension(device, names, 'strategie', level);
	}
	return round;
}

describe('CheckRound respondents', () => {
	it('adds a respondent to the round’s list and shows them with their progress', async () => {
		const { round } = await roundWithRespondents(device, ARS, 'Digital-Check 2027', []);
		const shown = checkRound(round);
		stop = rendered(() => shown.progress.respondents);

		const added = await shown.addRespondent('Kämmerer', 'A');
		expect(added.ok).toBe(true);
		expect(await listed(round)).toEqual(['Kämmerer']);
		await expect.poll(() => shown.progress.respondents.map((r) => r.label)).toEqual(['Kämmerer']);
		expect(shown.progress.respondents[0]?.progress?.answered).toBe(0);
	});

	it('refuses a label the round has already on the label field, and one without perspective on that field, adding no one', async () => {
		const { round } = await roundWithRespondents(device, ARS, 'Digital-Check 2027', [
			{ label: 'Kämmerer', perspective: 'A' }
		]);
		const shown = checkRound(round);
		stop = rendered(() => shown.progress.respondents);
		await expect.poll(() => shown.progress.respondents.length).toBe(1);

		expect(await shown.addRespondent(' KÄMMERER ', 'A')).toEqual({
			ok: false,
			field: 'label',
			error: 'label_taken'
		});
		expect(await shown.addRespondent('Hauptamt', '')).toEqual({
			ok: false,
			field: 'perspective',
			error: 'perspective_required'
		});
		expect(await listed(round)).toEqual(['Kämmerer']);
	});

	it('refuses to bring back a removed respondent while another has been given their label', async () => {
		const { round, respondents } = await roundWithRespondents(device, ARS, 'Digital-Check 2027', [
			{ label: 'Kämmerer', perspective: 'A' }
		]);
		const shown = checkRound(round);
		stop = rendered(() => shown.progress.respondents);
		const [removed] = respondents as [string];
		expect((await shown.removeRespondent(removed)).ok).toBe(true);
		expect((await shown.addRespondent('Kämmerer', 'A')).ok).toBe(true);

		expect(await shown.restoreRespondent(removed)).toEqual({
			ok: false,
			field: 'form',
			error: 'restore_label_taken'
		});
		expect(await listed(round)).toEqual(['Kämmerer']);
	});

	it('answers code_load_failed when the document code does not load, and writes nothing', async () => {
		const { round } = await roundWithRespondents(device, ARS, 'Digital-Check 2027', []);
		const offline = new CheckRound(
			{ db: device.db, services: () => Promise.reject(new TypeError('Failed to fetch')) },
			ARS,
			round,
			catalogByVersion
		);
		expect(await offline.addRespondent('Kämmerer', 'A')).toEqual({
			ok: false,
			field: 'form',
			error: 'code_load_failed'
		});
		expect(await listed(round)).toEqual([]);
	});
});

describe('CheckRound results', () => {
	it('show the savings from the process inventory and the barriers’ points from the round’s top 3', async () => {
		const round = await answeredRound('Digital-Check 2027', 2);
		const [first, second] = BARRIERS as [(typeof BARRIERS)[0], (typeof BARRIERS)[0]];
		await device.write(checkSharedDocName(ARS, round), (doc) => {
			seedPresetProcesses(doc);
			// 350 cases a year, 30 minutes saved each: 175 hours.
			writeProcess(doc, 'gewerbeanmeldung', { minutesToday: 40, minutesDigital: 10 });
			rankBarrier(doc, 1, first.id);
			rankBarrier(doc, 2, second.id);
		});
		const results = checkRound(round).results;
		stop = rendered(() => [results.result, results.savings, results.pareto]);

		await expect.poll(() => results.savings.totalHours).toBe(175);
		expect(results.savings.processes.map((saving) => saving.id)).toEqual(['gewerbeanmeldung']);
		const points = results.pareto.rows.filter((row) => row.score > 0);
		expect(points.map((row) => [row.id, row.score])).toEqual([
			[first.id, 3],
			[second.id, 2]
		]);
		await expect.poll(() => results.answered).toBe(3);
		expect(results.result?.dimensions.strategie.score).toBe(50);
	});

	it('compare the round with an earlier one of the municipality, the earlier round first', async () => {
		const earlier = await answeredRound('Digital-Check 2026', 1);
		const later = await answeredRound('Digital-Check 2027', 3);
		const comparison = checkRound(later).results.comparison;
		stop = rendered(() => comparison.comparison);
		await expect.poll(() => comparison.others.map((row) => row.id)).toEqual([earlier]);

		comparison.choose(earlier);
		// Both rounds' documents open one by one: six respondents take a moment on a busy machine.
		await expect
			.poll(() => comparison.comparison?.values.dimensions.strategie, { timeout: 5_000 })
			.toEqual({ earlier: 25, later: 75, change: 50 });
		expect(comparison.comparison?.earlierTitle).toBe('Digital-Check 2026');
		expect(comparison.comparison?.laterTitle).toBe('Digital-Check 2027');
	});
});
