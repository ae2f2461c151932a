import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workshopBoardDocName, workshopControlDocName } from '../../domain/document-names';
import { readAgenda } from '../../crdt/workshop-agenda';
import { readCards } from '../../crdt/workshop-cards';
import { readRoster } from '../../crdt/workshop-doc';
import { listSessions } from '../../storage/sessions';
import { openDatabase, type KommunalwerkstattDb } from '../../storage/db';
import { createDocumentRegistry, type DocumentRegistry } from '../../sync/document-registry';
import { createSessionRepository, type SessionRepository } from './session-repository';
import { writeDocument } from '../../sync/write-document';

const ARS = '034520000000';
let db: KommunalwerkstattDb;
let registry: DocumentRegistry;
let repository: SessionRepository;

beforeEach(() => {
	db = openDatabase(`session-repo-${Math.random()}`);
	registry = createDocumentRegistry({ relay: false });
	repository = createSessionRepository({ db, registry, now: () => 7_000 });
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

describe('the sample workshop', () => {
	it('is a full generated day in the workshop’s documents on this device, listed with the municipality', async () => {
		const created = await repository.createDemoWorkshop(ARS, 7);
		if (!created.ok) throw new Error(created.error);
		const { id, title } = created.value;
		const agenda = await read(workshopControlDocName(ARS, id), readAgenda);
		expect(agenda.blocks).toHaveLength(12);
		const board = workshopBoardDocName(ARS, id);
		expect((await read(board, readCards)).cards).toHaveLength(500);
		expect(await read(board, readRoster)).toHaveLength(30);
		expect((await listSessions(db, ARS)).map((row) => [row.id, row.title])).toEqual([[id, title]]);
		// Generating and storing 20,000 edits takes seconds on a busy machine: more than the default 5.
	}, 30_000);
});
