// Node module hooks that let a script outside Vite run the app's state classes (`*.svelte.ts`, which
// use runes) as the browser does: each such module is compiled by Svelte for the client after tsx has
// stripped its types, and `svelte` and `esm-env` resolve to their browser builds, as the vitest client
// project does with its `browser` condition. Registered by scripts/bench-handover.ts.
import { compileModule } from 'svelte/compiler';

const BROWSER_BUILDS = /^(svelte|esm-env)(\/|$)/;

export async function resolve(specifier, context, nextResolve) {
	if (!BROWSER_BUILDS.test(specifier)) return nextResolve(specifier, context);
	return nextResolve(specifier, {
		...context,
		conditions: ['browser', ...context.conditions.filter((c) => c !== 'browser')]
	});
}

export async function load(url, context, nextLoad) {
	const loaded = await nextLoad(url, context);
	if (!url.split('?')[0].endsWith('.svelte.ts')) return loaded;
	const source = String(loaded.source);
	const { js } = compileModule(source, { filename: new URL(url).pathname, generate: 'client' });
	return { ...loaded, source: js.code, shortCircuit: true };
}
