import { describe, expect, it } from 'vitest';
import type { ApiResult, DeviceInfo } from '../../contract/protocol';
import { admittedParticipants, type AdmittedParticipantsSource } from './admitted-participants';

function device(
	id: string,
	kind: 'teilnahme' | 'ansicht' | 'co-moderation',
	participantId: string | null
): DeviceInfo {
	return {
		id,
		role: kind === 'co-moderation' ? 'moderation' : kind,
		kind,
		displayName: id,
		participantId,
		platform: 'Android',
		browser: 'Chrome',
		joinedAt: 1,
		lastSeenAt: 1,
		online: true
	};
}

/** A source whose laptop answers `answers` in turn, with the device's remembered list in memory. */
function sourceAnswering(...answers: (ApiResult<DeviceInfo[]> | null)[]) {
	let remembered: string[] | undefined;
	const source: AdmittedParticipantsSource = {
		devices: async () => answers.shift() ?? null,
		remembered: {
			get: async () => remembered,
			set: async (ids) => void (remembered = ids)
		}
	};
	return source;
}

describe('the participants a reveal opens', () => {
	it('are the participants of the devices the laptop admitted, each once, without projectors or co-facilitators', async () => {
		const source = sourceAnswering({
			ok: true,
			value: [
				device('d1', 'teilnahme', 'p-anna'),
				device('d2', 'ansicht', null),
				device('d3', 'teilnahme', 'p-bernd'),
				// Anna's second device, linked to her first: the same person.
				device('d4', 'teilnahme', 'p-anna'),
				device('d5', 'co-moderation', null)
			]
		});
		expect(await admittedParticipants(source)).toEqual(['p-anna', 'p-bernd']);
	});

	it('are the ones the laptop named last while it cannot be reached, and none before it ever answered', async () => {
		const source = sourceAnswering(
			{ ok: false, error: 'unreachable' },
			{ ok: true, value: [device('d1', 'teilnahme', 'p-anna')] },
			{ ok: false, error: 'unreachable' },
			null
		);
		expect(await admittedParticipants(source)).toEqual([]);
		expect(await admittedParticipants(source)).toEqual(['p-anna']);
		expect(await admittedParticipants(source)).toEqual(['p-anna']);
		// No token to ask with (the laptop's owner token not to be had offline): the same.
		expect(await admittedParticipants(source)).toEqual(['p-anna']);
	});
});
