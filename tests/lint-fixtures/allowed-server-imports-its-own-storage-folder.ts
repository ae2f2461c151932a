// lint-as: server/fixture.ts
// expect: ok
import { x as y } from './storage/own-folder';
export const x = y;
