// lint-as: server/fixture.ts
// expect: error
import { profileDocName } from '$lib/domain/document-names';
export const x = profileDocName;
