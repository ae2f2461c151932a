// lint-as: src/lib/storage/fixture.ts
// expect: error
import { openDocument } from '$lib/sync/open-document';
export const x = openDocument;
