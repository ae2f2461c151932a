// lint-as: src/lib/crdt/fixture.ts
// expect: error
import Dexie from 'dexie';
export const x = Dexie;
