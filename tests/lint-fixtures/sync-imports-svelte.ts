// lint-as: src/lib/sync/fixture.ts
// expect: error
import { tick } from 'svelte';
export const x = tick;
