// lint-as: src/lib/ui/fixture.ts
// expect: error
import { AppUpdate } from '$lib/state/app-update.svelte';
export const x = AppUpdate;
