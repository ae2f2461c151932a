// The municipality profile `kommune/<ARS>/profile` (profile-doc.ts).

import * as v from 'valibot';
import { IT_OPERATING_MODELS } from '../../domain/it-operating-model';
import { KOMMUNE_TYPES } from '../../domain/kommune-type';
import { ROOT_KEYS } from '../schema';
import type { DocumentSchema } from './document-schema';
import { META } from './values';

const count = v.nullable(v.pipe(v.number(), v.minValue(0)));

export const PROFILE_SCHEMA: DocumentSchema = {
	kind: 'profile',
	version: 1,
	records: {
		meta: META,
		profile: {
			root: ROOT_KEYS.profile,
			encoding: 'fields',
			version: 1,
			// The shape; domain/kommune-profile.ts checks the rules across fields on read.
			schema: v.object({
				ars: v.string(),
				name: v.string(),
				type: v.picklist(KOMMUNE_TYPES),
				landkreis: v.nullable(v.string()),
				population: v.number(),
				coreStaff: count,
				itStaffFte: count,
				itOperatingModel: v.nullable(v.picklist(IT_OPERATING_MODELS))
			}),
			migrations: []
		}
	}
};
