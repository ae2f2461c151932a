// lint-as: src/lib/domain/fixture.ts
// expect: error
import * as doc from '../crdt/profile-doc';
export const x = doc;
