// lint-as: src/lib/domain/fixture.ts
// expect: error
import * as Y from 'yjs';
export const x = Y;
