// Proves that the layer rule of ARCHITECTURE.md bites. Each fixture in tests/lint-fixtures is linted as if it
// lived at the path its first line names; every line ending in `// error: <message>` must be reported with
// exactly that message (a static import by no-restricted-imports, a lazy `import()` by no-restricted-syntax),
// every `// ok` line not at all. The fixtures are data written apart from eslint.layers.js, so dropping or
// weakening any one entry there fails a line here, and a new entry without a fixture line fails the
// completeness test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYER_RULES } from '../../eslint.layers.js';

const FIXTURES = 'tests/lint-fixtures';
const STATIC_RULE = 'no-restricted-imports';
const LAZY_RULE = 'no-restricted-syntax';
const eslint = new ESLint({ cwd: process.cwd() });

interface FixtureLine {
	line: number;
	source: string;
	rule: typeof STATIC_RULE | typeof LAZY_RULE;
	/** The message the rule must report on this line, or null when the line must pass. */
	expected: string | null;
}

const fixtures = readdirSync(FIXTURES)
	.filter((f) => f.endsWith('.ts'))
	.map((file) => {
		const code = readFileSync(join(FIXTURES, file), 'utf8');
		const lintAs = /^\/\/ lint-as: (\S+)/m.exec(code)?.[1];
		if (!lintAs) throw new Error(`${file} lacks its lint-as header`);
		const lines: FixtureLine[] = [];
		code.split('\n').forEach((source, index) => {
			const marker = /\/\/ (?:error: (.+)|ok)$/.exec(source);
			if (!marker || source.startsWith('//')) return;
			const rule = source.startsWith('import ') ? STATIC_RULE : LAZY_RULE;
			lines.push({ line: index + 1, source, rule, expected: marker[1] ?? null });
		});
		return { file, code, lintAs, lines };
	});

type LayerMessages = Awaited<ReturnType<ESLint['lintText']>>[number]['messages'];

// The first lint loads the TypeScript and Svelte parsers, which can take longer than one test's timeout
// on a busy machine, so every fixture is linted once before the tests read the results.
const linted = new Map<string, LayerMessages>();
beforeAll(async () => {
	for (const fixture of fixtures) {
		const [result] = await eslint.lintText(fixture.code, { filePath: fixture.lintAs });
		linted.set(
			fixture.file,
			(result?.messages ?? []).filter((m) => m.ruleId === STATIC_RULE || m.ruleId === LAZY_RULE)
		);
	}
}, 120_000);

// no-restricted-imports puts "'<path>' import is restricted from being used by a pattern. " before the
// rule's own message; the lazy-import selector reports the message alone.
const ownMessage = (message: string) =>
	message.replace(/^'[^']*' import is restricted from being used by a pattern\. /, '');

const specifier = (source: string) => /['"]([^'"]+)['"]/.exec(source)?.[1] ?? source;

describe('the layer rule', () => {
	for (const fixture of fixtures) {
		const folder = fixture.lintAs.replace(/\/fixture\.ts$/, '');
		describe(`for code in ${folder}`, () => {
			for (const line of fixture.lines) {
				const how = line.rule === STATIC_RULE ? 'import' : 'lazily import';
				const name = line.expected
					? `refuses to ${how} ${specifier(line.source)}: "${line.expected}"`
					: `lets it ${how} ${specifier(line.source)}`;
				it(name, () => {
					const messages = (linted.get(fixture.file) ?? []).filter((m) => m.line === line.line);
					if (line.expected === null) {
						expect(messages).toEqual([]);
					} else {
						expect(
							messages.filter((m) => m.ruleId === line.rule).map((m) => ownMessage(m.message))
						).toContain(line.expected);
					}
				});
			}
		});
	}

	it('has a static and a lazy fixture line for every forbidden direction it declares', () => {
		const missing: string[] = [];
		for (const entry of LAYER_RULES) {
			for (const glob of entry.files) {
				const folder = glob.replace(/\/\*\*$/, '');
				const lines = fixtures
					.filter((f) => f.lintAs.startsWith(`${folder}/`))
					.flatMap((f) => f.lines);
				const [, { patterns }] = entry.rules[STATIC_RULE];
				const [, ...lazy] = entry.rules[LAZY_RULE];
				for (const { message } of patterns) {
					// A direction allowed by import() only (the demo layer) has a lazy `// ok` line instead.
					const lazyToo = lazy.some((s) => typeof s !== 'string' && s.message === message);
					for (const rule of lazyToo ? [STATIC_RULE, LAZY_RULE] : [STATIC_RULE]) {
						if (!lines.some((l) => l.rule === rule && l.expected === message)) {
							missing.push(`${folder} (${rule}): ${message}`);
						}
					}
				}
			}
		}
		expect(missing).toEqual([]);
	});
});
