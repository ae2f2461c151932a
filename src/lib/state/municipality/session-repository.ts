// Preparing workshops and check rounds: their documents are the truth (the control document holds the
// workshop's title and date, the round's shared document its title; its respondents are the round's,
// check/respondent-repository.ts), the Dexie rows in
// `sessions` a projection for the municipality's page (as SPEC.md S11 does for profiles).

import { CURRENT_CATALOG_VERSION } from '../../domain/check/catalog-types';
import {
	checkRoundPrefix,
	checkSharedDocName,
	workshopBoardDocName,
	workshopControlDocName,
	workshopPrefix
} from '../../domain/document-names';
import { newId } from '../../domain/ids';
import { writeRoundCatalogVersion, writeRoundTitle } from '../../crdt/check-round-doc';
import { writeWorkshopInfo } from '../../crdt/workshop-doc';
import type { KommunalwerkstattDb, SessionRow } from '../../storage/db';
import { putSession } from '../../storage/sessions';
import type { DocumentRegistry } from '../../sync/document-registry';
import * as Y from 'yjs';
import { isDocumentError, type DocumentErrorCode } from '../../sync/document-status';
import { writeDocument, type WriteResult } from '../../sync/write-document';

export type SessionResult<T> = WriteResult<T>;

export interface SessionRepository {
	createWorkshop(
		ars: string,
		title: string,
		date: string | null
	): Promise<SessionResult<SessionRow>>;
	createCheckRound(ars: string, title: string): Promise<SessionResult<SessionRow>>;
	/**
	 * A generated full workshop day (30 participants, 500 cards in clusters, notes, 20,000 text edits)
	 * as a new workshop of this municipality, for demos and trying things out.
	 */
	createDemoWorkshop(ars: string, seed: number): Promise<SessionResult<SessionRow>>;
}

/** A document error as a failed result; anything else is a bug and is thrown on. */
function asWriteError(error: unknown): { ok: false; error: DocumentErrorCode } {
	if (isDocumentError(error)) return { ok: false, error: error.code };
	throw error;
}

export function createSessionRepository(options: {
	db: KommunalwerkstattDb;
	registry: DocumentRegistry;
	now?: () => number;
}): SessionRepository {
	const { db, registry } = options;
	const now = options.now ?? Date.now;

	const writeTo = <T>(name: string, change: (doc: Y.Doc) => T) =>
		writeDocument(registry, name, change);

	async function project(row: SessionRow): Promise<SessionResult<SessionRow>> {
		try {
			await putSession(db, row);
			return { ok: true, value: row };
		} catch {
			return { ok: false, error: 'storage_write_failed' };
		}
	}

	return {
		async createWorkshop(ars, title, date) {
			const id = newId<'workshop'>();
			const createdAt = now();
			const written = await writeTo(workshopControlDocName(ars, id), (doc) =>
				writeWorkshopInfo(doc, { title, date }, createdAt)
			);
			if (!written.ok) return written;
			const scope = workshopPrefix(ars, id);
			return project({ scope, ars, kind: 'workshop', id, title, date, createdAt });
		},

		async createCheckRound(ars, title) {
			const id = newId<'round'>();
			const createdAt = now();
			const written = await writeTo(checkSharedDocName(ars, id), (doc) => {
				writeRoundTitle(doc, title, createdAt);
				writeRoundCatalogVersion(doc, CURRENT_CATALOG_VERSION, createdAt);
			});
			if (!written.ok) return written;
			const scope = checkRoundPrefix(ars, id);
			return project({ scope, ars, kind: 'checkRound', id, title, date: null, createdAt });
		},

		async createDemoWorkshop(ars, seed) {
			// Loaded only here: the generator and its phrase lists are a demo's, not every page's.
			const [{ generateWorkshopDay }, { writeWorkshopDay }] = await Promise.all([
				import('../../demo/workshop-generator'),
				import('../../demo/write-workshop-day')
			]);
			const plan = generateWorkshopDay({ seed });
			const id = newId<'workshop'>();
			const control = await registry.open(workshopControlDocName(ars, id)).catch(asWriteError);
			if ('error' in control) return control;
			const board = await registry.open(workshopBoardDocName(ars, id)).catch(asWriteError);
			if ('error' in board) {
				await control.close();
				return board;
			}
			try {
				// Written into detached documents first, then applied as one update each: 20,000 edits
				// as 20,000 stored rows would take minutes on this device.
				const day = { control: new Y.Doc(), board: new Y.Doc() };
				writeWorkshopDay(plan, day);
				Y.applyUpdate(control.doc, Y.encodeStateAsUpdate(day.control));
				Y.applyUpdate(board.doc, Y.encodeStateAsUpdate(day.board));
				await Promise.all([control.whenStored(), board.whenStored()]);
			} catch (error) {
				return asWriteError(error);
			} finally {
				await Promise.all([control.close(), board.close()]);
			}
			const { title, date } = plan.workshop;
			return project({
				scope: workshopPrefix(ars, id),
				ars,
				kind: 'workshop',
				id,
				title,
				date,
				createdAt: now()
			});
		}
	};
}
