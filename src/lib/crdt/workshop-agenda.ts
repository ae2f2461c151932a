// The agenda in a workshop's control document (written by moderation): one record per block, a key per
// field (field-records.ts). Blocks from a template carry the template's ids, so two devices applying the
// same template offline write the same keys and end with one set, not two (ADR 8).

import type * as Y from 'yjs';
import {
	isBlockMethod,
	sortBlocks,
	validateBlockTitle,
	type AgendaBlock
} from '../domain/workshop/agenda';
import { deleteRecord, readFieldRecords, writeFields } from './field-records';
import { isOrderKey } from '../domain/workshop/ordering';
import { ensureMeta, ROOT_KEYS, rootMap } from './schema';
import { parseRecord } from './schemas/document-schema';
import { AGENDA_BLOCK_RECORD } from './schemas/workshop';

const QUESTION_MAX_LENGTH = 280;
const MAX_DURATION_MINUTES = 480;

export type BlockPatch = Partial<Omit<AgendaBlock, 'id'>>;

function agendaMap(doc: Y.Doc): Y.Map<unknown> {
	const map = rootMap(doc, ROOT_KEYS.agenda);
	if (map === null) throw new Error('agenda root has the wrong type');
	return map;
}

const isDuration = (value: unknown): value is number =>
	typeof value === 'number' &&
	Number.isInteger(value) &&
	value >= 1 &&
	value <= MAX_DURATION_MINUTES;

const isQuestion = (value: unknown): value is string =>
	typeof value === 'string' && [...value].length <= QUESTION_MAX_LENGTH;

function readBlock(id: string, fields: Map<string, unknown>): AgendaBlock | null {
	// A question of the wrong shape is dropped, not the block: the block's plan stays usable.
	const { question, ...rest } = Object.fromEntries(fields);
	const record = parseRecord(AGENDA_BLOCK_RECORD, rest);
	if (record === null || !validateBlockTitle(record.title).ok) return null;
	const { title, method, durationMinutes, order } = record;
	if (!isDuration(durationMinutes)) return null;
	return {
		id,
		title,
		method,
		durationMinutes,
		order,
		...(isQuestion(question) && question.trim() !== '' ? { question } : {})
	};
}

export interface AgendaRead {
	/** Sorted by order, ties by id. */
	blocks: AgendaBlock[];
	/** Records that are not a valid block (a buggy or malicious peer): left out. */
	malformed: number;
}

export function readAgenda(doc: Y.Doc): AgendaRead {
	const blocks: AgendaBlock[] = [];
	let malformed = 0;
	for (const [id, fields] of readFieldRecords(rootMap(doc, ROOT_KEYS.agenda))) {
		const block = readBlock(id, fields);
		if (block) blocks.push(block);
		else malformed += 1;
	}
	return { blocks: sortBlocks(blocks), malformed };
}

function checkPatch(patch: BlockPatch): void {
	if (patch.title !== undefined && !validateBlockTitle(patch.title).ok)
		throw new RangeError('invalid block title');
	if (patch.method !== undefined && !isBlockMethod(patch.method))
		throw new RangeError('invalid method');
	if (patch.durationMinutes !== undefined && !isDuration(patch.durationMinutes))
		throw new RangeError('invalid duration');
	if (patch.order !== undefined && !isOrderKey(patch.order)) throw new RangeError('invalid order');
	if (patch.question !== undefined && !isQuestion(patch.question))
		throw new RangeError('invalid question');
}

/** Adds blocks (or writes them again, e.g. a template): every field of each. */
export function writeBlocks(doc: Y.Doc, blocks: readonly AgendaBlock[], now = Date.now()): void {
	for (const block of blocks) checkPatch(block);
	const map = agendaMap(doc);
	doc.transact(() => {
		ensureMeta(doc, now);
		for (const { id, ...fields } of blocks) {
			writeFields(map, id, { question: undefined, ...fields });
		}
	});
}

/** Changes some fields of a block; an empty question removes it. Rekeys move other blocks' order. */
export function updateBlock(
	doc: Y.Doc,
	id: string,
	patch: BlockPatch,
	rekey: ReadonlyArray<{ id: string; order: string }> = [],
	now = Date.now()
): void {
	checkPatch(patch);
	for (const entry of rekey) checkPatch({ order: entry.order });
	const map = agendaMap(doc);
	const { question, ...rest } = patch;
	doc.transact(() => {
		ensureMeta(doc, now);
		writeFields(map, id, {
			...rest,
			...(question === undefined ? {} : { question: question.trim() === '' ? undefined : question })
		});
		for (const entry of rekey) writeFields(map, entry.id, { order: entry.order });
	});
}

export function removeBlock(doc: Y.Doc, id: string, now = Date.now()): void {
	const map = agendaMap(doc);
	doc.transact(() => {
		ensureMeta(doc, now);
		deleteRecord(map, id);
	});
}
