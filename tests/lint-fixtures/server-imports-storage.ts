// lint-as: server/fixture.ts
// expect: error
import { db } from '../src/lib/storage/db';
export const x = db;
