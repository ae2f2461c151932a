// A check round's shared document `kommune/<ARS>/check/<round>/shared`, written by moderation: the
// round's title and respondent list (check-round-doc.ts), targets, the process inventory and the
// barriers (check-shared-doc.ts).
//
// Version 2 (ADR 13) moved the process inventory onto field records: a process as created is no longer
// one object in 'processes' but a key per field in 'processRecords'. 'processes' stays declared and is
// read through processFromV1, so documents of version 1, and records an app of version 1 still adds,
// open with every process; migrateProcesses (check-shared-doc.ts) writes them into 'processRecords'
// when the document is opened.

import * as v from 'valibot';
import { BARRIER_IDS } from '../../domain/check/barriers';
import { DIMENSIONS } from '../../domain/check/catalog-types';
import { checkProcessField, type ProcessField } from '../../domain/check/processes';
import { PERSPECTIVES } from '../../domain/perspectives';
import { ROOT_KEYS } from '../schema';
import type { DocumentSchema } from './document-schema';
import { META, orderKey, text, time } from './values';

/** A value of a process field as a person may enter it (domain/check/processes.ts). */
const processValue = (field: ProcessField) =>
	v.custom<unknown>((value) => 'value' in checkProcessField(field, value), `process ${field}`);

const population = v.pipe(v.number(), v.finite(), v.gtValue(0));

/** A preset's cases per year as estimated for a population; null: the reference town's figure. */
const estimate = v.object({
	casesPerYear: processValue('casesPerYear'),
	population: v.nullable(population)
});

/** The version that moved processes onto field records. */
export const PROCESS_FIELD_RECORDS_VERSION = 2;

/** A respondent as added to the round, under their id; later changes are respondentEdit records. */
export const RESPONDENT_ENTRY = v.object({
	label: text,
	perspective: v.picklist(PERSPECTIVES),
	createdAt: time
});

export const CHECK_SHARED_SCHEMA: DocumentSchema = {
	kind: 'check-shared',
	version: PROCESS_FIELD_RECORDS_VERSION,
	records: {
		meta: META,
		round: {
			root: ROOT_KEYS.round,
			encoding: 'fields',
			version: 1,
			schema: v.object({ title: text, catalogVersion: v.optional(text) }),
			migrations: []
		},
		respondent: {
			root: ROOT_KEYS.respondents,
			encoding: 'entries',
			key: 'respondentId',
			version: 1,
			// Written once when added; later changes are respondentEdit records.
			schema: RESPONDENT_ENTRY,
			migrations: []
		},
		respondentEdit: {
			root: ROOT_KEYS.respondentFields,
			encoding: 'field-records',
			key: 'respondentId',
			version: 1,
			schema: v.object({ label: v.optional(text), removedAt: v.optional(time) }),
			migrations: []
		},
		target: {
			root: ROOT_KEYS.targets,
			encoding: 'entries',
			key: `dimension (${DIMENSIONS.length} of the catalog)`,
			version: 1,
			schema: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4)),
			migrations: []
		},
		processV1: {
			root: ROOT_KEYS.processes,
			encoding: 'entries',
			key: 'processId',
			version: 1,
			successor: 'process',
			schema: v.object({
				name: processValue('name'),
				status: processValue('status'),
				casesPerYear: processValue('casesPerYear'),
				casesEstimatedFor: v.optional(v.nullable(population)),
				pain: processValue('pain'),
				ozgService: processValue('ozgService'),
				minutesToday: processValue('minutesToday'),
				minutesDigital: processValue('minutesDigital'),
				custom: v.boolean(),
				order: orderKey
			}),
			migrations: []
		},
		process: {
			root: ROOT_KEYS.processRecords,
			encoding: 'field-records',
			key: 'processId',
			version: PROCESS_FIELD_RECORDS_VERSION,
			// As created; never rewritten by an edit (edits are processEdit records), so a seed or a
			// migration on one device can never win over a person's edit on another.
			schema: v.object({
				name: processValue('name'),
				ozgService: v.optional(processValue('ozgService')),
				status: v.optional(processValue('status')),
				casesPerYear: v.optional(processValue('casesPerYear')),
				pain: v.optional(processValue('pain')),
				minutesToday: v.optional(processValue('minutesToday')),
				minutesDigital: v.optional(processValue('minutesDigital')),
				custom: v.boolean(),
				order: orderKey,
				/** A preset's cases per year until a person writes the figure. */
				estimate: v.optional(estimate),
				/** Written by the migration from 'processes', whose record it follows. */
				migratedFrom: v.optional(v.literal(1))
			}),
			migrations: [
				{
					to: PROCESS_FIELD_RECORDS_VERSION,
					name: "from one object in 'processes' to field records in 'processRecords'; a preset's cases per year and casesEstimatedFor become one value 'estimate'"
				}
			]
		},
		processEdit: {
			root: ROOT_KEYS.processFields,
			encoding: 'field-records',
			key: 'processId',
			version: 1,
			schema: v.object({
				name: v.optional(processValue('name')),
				status: v.optional(processValue('status')),
				casesPerYear: v.optional(processValue('casesPerYear')),
				pain: v.optional(processValue('pain')),
				ozgService: v.optional(processValue('ozgService')),
				minutesToday: v.optional(processValue('minutesToday')),
				minutesDigital: v.optional(processValue('minutesDigital')),
				order: v.optional(orderKey),
				/** A preset taken out: seeding again does not bring it back. */
				removed: v.optional(v.literal(true)),
				/** An estimate recomputed for a new population, one value with that population. */
				estimate: v.optional(v.object({ casesPerYear: processValue('casesPerYear'), population }))
			}),
			migrations: []
		},
		barrier: {
			root: ROOT_KEYS.barriers,
			encoding: 'entries',
			key: `barrierId (${BARRIER_IDS.length} listed, or eigen-…)`,
			version: 1,
			schema: v.literal(true),
			migrations: []
		},
		barrierRank: {
			root: ROOT_KEYS.barrierRanking,
			encoding: 'entries',
			key: "'1' | '2' | '3'",
			version: 1,
			schema: v.string(),
			migrations: []
		},
		customBarrier: {
			root: ROOT_KEYS.customBarriers,
			encoding: 'entries',
			key: 'eigen-…',
			version: 1,
			schema: v.object({ label: text, createdAt: v.optional(time) }),
			migrations: []
		}
	}
};

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A process record of version 1 (one object in 'processes') as the fields of a version 2 record: every
 * field one key, a null field left out (absent reads as null), a preset's cases per year with the
 * population it was estimated for as 'estimate' (none recorded: the reference town's figure), and
 * fields this version does not know carried over untouched. Null when it is no process at all.
 */
export function processFromV1(record: unknown): Record<string, unknown> | null {
	if (!isObject(record) || typeof record['custom'] !== 'boolean') return null;
	const preset = record['custom'] === false;
	const fields: Record<string, unknown> = { migratedFrom: 1 };
	for (const [field, value] of Object.entries(record)) {
		if (value === null || value === undefined || field === 'casesEstimatedFor') continue;
		if (preset && field === 'casesPerYear') continue;
		fields[field] = value;
	}
	const cases = record['casesPerYear'];
	if (preset && cases !== null && cases !== undefined) {
		const basis = record['casesEstimatedFor'];
		fields['estimate'] = {
			casesPerYear: cases,
			population: typeof basis === 'number' && basis > 0 ? basis : null
		};
	}
	return fields;
}
