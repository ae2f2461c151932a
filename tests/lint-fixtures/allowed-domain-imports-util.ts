// lint-as: src/lib/domain/fixture.ts
// expect: ok
import * as u from '../util/fixture-helper';
export const x = u;
