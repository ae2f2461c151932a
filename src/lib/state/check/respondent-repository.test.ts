import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_CATALOG_VERSION } from '../../domain/check/catalog-types';
import { checkRespondentDocName, checkSharedDocName } from '../../domain/document-names';
import { readAnswers, readRespondentInfo, writeAnswer } from '../../crdt/check-respondent-doc';
import { readRespondents } from '../../crdt/check-round-doc';
import { ROOT_KEYS } from '../../crdt/schema';
import { openDatabase, type KommunalwerkstattDb } from '../../storage/db';
import { createDocumentRegistry, type DocumentRegistry } from '../../sync/document-registry';
import {
	createSessionRepository,
	type SessionRepository
} from '../municipality/session-repository';
import { createRespondentRepository, type RespondentRepository } from './respondent-repository';
import { writeDocument } from '../../sync/write-document';

const ARS = '034520000000';
let db: KommunalwerkstattDb;
let registry: DocumentRegistry;
let repository: SessionRepository;
let respondents: RespondentRepository;

beforeEach(() => {
	db = openDatabase(`respondent-repo-${Math.random()}`);
	registry = createDocumentRegistry({ relay: false });
	repository = createSessionRepository({ db, registry, now: () => 7_000 });
	respondents = createRespondentRepository({ registry, now: () => 7_000 });
});

afterEach(async () => {
	db.close();
	await db.delete();
});

const read = async <T>(name: string, reader: Parameters<typeof writeDocument<T>>[2]) => {
	const result = await writeDocument(registry, name, reader);
	if (!result.ok) throw new Error(result.error);
	return result.value;
};

describe('check rounds', () => {
	it('a new round records the current catalog version, and its respondents answer that version', async () => {
		const created = await repository.createCheckRound(ARS, 'Digital-Check 2027');
		if (!created.ok) throw new Error(created.error);
		const round = created.value.id;
		expect(
			await read(checkSharedDocName(ARS, round), (doc) =>
				doc.getMap(ROOT_KEYS.round).get('catalogVersion')
			)
		).toBe(CURRENT_CATALOG_VERSION);

		const added = await respondents.addRespondent(ARS, round, 'Kämmerer', 'A');
		if (!added.ok) throw new Error(added.error);
		const info = await read(checkRespondentDocName(ARS, round, added.value), readRespondentInfo);
		expect(info).toEqual({
			label: 'Kämmerer',
			perspective: 'A',
			catalogVersion: CURRENT_CATALOG_VERSION
		});
	});

	it('a respondent added to a round of an older catalog answers the older catalog', async () => {
		const created = await repository.createCheckRound(ARS, 'Digital-Check 2025');
		if (!created.ok) throw new Error(created.error);
		const round = created.value.id;
		// As if the round had been created by an earlier app version with its catalog.
		await read(checkSharedDocName(ARS, round), (doc) =>
			doc.getMap(ROOT_KEYS.round).set('catalogVersion', '2025.9')
		);
		const added = await respondents.addRespondent(ARS, round, 'Personalrat 1', 'PR');
		if (!added.ok) throw new Error(added.error);
		const info = await read(checkRespondentDocName(ARS, round, added.value), readRespondentInfo);
		expect(info?.catalogVersion).toBe('2025.9');
		const listed = await read(checkSharedDocName(ARS, round), readRespondents);
		expect(listed.map((r) => [r.label, r.perspective])).toEqual([['Personalrat 1', 'PR']]);
	});
});

describe('respondents', () => {
	const newRound = async () => {
		const created = await repository.createCheckRound(ARS, 'Digital-Check 2027');
		if (!created.ok) throw new Error(created.error);
		return created.value.id;
	};
	const add = async (round: string, label: string) => {
		const added = await respondents.addRespondent(ARS, round, label, 'A');
		if (!added.ok) throw new Error(added.error);
		return added.value;
	};
	const labels = async (round: string) =>
		(await read(checkSharedDocName(ARS, round), readRespondents)).map((r) => r.label);

	it('a label the round already has, in any case and spacing, is refused and nothing is added', async () => {
		const round = await newRound();
		await add(round, 'Kämmerer');
		expect(await respondents.addRespondent(ARS, round, '  kämmerer ', 'PR')).toEqual({
			ok: false,
			error: 'label_taken'
		});
		expect(await respondents.addRespondent(ARS, round, ' ', 'PR')).toEqual({
			ok: false,
			error: 'label_required'
		});
		expect(await labels(round)).toEqual(['Kämmerer']);
	});

	it('a rename changes the label in the round and in the respondent’s own document', async () => {
		const round = await newRound();
		const id = await add(round, 'Kämmerei');
		await add(round, 'Bauamt');
		expect(await respondents.renameRespondent(ARS, round, id, 'BAUAMT')).toEqual({
			ok: false,
			error: 'label_taken'
		});
		expect(await respondents.renameRespondent(ARS, round, id, ' Kämmerer ')).toEqual({
			ok: true,
			value: undefined
		});
		expect(await labels(round)).toEqual(['Kämmerer', 'Bauamt']);
		const info = await read(checkRespondentDocName(ARS, round, id), readRespondentInfo);
		expect(info?.label).toBe('Kämmerer');
	});

	it('a removed respondent leaves the list with their answers kept, and undo brings them back', async () => {
		const round = await newRound();
		const id = await add(round, 'Kämmerer');
		await add(round, 'Bauamt');
		const own = checkRespondentDocName(ARS, round, id);
		await read(own, (doc) => writeAnswer(doc, 'strategie.01', { kind: 'level', value: 3 }));

		expect((await respondents.removeRespondent(ARS, round, id)).ok).toBe(true);
		expect(await labels(round)).toEqual(['Bauamt']);
		expect(await read(own, readAnswers)).toEqual({ 'strategie.01': { kind: 'level', value: 3 } });

		expect((await respondents.restoreRespondent(ARS, round, id)).ok).toBe(true);
		expect(await labels(round)).toEqual(['Kämmerer', 'Bauamt']);
		expect(await read(own, readAnswers)).toEqual({ 'strategie.01': { kind: 'level', value: 3 } });
	});

	it('undo is refused while another respondent has since been given the removed one’s label, and changes nothing', async () => {
		const round = await newRound();
		const id = await add(round, 'Kämmerer');
		await add(round, 'Bauamt');
		expect((await respondents.removeRespondent(ARS, round, id)).ok).toBe(true);
		await add(round, 'kämmerer ');
		expect(await respondents.restoreRespondent(ARS, round, id)).toEqual({
			ok: false,
			error: 'restore_label_taken'
		});
		expect(await labels(round)).toEqual(['Bauamt', 'kämmerer']);
	});
});
