// Validators of the values several document kinds share (ADR 13).

import * as v from 'valibot';
import { isOrderKey } from '../../domain/workshop/ordering';
import { isRecordId } from '../field-records';
import { ROOT_KEYS } from '../schema';
import type { RecordKind } from './document-schema';

export const recordId = v.custom<string>(isRecordId, 'record id');
export const orderKey = v.custom<string>(isOrderKey, 'order key');
/** A time in ms (server or device clock): finite and not negative. */
export const time = v.pipe(v.number(), v.finite(), v.minValue(0));
export const text = v.string();

/** `meta` in every document: the highest schema version that wrote to it, and when it was created. */
export const META: RecordKind = {
	root: ROOT_KEYS.meta,
	encoding: 'fields',
	version: 1,
	schema: v.object({ schemaVersion: v.number(), createdAt: time }),
	migrations: []
};
