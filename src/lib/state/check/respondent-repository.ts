// A check round's respondents: adding, renaming, removing and restoring one. The round's shared document
// holds the list (check-round-doc.ts), each respondent's own document who answers and from where
// (check-respondent-doc.ts); every change writes the respondent's own document first, so the list never
// names someone whose questionnaire does not know them.

import { checkRespondentDocName, checkSharedDocName } from '../../domain/document-names';
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
	restoreRespondent
} from '../../crdt/check-round-doc';
import { writeRespondentInfo, writeRespondentLabel } from '../../crdt/check-respondent-doc';
import type { DocumentRegistry } from '../../sync/document-registry';
import type * as Y from 'yjs';
import { writeDocument, type WriteResult } from '../../sync/write-document';

/** Adding or renaming a respondent: a label the round cannot take is refused before anything is written. */
export type RespondentResult<T> = WriteResult<T> | { ok: false; error: RespondentLabelError };

export type RestoreResult = WriteResult<void> | { ok: false; error: 'restore_label_taken' };

export interface RespondentRepository {
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
	removeRespondent(ars: string, round: string, id: string): Promise<WriteResult<void>>;
	/**
	 * Undoes removeRespondent; refused with 'restore_label_taken' while another respondent has since
	 * been given their label (the round's labels stay unique, so the person renames one first).
	 */
	restoreRespondent(ars: string, round: string, id: string): Promise<RestoreResult>;
}

export function createRespondentRepository(options: {
	registry: DocumentRegistry;
	now?: () => number;
}): RespondentRepository {
	const { registry } = options;
	const now = options.now ?? Date.now;

	const writeTo = <T>(name: string, change: (doc: Y.Doc) => T) =>
		writeDocument(registry, name, change);

	return {
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
