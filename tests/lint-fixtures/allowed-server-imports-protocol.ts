// lint-as: server/fixture.ts
// expect: ok
import { SYNC_PATH } from '../src/lib/sync/protocol';
export const x = SYNC_PATH;
