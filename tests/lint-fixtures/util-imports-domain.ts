// lint-as: src/lib/util/fixture.ts
// expect: error
import { profileDocName } from '../domain/document-names';
export const x = profileDocName;
