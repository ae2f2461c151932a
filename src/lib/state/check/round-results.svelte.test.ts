import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT_KEYS } from '../../crdt/schema';
import { catalogByVersion } from '../../domain/check/catalog';
import { checkSharedDocName } from '../../domain/document-names';
import { RoundResults } from './round-results.svelte';
import { answerDimension, roundWithRespondents, setTarget } from './test-support.svelte';
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

const resultsOf = (round: string) =>
	new RoundResults({
		open: (name) => device.services.documents.open(name),
		ars: ARS,
		round,
		catalogOf: catalogByVersion
	});

describe('RoundResults', () => {
	it('scores the answers in the respondents’ documents against the targets in the round’s shared document', async () => {
		const { round, respondents } = await roundWithRespondents(
			device,
			ARS,
			'Digital-Check 2027',
			THREE_LEADERS
		);
		for (const respondent of respondents) {
			await answerDimension(
				device,
				{ ars: ARS, round, respondent, perspective: 'H' },
				'strategie',
				2
			);
		}
		await setTarget(device, ARS, round, 'strategie', 3);

		const results = resultsOf(round);
		stop = rendered(() => results.result);
		await expect.poll(() => results.result?.dimensions.strategie.score).toBe(50);
		expect(results.result?.dimensions.strategie.targetScore).toBe(75);
		expect(results.respondents.map((r) => r.label)).toEqual(THREE_LEADERS.map((r) => r.label));
		expect(results.error).toBeNull();
	});

	it('scores the round again when another respondent’s answers arrive while it is shown', async () => {
		const { round, respondents } = await roundWithRespondents(
			device,
			ARS,
			'Digital-Check 2027',
			THREE_LEADERS
		);
		const [first, second, third] = respondents as [string, string, string];
		for (const respondent of [first, second]) {
			await answerDimension(
				device,
				{ ars: ARS, round, respondent, perspective: 'H' },
				'strategie',
				3
			);
		}
		const results = resultsOf(round);
		stop = rendered(() => results.result);
		await expect.poll(() => results.loading).toBe(false);
		// Two people are too few for a figure of the municipality (ADR 7).
		expect(results.result?.dimensions.strategie.score).toBeNull();

		await answerDimension(
			device,
			{ ars: ARS, round, respondent: third, perspective: 'H' },
			'strategie',
			3
		);
		await expect.poll(() => results.result?.dimensions.strategie.score).toBe(75);
	});

	it('says catalog_unknown for a round taken with a catalog version this build does not know', async () => {
		const { round } = await roundWithRespondents(device, ARS, 'Aus der Zukunft', THREE_LEADERS);
		// As a newer app version records it; this one never overwrites a round's version.
		await device.write(checkSharedDocName(ARS, round), (doc) =>
			doc.getMap(ROOT_KEYS.round).set('catalogVersion', '2099.1')
		);
		const results = resultsOf(round);
		stop = rendered(() => results.error);
		await expect.poll(() => results.error).toBe('catalog_unknown');
		expect(results.result).toBeNull();
		expect(results.catalog).toBeNull();
	});
});
