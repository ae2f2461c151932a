// Whose private documents a reveal opens (ADR 15, server/SPEC.md W5): the participants the laptop
// admitted to the workshop, from its device list (`GET /api/devices`), never the board's roster, which
// participants write: fake or stale roster entries must not decide whose cards and dots reach the
// board. The laptop's last answer is kept on this device, as the Viewer keeps the owner's, so a
// facilitator whose laptop is out of reach still reveals: the documents of those participants that this
// device holds are read as far as they are here (reveal-private.ts), and every participant's own device
// copies the rest once it sees the block revealed (CardBoard.revealOwn, DotVoting.revealOwn).

import type { ApiResult, DeviceInfo } from '../../contract/protocol';
import { workshopControlDocName, workshopPrefix } from '../../domain/document-names';
import type { KommunalwerkstattDb } from '../../storage/db';
import { admittedSettingKey, getSetting, setSetting } from '../../storage/settings';
import type { JoinApi } from '../joining/join-api';

export interface AdmittedParticipantsSource {
	/** The laptop's devices of the workshop; null when this device has no token to ask with. */
	devices(): Promise<ApiResult<DeviceInfo[]> | null>;
	/** The last list the laptop gave, kept for when it cannot be asked. */
	remembered: {
		get(): Promise<string[] | undefined>;
		set(ids: string[]): Promise<void>;
	};
}

/**
 * The participant ids of the workshop's admitted devices, each once (a linked device shares its
 * person's id); the remembered list when the laptop cannot answer, or none.
 */
export async function admittedParticipants(source: AdmittedParticipantsSource): Promise<string[]> {
	const answer = await source.devices().catch(() => null);
	if (answer?.ok) {
		const ids = [
			...new Set(answer.value.flatMap((d) => (d.participantId === null ? [] : [d.participantId])))
		];
		// Remembering is a convenience for later: a full Dexie must not stop this reveal.
		await source.remembered.set(ids).catch(() => undefined);
		return ids;
	}
	return (await source.remembered.get().catch(() => undefined)) ?? [];
}

/**
 * The source on this device: the laptop's API, asked with this device's token for the workshop's
 * control document (the laptop lists a workshop's devices to who may run it, ADR 6).
 */
export function laptopAdmittedParticipants(options: {
	api: JoinApi;
	tokenFor: (docName: string) => Promise<string | null>;
	db: KommunalwerkstattDb;
	ars: string;
	workshop: string;
}): AdmittedParticipantsSource {
	const { api, tokenFor, db, ars, workshop } = options;
	const scope = workshopPrefix(ars, workshop);
	const key = admittedSettingKey(scope);
	return {
		async devices() {
			const value = await tokenFor(workshopControlDocName(ars, workshop));
			return value === null ? null : api.devices(value, scope);
		},
		remembered: {
			get: () => getSetting<string[]>(db, key),
			set: (ids) => setSetting(db, key, ids)
		}
	};
}
