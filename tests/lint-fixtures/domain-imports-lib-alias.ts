// lint-as: src/lib/domain/fixture.ts
// expect: error
import { sleep } from '$lib/util/sleep';
export const x = sleep;
