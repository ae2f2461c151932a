import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';

describe('rune test environment', () => {
	it('runs effects, so the state tests exercise the browser build of Svelte', () => {
		let runs = 0;
		const stop = $effect.root(() => {
			$effect(() => {
				runs++;
			});
		});
		flushSync();
		stop();
		expect(
			runs,
			"Svelte resolved to its server build: the vitest 'client' project needs resolve: { conditions: ['browser'] } in vite.config.ts"
		).toBe(1);
	});
});
