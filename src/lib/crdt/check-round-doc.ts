// A check round's shared document: its title, the catalog version it is taken with, and the respondent
// list (a pseudonymous label and a perspective each). Answers live in one document per respondent.

import * as Y from 'yjs';
import { isPerspective, type Perspective } from '../domain/perspectives';
import { TITLE_MAX_LENGTH } from '../domain/session-input';
import { ensureMeta, ROOT_KEYS, rootMap } from './schema';

const FIRST_CATALOG_VERSION = '2026.1';

export interface Respondent {
	id: string;
	label: string;
	perspective: Perspective;
	createdAt: number;
}

export function writeRoundTitle(doc: Y.Doc, title: string, now = Date.now()): void {
	const map = rootMap(doc, ROOT_KEYS.round);
	if (map === null) throw new Error('round root has the wrong type');
	doc.transact(() => {
		ensureMeta(doc, now);
		if (map.get('title') !== title) map.set('title', title);
	});
}

/**
 * Records the catalog version the round is taken with. Written once when the round is created: every
 * respondent added later answers the same version, so the round's results compare like with like.
 */
export function writeRoundCatalogVersion(doc: Y.Doc, version: string, now = Date.now()): void {
	const map = rootMap(doc, ROOT_KEYS.round);
	if (map === null) throw new Error('round root has the wrong type');
	doc.transact(() => {
		ensureMeta(doc, now);
		if (!map.has('catalogVersion')) map.set('catalogVersion', version);
	});
}

/**
 * The round's catalog version. Rounds created before the version was recorded were all taken with
 * 2026.1, the only catalog that existed then.
 */
export function readRoundCatalogVersion(doc: Y.Doc): string {
	const version = rootMap(doc, ROOT_KEYS.round)?.get('catalogVersion');
	return typeof version === 'string' && version !== '' ? version : FIRST_CATALOG_VERSION;
}

export function readRoundTitle(doc: Y.Doc): string | null {
	const title = rootMap(doc, ROOT_KEYS.round)?.get('title');
	return typeof title === 'string' && title.trim() !== '' ? title : null;
}

/** One key per respondent (its id), so two facilitators adding respondents at once keep both. */
export function addRespondent(doc: Y.Doc, respondent: Respondent, now = Date.now()): void {
	const map = rootMap(doc, ROOT_KEYS.respondents);
	if (map === null) throw new Error('respondents root has the wrong type');
	doc.transact(() => {
		ensureMeta(doc, now);
		map.set(respondent.id, {
			label: respondent.label,
			perspective: respondent.perspective,
			createdAt: respondent.createdAt
		});
	});
}

/** Respondents in the order they were added; malformed entries are skipped. */
export function readRespondents(doc: Y.Doc): Respondent[] {
	const map = rootMap(doc, ROOT_KEYS.respondents);
	if (map === null) return [];
	const list: Respondent[] = [];
	for (const [id, value] of map.entries()) {
		if (typeof value !== 'object' || value === null) continue;
		const { label, perspective, createdAt } = value as Record<string, unknown>;
		if (typeof label !== 'string' || label.trim() === '' || [...label].length > TITLE_MAX_LENGTH)
			continue;
		if (!isPerspective(perspective) || typeof createdAt !== 'number') continue;
		list.push({ id, label, perspective, createdAt });
	}
	return list.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}
