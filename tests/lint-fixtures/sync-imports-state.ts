// lint-as: src/lib/sync/fixture.ts
// expect: error
import * as state from '$lib/state/sync-status.svelte';
export const x = state;
