// lint-as: src/lib/state/fixture.ts
// expect: ok
export const load = () => import('./document-services');
