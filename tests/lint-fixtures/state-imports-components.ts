// lint-as: src/lib/state/fixture.ts
// expect: error
import Form from '$lib/components/KommuneForm.svelte';
export const x = Form;
