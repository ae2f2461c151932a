// A respondent's document `kommune/<ARS>/check/<round>/respondent/<rid>` (check-respondent-doc.ts).

import * as v from 'valibot';
import { PERSPECTIVES } from '../../domain/perspectives';
import { ROOT_KEYS } from '../schema';
import type { DocumentSchema } from './document-schema';
import { META } from './values';

/** Longest comment on an item; longer ones are cut when written and left out when read. */
export const COMMENT_MAX_LENGTH = 2_000;

/** Who answers, written once when the respondent's document is made. */
export const RESPONDENT_INFO_RECORD = v.object({
	label: v.string(),
	perspective: v.picklist(PERSPECTIVES),
	catalogVersion: v.string()
});

export const COMMENT_ENTRY = v.pipe(v.string(), v.maxLength(COMMENT_MAX_LENGTH));

export const CHECK_RESPONDENT_SCHEMA: DocumentSchema = {
	kind: 'check-respondent',
	version: 1,
	records: {
		meta: META,
		respondent: {
			root: ROOT_KEYS.respondent,
			encoding: 'fields',
			version: 1,
			schema: RESPONDENT_INFO_RECORD,
			migrations: []
		},
		answer: {
			root: ROOT_KEYS.answers,
			encoding: 'entries',
			key: 'itemId',
			version: 1,
			// Any JSON value: scoring validates it against the round's catalog version.
			schema: v.unknown(),
			migrations: []
		},
		comment: {
			root: ROOT_KEYS.comments,
			encoding: 'entries',
			key: 'itemId',
			version: 1,
			schema: COMMENT_ENTRY,
			migrations: []
		}
	}
};
