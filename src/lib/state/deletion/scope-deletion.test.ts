import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAnswer, writeRespondentInfo } from '../../crdt/check-respondent-doc';
import {
	addRespondent,
	readRespondents,
	removeRespondent,
	writeRoundCatalogVersion,
	writeRoundTitle
} from '../../crdt/check-round-doc';
import { encodeDocumentSnapshot } from '../../crdt/durable-snapshot';
import { writeWorkshopInfo } from '../../crdt/workshop-doc';
import { CURRENT_CATALOG_VERSION } from '../../domain/check/catalog-types';
import {
	checkRespondentDocName,
	checkRoundPrefix,
	checkSharedDocName,
	workshopControlDocName,
	workshopPrefix
} from '../../domain/document-names';
import { newId } from '../../domain/ids';
import type { Perspective } from '../../domain/perspectives';
import { ERROR_CODES } from '../../contract/protocol';
import { openDatabase, type KommunalwerkstattDb, type SessionRow } from '../../storage/db';
import { putSession } from '../../storage/sessions';
import {
	admittedSettingKey,
	draftSettingKey,
	getSetting,
	setSetting
} from '../../storage/settings';
import { recordDurableState } from '../../storage/durable-states';
import { createDocumentRegistry, type DocumentRegistry } from '../../sync/document-registry';
import { localDocumentsUnder } from '../../sync/local-copies';
import type { ApiResult } from '../../contract/protocol';
import type { DeletionResponse } from '../../contract/protocol';
import {
	createScopeDeletion,
	type CentralDeletionServer,
	type ScopeDeletion
} from './scope-deletion';
import type { TokenSource } from '../../sync/token-source';
import { writeDocument } from '../../sync/write-document';

const ARS = '034520000000';
let db: KommunalwerkstattDb;
let registry: DocumentRegistry;
let serverCalls: { token: string; scope: string }[];
let serverAnswer: ApiResult<DeletionResponse>;
let token: string | null;
/** The central server set up on this device in a test, or null. */
let central: CentralDeletionServer | null;
let centralCalls: string[];
/** Which server was asked, in order. */
let asked: string[];
let centralAnswer: ApiResult<DeletionResponse>;

const tokenSource: TokenSource = {
	getToken: async () => token,
	state: 'available',
	invalidate: () => undefined
};

function deletion(): ScopeDeletion {
	return createScopeDeletion({
		db,
		registry,
		tokenSource,
		coverageTimeoutMs: 50,
		deleteOnServer: async (t, scope) => {
			serverCalls.push({ token: t, scope });
			asked.push('laptop');
			return serverAnswer;
		},
		central: () => central
	});
}

beforeEach(() => {
	db = openDatabase(`scope-deletion-${Math.random()}`);
	registry = createDocumentRegistry({ relay: false, db });
	serverCalls = [];
	serverAnswer = { ok: true, value: { scope: '', deleted: [] } };
	token = 'moderation-token';
	central = null;
	centralCalls = [];
	asked = [];
	centralAnswer = { ok: true, value: { scope: '', deleted: [] } };
});

/** A central server set up with a key for these patterns; it records the scopes it is asked about. */
function setUpCentral(docs: string[]) {
	central = {
		docs,
		deleteScope: async (scope) => {
			centralCalls.push(scope);
			asked.push('central');
			return centralAnswer;
		}
	};
}

afterEach(async () => {
	await registry.close();
	// The local copies of every test go, so one test never sees another's.
	for (const { name } of await indexedDB.databases()) if (name) indexedDB.deleteDatabase(name);
	db.close();
	await db.delete();
});

const written = async <T>(name: string, change: Parameters<typeof writeDocument<T>>[2]) => {
	const result = await writeDocument(registry, name, change);
	if (!result.ok) throw new Error(result.error);
	return result.value;
};

/** A workshop or round as the municipality page creates it: its document, then the Dexie row. */
async function createSession(kind: SessionRow['kind'], title: string): Promise<SessionRow> {
	const id = newId<'workshop'>();
	if (kind === 'workshop') {
		await written(workshopControlDocName(ARS, id), (doc) =>
			writeWorkshopInfo(doc, { title, date: null })
		);
	} else {
		await written(checkSharedDocName(ARS, id), (doc) => {
			writeRoundTitle(doc, title);
			writeRoundCatalogVersion(doc, CURRENT_CATALOG_VERSION);
		});
	}
	const scope = kind === 'workshop' ? workshopPrefix(ARS, id) : checkRoundPrefix(ARS, id);
	const row: SessionRow = { scope, ars: ARS, kind, id, title, date: null, createdAt: 1 };
	await putSession(db, row);
	return row;
}

/** A respondent as the round page adds one: their own document first, then the round's list. */
async function addRespondentTo(round: string, label: string, perspective: Perspective) {
	const id = newId<'respondent'>();
	const catalogVersion = CURRENT_CATALOG_VERSION;
	await written(checkRespondentDocName(ARS, round, id), (doc) =>
		writeRespondentInfo(doc, { label, perspective, catalogVersion })
	);
	await written(checkSharedDocName(ARS, round), (doc) =>
		addRespondent(doc, { id, label, perspective, createdAt: 1 })
	);
	return id;
}

/** Two workshops and a round with one respondent, as the municipality page creates them. */
async function prepare() {
	const w1 = await createSession('workshop', 'Auftakt');
	const w2 = await createSession('workshop', 'Zweiter Termin');
	const round = await createSession('checkRound', 'Check 2026');
	await addRespondentTo(round.id, 'Leitung 1', 'H');
	await registry.close();
	return { w1, w2, round };
}

/** A server acknowledged exactly what this device holds of the document. */
async function acknowledge(name: string) {
	const written = await writeDocument(registry, name, (doc) => encodeDocumentSnapshot(doc));
	if (!written.ok) throw new Error(written.error);
	await recordDurableState(db, {
		name,
		place: 'laptop',
		snapshot: written.value,
		storedAt: 1,
		coveredAt: 1
	});
}

describe('removing from this device', () => {
	it('names what a municipality loses: its rounds, their respondents, its workshops', async () => {
		const { round } = await prepare();
		await db.kommunen.put({
			ars: ARS,
			name: 'Samtgemeinde Beispiel',
			type: 'samtgemeinde',
			landkreis: null,
			population: 12000,
			updatedAt: 1
		});
		const plan = await deletion().plan({ kind: 'kommune', ars: ARS });
		expect(plan).toMatchObject({
			title: 'Samtgemeinde Beispiel',
			workshops: 2,
			checkRounds: 1,
			respondents: 1
		});
		// Two control documents, the round's shared and the respondent's document: none acknowledged.
		expect(plan.documents).toHaveLength(4);
		expect(plan.unsent).toEqual(plan.documents);
		expect((await deletion().plan({ kind: 'checkRound', ars: ARS, round: round.id })).title).toBe(
			'Check 2026'
		);
	});

	it("counts a respondent taken off the round's list among what deleting the round loses, since their answers go with it", async () => {
		const { round } = await prepare();
		const second = await addRespondentTo(round.id, 'Kämmerei', 'A');
		await written(checkSharedDocName(ARS, round.id), (doc) => removeRespondent(doc, second));
		await registry.close();
		const plan = await deletion().plan({ kind: 'checkRound', ars: ARS, round: round.id });
		expect(plan.respondents).toBe(2);
	});

	it('is refused while a change is on no server, and removes nothing', async () => {
		const { w1 } = await prepare();
		const before = await localDocumentsUnder(db, w1.scope);
		const result = await deletion().removeFromDevice({
			kind: 'workshop',
			ars: ARS,
			workshop: w1.id
		});
		expect(result).toEqual({ ok: false, error: 'unsent_changes', place: null, deletedOn: [] });
		expect(await localDocumentsUnder(db, w1.scope)).toEqual(before);
		expect(await db.sessions.get(w1.scope)).toBeDefined();
	});

	it('removes a workshop whose every change a server acknowledged, and leaves the other workshop', async () => {
		const { w1, w2 } = await prepare();
		await acknowledge(`${w1.scope}/control`);
		// The participants the laptop last named for each workshop's reveal (ADR 15).
		await setSetting(db, admittedSettingKey(w1.scope), ['p-anna']);
		await setSetting(db, admittedSettingKey(w2.scope), ['p-bernd']);
		// What was typed on this device into each workshop's card field and not added yet.
		await setSetting(db, draftSettingKey(w1.scope, 'card', 'b1'), 'Akten nur auf Papier');
		await setSetting(db, draftSettingKey(w2.scope, 'card', 'b1'), 'Kein WLAN');
		const result = await deletion().removeFromDevice({
			kind: 'workshop',
			ars: ARS,
			workshop: w1.id
		});
		expect(result.ok).toBe(true);
		expect(await localDocumentsUnder(db, w1.scope)).toEqual([]);
		expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(`${w1.scope}/control`);
		expect(await db.sessions.get(w1.scope)).toBeUndefined();
		expect(await db.durableStates.where('name').equals(`${w1.scope}/control`).count()).toBe(0);
		expect(await getSetting(db, admittedSettingKey(w1.scope))).toBeUndefined();
		expect(await getSetting(db, draftSettingKey(w1.scope, 'card', 'b1'))).toBeUndefined();
		expect(await db.sessions.get(w2.scope)).toBeDefined();
		expect(await localDocumentsUnder(db, w2.scope)).toEqual([`${w2.scope}/control`]);
		expect(await getSetting(db, admittedSettingKey(w2.scope))).toEqual(['p-bernd']);
		expect(await getSetting(db, draftSettingKey(w2.scope, 'card', 'b1'))).toBe('Kein WLAN');
	});

	it('removes unsent changes only when the person accepted losing them', async () => {
		const { w1 } = await prepare();
		const target = { kind: 'workshop', ars: ARS, workshop: w1.id } as const;
		const result = await deletion().removeFromDevice(target, { discardUnsent: true });
		expect(result.ok).toBe(true);
		expect(await localDocumentsUnder(db, w1.scope)).toEqual([]);
	});

	it('a municipality takes its list row, its workshops, rounds and every local copy with it', async () => {
		await prepare();
		await db.kommunen.put({
			ars: ARS,
			name: 'Beispiel',
			type: 'samtgemeinde',
			landkreis: null,
			population: 1,
			updatedAt: 1
		});
		const other = '031010000000';
		await db.sessions.put({
			scope: `kommune/${other}/workshop/x`,
			ars: other,
			kind: 'workshop',
			id: 'x',
			title: 'Anderswo',
			date: null,
			createdAt: 1
		});
		const result = await deletion().removeFromDevice(
			{ kind: 'kommune', ars: ARS },
			{ discardUnsent: true }
		);
		expect(result.ok).toBe(true);
		expect(await db.kommunen.get(ARS)).toBeUndefined();
		expect(await db.sessions.where('ars').equals(ARS).count()).toBe(0);
		expect(await localDocumentsUnder(db, `kommune/${ARS}`)).toEqual([]);
		expect(await db.sessions.get(`kommune/${other}/workshop/x`)).toBeDefined();
	});
});

describe('deleting for good', () => {
	it('asks the server with the token first and removes the local copies only after its answer', async () => {
		const { round } = await prepare();
		const result = await deletion().deleteForGood({
			kind: 'checkRound',
			ars: ARS,
			round: round.id
		});
		expect(result.ok).toBe(true);
		expect(serverCalls).toEqual([{ token: 'moderation-token', scope: round.scope }]);
		expect(await localDocumentsUnder(db, round.scope)).toEqual([]);
	});

	it('when the server refuses or cannot be reached, or there is no token, nothing is removed here', async () => {
		const { w1 } = await prepare();
		const target = { kind: 'workshop', ars: ARS, workshop: w1.id } as const;
		const before = await localDocumentsUnder(db, w1.scope);
		serverAnswer = { ok: false, error: ERROR_CODES.forbidden };
		const refused = (error: string) => ({ ok: false, error, place: 'laptop', deletedOn: [] });
		expect(await deletion().deleteForGood(target)).toEqual(refused('forbidden'));
		serverAnswer = { ok: false, error: 'unreachable' };
		expect(await deletion().deleteForGood(target)).toEqual(refused('unreachable'));
		token = null;
		expect(await deletion().deleteForGood(target)).toEqual(refused('no_token'));
		expect(serverCalls).toHaveLength(2);
		expect(await localDocumentsUnder(db, w1.scope)).toEqual(before);
		expect(await db.sessions.get(w1.scope)).toBeDefined();
	});

	it('a document a server refused as deleted takes its workshop off this device once a server held all of it', async () => {
		const { w1, w2 } = await prepare();
		for (const name of await localDocumentsUnder(db, w1.scope)) await acknowledge(name);
		await registry.close();
		expect(await deletion().removeDeleted(`${w1.scope}/board`)).toBe(true);
		expect(await localDocumentsUnder(db, w1.scope)).toEqual([]);
		expect(await db.sessions.get(w1.scope)).toBeUndefined();
		expect(await db.sessions.get(w2.scope)).toBeDefined();
	});

	it('a refusal as deleted keeps a copy holding changes no server has, such as a municipality typed anew under a deleted ARS', async () => {
		const { w1 } = await prepare();
		const before = await localDocumentsUnder(db, w1.scope);
		expect(before.length).toBeGreaterThan(0);
		expect(await deletion().removeDeleted(`${w1.scope}/board`)).toBe(false);
		expect(await localDocumentsUnder(db, w1.scope)).toEqual(before);
		expect(await db.sessions.get(w1.scope)).toBeDefined();
	});
});

describe('deleting a respondent for good', () => {
	/** A round with "Fachamt 1" (Verwaltungsspitze) who answered two items and one out of range. */
	async function respondentWithAnswers() {
		const round = await createSession('checkRound', 'Check 2026');
		const added = await addRespondentTo(round.id, 'Fachamt 1', 'H');
		await addRespondentTo(round.id, 'Bauamt', 'H');
		const own = checkRespondentDocName(ARS, round.id, added);
		await writeDocument(registry, own, (doc) => {
			writeAnswer(doc, 'strategie.01', { kind: 'level', value: 3 });
			writeAnswer(doc, 'strategie.02', { kind: 'level', value: 0 });
			writeAnswer(doc, 'fuehrung.01', { kind: 'level', value: 9 });
		});
		await registry.close();
		const target = {
			kind: 'respondent',
			ars: ARS,
			round: round.id,
			respondent: added
		} as const;
		return { target, own, shared: checkSharedDocName(ARS, round.id) };
	}

	const listed = async (shared: string) => {
		const written = await writeDocument(registry, shared, (doc) =>
			readRespondents(doc).map((respondent) => respondent.label)
		);
		if (!written.ok) throw new Error(written.error);
		return written.value;
	};

	it('names the person as the round lists them, their perspective and how many items they answered', async () => {
		const { target, own } = await respondentWithAnswers();
		const plan = await deletion().plan(target);
		expect(plan.respondent).toEqual({ label: 'Fachamt 1', perspective: 'H', answered: 2 });
		expect(plan.documents).toEqual([own]);
	});

	it('deletes on the server first, then takes the person off the round’s list, then removes only their copy here', async () => {
		const { target, own, shared } = await respondentWithAnswers();
		const result = await deletion().deleteForGood(target);
		expect(result.ok).toBe(true);
		expect(serverCalls).toEqual([{ token: 'moderation-token', scope: own }]);
		expect(await listed(shared)).toEqual(['Bauamt']);
		expect(await localDocumentsUnder(db, own)).toEqual([]);
		expect(await localDocumentsUnder(db, shared)).toEqual([shared]);
	});

	it('when the server refuses, the person stays listed and their copy stays here', async () => {
		const { target, own, shared } = await respondentWithAnswers();
		serverAnswer = { ok: false, error: 'unreachable' };
		expect((await deletion().deleteForGood(target)).ok).toBe(false);
		expect(await listed(shared)).toEqual(['Fachamt 1', 'Bauamt']);
		expect(await localDocumentsUnder(db, own)).toEqual([own]);
	});
});

describe('deleting for good with a central server set up', () => {
	it('asks the central server first, then the laptop server, and removes the local copies only after both answered', async () => {
		const { w1 } = await prepare();
		setUpCentral([`kommune/${ARS}/**`]);
		const result = await deletion().deleteForGood({ kind: 'workshop', ars: ARS, workshop: w1.id });
		expect(result.ok).toBe(true);
		expect(asked).toEqual(['central', 'laptop']);
		expect(await localDocumentsUnder(db, w1.scope)).toEqual([]);
		expect(await db.sessions.get(w1.scope)).toBeUndefined();
	});

	it('when the central server cannot be reached or refuses, the laptop server is not asked and nothing is removed here', async () => {
		const { w1 } = await prepare();
		setUpCentral([`kommune/${ARS}/**`]);
		const target = { kind: 'workshop', ars: ARS, workshop: w1.id } as const;
		const before = await localDocumentsUnder(db, w1.scope);
		for (const error of ['unreachable', ERROR_CODES.forbidden, ERROR_CODES.tokenExpired] as const) {
			centralAnswer = { ok: false, error };
			expect(await deletion().deleteForGood(target)).toEqual({
				ok: false,
				error,
				place: 'central',
				deletedOn: []
			});
		}
		expect(centralCalls).toEqual([w1.scope, w1.scope, w1.scope]);
		expect(serverCalls).toEqual([]);
		expect(await localDocumentsUnder(db, w1.scope)).toEqual(before);
		expect(await db.sessions.get(w1.scope)).toBeDefined();
	});

	it('when the laptop server fails after the central server deleted, the copies stay, even when a server refuses them as deleted, until the retry succeeds', async () => {
		const { w1 } = await prepare();
		for (const name of await localDocumentsUnder(db, w1.scope)) await acknowledge(name);
		setUpCentral([`kommune/${ARS}/**`]);
		const target = { kind: 'workshop', ars: ARS, workshop: w1.id } as const;
		const before = await localDocumentsUnder(db, w1.scope);
		const deleting = deletion();
		serverAnswer = { ok: false, error: 'unreachable' };
		expect(await deleting.deleteForGood(target)).toEqual({
			ok: false,
			error: 'unreachable',
			place: 'laptop',
			deletedOn: ['central']
		});
		// The central server refuses the board as deleted now; the copy a server held stays all the same.
		await registry.close();
		expect(await deleting.removeDeleted(`${w1.scope}/board`)).toBe(false);
		expect(await localDocumentsUnder(db, w1.scope)).toEqual(before);
		expect(await db.sessions.get(w1.scope)).toBeDefined();

		serverAnswer = { ok: true, value: { scope: w1.scope, deleted: [] } };
		expect((await deleting.deleteForGood(target)).ok).toBe(true);
		expect(centralCalls).toEqual([w1.scope, w1.scope]);
		expect(serverCalls.map((call) => call.scope)).toEqual([w1.scope, w1.scope]);
		expect(await localDocumentsUnder(db, w1.scope)).toEqual([]);
	});

	it('a central key that reaches no document of the scope is not asked: that server never got any of it', async () => {
		const { w1 } = await prepare();
		setUpCentral(['kommune/031010000000/**']);
		expect(
			(await deletion().deleteForGood({ kind: 'workshop', ars: ARS, workshop: w1.id })).ok
		).toBe(true);
		expect(centralCalls).toEqual([]);
		expect(serverCalls).toHaveLength(1);
	});

	it('without a key for the laptop server, the central server is not asked either', async () => {
		const { w1 } = await prepare();
		setUpCentral([`kommune/${ARS}/**`]);
		token = null;
		expect(await deletion().deleteForGood({ kind: 'workshop', ars: ARS, workshop: w1.id })).toEqual(
			{ ok: false, error: 'no_token', place: 'laptop', deletedOn: [] }
		);
		expect(centralCalls).toEqual([]);
	});
});
