// lint-as: src/lib/domain/fixture.ts
// expect: error
export const load = () => import('../storage/db');
