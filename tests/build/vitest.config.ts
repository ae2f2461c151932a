// The build tests read the output of `vite build`, so they run after it (scripts/test-all.sh), with
// this config: `npx vite build && npx vitest run --config tests/build/vitest.config.ts`. The default
// `npx vitest run` leaves them out; it runs before the build.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		root: '.',
		include: ['tests/build/**/*.test.ts'],
		environment: 'node'
	}
});
