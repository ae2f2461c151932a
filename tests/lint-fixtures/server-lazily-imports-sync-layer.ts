// lint-as: server/fixture.ts
// expect: error
export const load = () => import('../src/lib/sync/open-document');
