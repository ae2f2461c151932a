// Preparing workshops and check rounds: their documents are the truth (the control document holds the
// workshop's title and date, the round's shared document its title and respondents), the Dexie rows in
// `sessions` a projection for the municipality's page (as SPEC.md S11 does for profiles).

import { CURRENT_CATALOG_VERSION } from '../../domain/check/catalog-types';
import {
	checkRespondentDocName,
	checkRoundPrefix,
	checkSharedDocName,
	workshopBoardDocName,
	workshopControlDocName,
	workshopPrefix
} from '../../domain/document-names';
import {
	isLabelTaken,
	validateRespondentLabel,
	type RespondentLabelError
} from '../../domain/check/respondent-label';
import { newId } from '../../domain/ids';
import type { Perspective } from '../../domain/perspectives';
import {
	addRespondent as writeRespondent,
	readRespondent,
	readRespondents,
	readRoundCatalogVersion,
	removeRespondent,
	renameRespondent,
	restoreRespondent,
	writeRoundCatalogVersion,
	writeRoundTitle
} from '../../crdt/check-round-doc';
import { writeRespondentInfo, writeRespondentLabel } from '../../crdt/check-respondent-doc';
import { writeWorkshopInfo } from '../../crdt/workshop-doc';
import type { KommunalwerkstattDb, SessionRow } from '../../storage/db';
import { putSession } from '../../storage/sessions';
import type { DocumentRegistry } from '../../sync/document-registry';
import * as Y from 'yjs';
import { isDocumentError, type DocumentErrorCode } from '../../sync/document-status';
import { writeDocument, type WriteResult } from '../../sync/write-document';

export type SessionResult<T> = WriteResult<T>;

/** Adding or renaming a respondent: a label the round cannot take is refused before anything is written. */
export type RestoreResult = SessionResult<void> | { ok: false; error: 'restore_label_taken' };

export type RespondentResult<T> = SessionResult<T> | { ok: false; error: RespondentLabelError };

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
	/** Validates the label against the round's respondents (no duplicates); resolves to the new id. */
	addRespondent(
		ars: string,
		round: string,
		label: string,
		perspective: Perspective
	): Promise<RespondentResult<string>>;
	/** A new label, validated like a new one, in the round's list and the respondent's own document. */
	renameRespondent(
		ars: string,
		round: string,
		id: string,
		label: string
	): Promise<RespondentResult<void>>;
	/** Takes a respondent out of the round's list; their document and answers stay (see restore). */
	removeRespondent(ars: string, round: string, id: string): Promise<SessionResult<void>>;
	/**
	 * Undoes removeRespondent; refused with 'restore_label_taken' while another respondent has since
	 * been given their label (the round's labels stay unique, so the person renames one first).
	 */
	restoreRespondent(ars: string, round: string, id: string): Promise<RestoreResult>;
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
		},

		async addRespondent(ars, round, rawLabel, perspective) {
			const id = newId<'respondent'>();
			const shared = checkSharedDocName(ars, round);
			// A respondent answers the round's catalog version, even after an app update brought a newer one.
			const current = await writeTo(shared, (doc) => ({
				version: readRoundCatalogVersion(doc),
				respondents: readRespondents(doc)
			}));
			if (!current.ok) return current;
			const label = validateRespondentLabel(rawLabel, current.value.respondents);
			if (!label.ok) return label;
			// The respondent's own document says who answers and from where first: the respondent cannot
			// read the round's list. If this write fails, the list is not changed either.
			const info = { label: label.value, perspective, catalogVersion: current.value.version };
			const own = await writeTo(checkRespondentDocName(ars, round, id), (doc) =>
				writeRespondentInfo(doc, info, now())
			);
			if (!own.ok) return own;
			return writeTo(shared, (doc) => {
				writeRespondent(doc, { id, label: label.value, perspective, createdAt: now() });
				return id;
			});
		},

		async renameRespondent(ars, round, id, rawLabel) {
			const shared = checkSharedDocName(ars, round);
			const respondents = await writeTo(shared, readRespondents);
			if (!respondents.ok) return respondents;
			const label = validateRespondentLabel(rawLabel, respondents.value, id);
			if (!label.ok) return label;
			// The respondent's own document first, as when adding: the questionnaire shows its label.
			const own = await writeTo(checkRespondentDocName(ars, round, id), (doc) =>
				writeRespondentLabel(doc, label.value, now())
			);
			if (!own.ok) return own;
			return writeTo(shared, (doc) => renameRespondent(doc, id, label.value, now()));
		},

		removeRespondent(ars, round, id) {
			return writeTo(checkSharedDocName(ars, round), (doc) => removeRespondent(doc, id, now()));
		},

		async restoreRespondent(ars, round, id) {
			// Checked and written on the same state of the document, so no rename slips in between.
			const restored = await writeTo(checkSharedDocName(ars, round), (doc) => {
				const respondent = readRespondent(doc, id);
				if (respondent && isLabelTaken(respondent.label, readRespondents(doc), id)) return false;
				restoreRespondent(doc, id, now());
				return true;
			});
			if (!restored.ok) return restored;
			return restored.value
				? { ok: true, value: undefined }
				: { ok: false, error: 'restore_label_taken' };
		}
	};
}
