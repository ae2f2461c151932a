// lint-as: server/fixture.ts
// expect: error
import { openDocument } from '../src/lib/sync/open-document';
export const x = openDocument;
