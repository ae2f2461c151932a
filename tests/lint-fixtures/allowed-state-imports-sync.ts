// lint-as: src/lib/state/fixture.ts
// expect: ok
import { loadServerInfo } from '$lib/sync/server-info';
export const x = loadServerInfo;
