// Proves that the layer rule of DESIGN.md §2 bites: every fixture in tests/lint-fixtures is linted as if
// it lived at the path its first line names; forbidden directions must fail, allowed ones must pass.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const FIXTURES = 'tests/lint-fixtures';
const LAYER_RULE_IDS = ['no-restricted-imports', 'no-restricted-syntax'];
const eslint = new ESLint({ cwd: process.cwd() });

const fixtures = readdirSync(FIXTURES)
	.filter((f) => f.endsWith('.ts'))
	.map((file) => {
		const code = readFileSync(join(FIXTURES, file), 'utf8');
		const lintAs = /^\/\/ lint-as: (\S+)/m.exec(code)?.[1];
		const expected = /^\/\/ expect: (error|ok)/m.exec(code)?.[1];
		if (!lintAs || !expected) throw new Error(`${file} lacks its lint-as or expect header`);
		return { file, code, lintAs, expected };
	});

async function restrictedImportMessages(code: string, filePath: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return (result?.messages ?? [])
		.filter((message) => LAYER_RULE_IDS.includes(message.ruleId ?? ''))
		.map((message) => message.message);
}

describe('the layer rule', () => {
	it('has fixtures for forbidden and for allowed directions', () => {
		expect(fixtures.filter((f) => f.expected === 'error').length).toBeGreaterThanOrEqual(10);
		expect(fixtures.filter((f) => f.expected === 'ok').length).toBeGreaterThanOrEqual(2);
	});

	for (const fixture of fixtures.filter((f) => f.expected === 'error')) {
		it(`rejects ${fixture.file.replace(/\.ts$/, '').replaceAll('-', ' ')}`, async () => {
			const messages = await restrictedImportMessages(fixture.code, fixture.lintAs);
			expect(messages.length).toBeGreaterThan(0);
		});
	}

	for (const fixture of fixtures.filter((f) => f.expected === 'ok')) {
		it(`allows ${fixture.file
			.replace(/^allowed-/, '')
			.replace(/\.ts$/, '')
			.replaceAll('-', ' ')}`, async () => {
			expect(await restrictedImportMessages(fixture.code, fixture.lintAs)).toEqual([]);
		});
	}
});
