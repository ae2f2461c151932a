// lint-as: src/lib/storage/fixture.ts
// expect: error
import * as Y from 'yjs';
export const x = Y;
