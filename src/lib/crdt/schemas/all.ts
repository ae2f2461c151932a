// Every document kind's schema (ADR 13), and which one a document name belongs to.

import { DOCUMENT_PREFIX } from '../../domain/document-names';
import { CHECK_RESPONDENT_SCHEMA } from './check-respondent';
import { CHECK_SHARED_SCHEMA } from './check-shared';
import type { DocumentSchema } from './document-schema';
import { PROFILE_SCHEMA } from './profile';
import {
	WORKSHOP_BOARD_SCHEMA,
	WORKSHOP_CONTROL_SCHEMA,
	WORKSHOP_PRIVATE_SCHEMA
} from './workshop';

export const DOCUMENT_SCHEMAS: readonly DocumentSchema[] = [
	PROFILE_SCHEMA,
	CHECK_SHARED_SCHEMA,
	CHECK_RESPONDENT_SCHEMA,
	WORKSHOP_CONTROL_SCHEMA,
	WORKSHOP_BOARD_SCHEMA,
	WORKSHOP_PRIVATE_SCHEMA
];

const NAME_PATTERNS: readonly [RegExp, DocumentSchema][] = [
	[/^[^/]+\/profile$/, PROFILE_SCHEMA],
	[/^[^/]+\/check\/[^/]+\/shared$/, CHECK_SHARED_SCHEMA],
	[/^[^/]+\/check\/[^/]+\/respondent\/[^/]+$/, CHECK_RESPONDENT_SCHEMA],
	[/^[^/]+\/workshop\/[^/]+\/control$/, WORKSHOP_CONTROL_SCHEMA],
	[/^[^/]+\/workshop\/[^/]+\/board$/, WORKSHOP_BOARD_SCHEMA],
	[/^[^/]+\/workshop\/[^/]+\/private\/[^/]+$/, WORKSHOP_PRIVATE_SCHEMA]
];

/** The schema of the document `name` (document-names.ts), or null for a name of no known kind. */
export function schemaForDocument(name: string): DocumentSchema | null {
	const prefix = `${DOCUMENT_PREFIX}/`;
	if (!name.startsWith(prefix)) return null;
	const rest = name.slice(prefix.length);
	return NAME_PATTERNS.find(([pattern]) => pattern.test(rest))?.[1] ?? null;
}
