// lint-as: src/lib/crdt/fixture.ts
// expect: error
import { db } from '../storage/db';
export const x = db;
