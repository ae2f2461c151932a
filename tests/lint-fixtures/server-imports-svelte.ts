// lint-as: server/fixture.ts
// expect: error
import { tick } from 'svelte';
export const x = tick;
