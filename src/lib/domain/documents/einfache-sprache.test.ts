import { describe, expect, it } from 'vitest';
import { BARRIERS } from '../check/barriers';
import { CURRENT_CATALOG } from '../check/catalog';
import { bandOf } from '../check/check-scoring';
import {
	MAX_WORDS,
	plainLanguageSummary,
	sentencesOf,
	wordsOf,
	type PlainFigures
} from './einfache-sprache';

const TITLES = CURRENT_CATALOG.dimensions.map((d) => d.title);

const base = (): PlainFigures => ({
	answered: 12,
	overall: 62,
	band: bandOf(62),
	dimensions: TITLES.map((title, i) => ({ title, score: 20 + i * 7, gap: 10 - i * 3 })),
	coverage: 0.9,
	processes: { parallel: 3, withStatus: 8 },
	savings: { hours: 1_234.5, fullTimeEquivalents: 0.77 },
	barriers: ['Personalmangel', 'Finanzierung'],
	suggestions: TITLES.slice(0, 3),
	minGroupSize: 3
});

const SCORES = [0, 0.4, 0.5, 1, 1.4, 24.99, 25, 49.5, 50, 74.6, 75, 99.6, 100];
const GAPS = [null, -100, -0.4, 0, 0.4, 0.6, 1, 1.5, 37, 100];
const COUNTS = [0, 1, 2, 3, 10, 999, 1_000_000];

/**
 * Every branch of every template, each with the extremes of the figures it fills in: one figure
 * varied at a time from an ordinary round, and every dimension name in every place a name goes.
 */
function variants(): PlainFigures[] {
	const out: PlainFigures[] = [];
	const vary = (change: Partial<PlainFigures>) => out.push({ ...base(), ...change });
	for (const answered of COUNTS) vary({ answered });
	vary({ overall: null, band: null });
	for (const overall of SCORES) vary({ overall, band: bandOf(overall) });
	vary({ dimensions: [] });
	vary({ dimensions: TITLES.map((title) => ({ title, score: null, gap: null })) });
	for (const title of TITLES)
		for (const score of SCORES)
			for (const gap of GAPS) {
				// The name as the best, the weakest and the furthest from its target, and as the only one.
				vary({ dimensions: [{ title, score, gap }] });
				vary({
					dimensions: [
						{ title, score, gap },
						{ title: TITLES[3]!, score: 100 - score, gap: gap === null ? null : -gap }
					]
				});
			}
	vary({ dimensions: TITLES.map((title) => ({ title, score: 50, gap: 0 })) });
	vary({ dimensions: TITLES.map((title) => ({ title, score: 50, gap: 100 })) });
	vary({
		dimensions: TITLES.map((title, i) => ({
			title,
			score: i === 0 ? 50 : null,
			gap: i === 0 ? 1 : null
		}))
	});
	for (const coverage of [null, 0, 0.01, 0.69, 0.7, 1]) vary({ coverage });
	for (const withStatus of COUNTS)
		for (const parallel of COUNTS.filter((n) => n <= withStatus))
			vary({ processes: { parallel, withStatus } });
	for (const hours of [0, 0.4, 0.5, 1, 1.5, 999.5, 1_234.5, 10_000_000])
		for (const fullTimeEquivalents of [0, 0.04, 0.05, 0.1, 0.96, 1, 1.04, 6_250])
			vary({ savings: { hours, fullTimeEquivalents } });
	vary({ barriers: [] });
	for (const barrier of BARRIERS) vary({ barriers: [barrier.label] });
	vary({ barriers: BARRIERS.slice(-3).map((b) => b.label) });
	vary({ suggestions: [] });
	for (const title of TITLES) vary({ suggestions: [title] });
	vary({ suggestions: TITLES.slice(0, 5) });
	for (const minGroupSize of [1, 3, 10]) vary({ minGroupSize });
	return out;
}

describe('the summary in Einfache Sprache', () => {
	it('keeps every sentence of every text the templates can produce to at most 15 words', () => {
		const sentences = new Set<string>();
		for (const figures of variants())
			for (const block of plainLanguageSummary(figures)) {
				if (block.kind === 'paragraph') for (const s of sentencesOf(block.text)) sentences.add(s);
				else if (block.kind === 'list') for (const item of block.items) sentences.add(item);
				else throw new Error(`unexpected block ${block.kind}`);
			}
		const long = [...sentences].filter((s) => wordsOf(s) > MAX_WORDS);
		expect(long).toEqual([]);
		// The variants reach many different sentences, not one repeated.
		expect(sentences.size).toBeGreaterThan(200);
		for (const s of sentences) expect(s).not.toMatch(/undefined|NaN|null|Infinity/);
	});

	it('says a score with what it means, in whole numbers', () => {
		const [, overall] = plainLanguageSummary({ ...base(), overall: 24.6, band: bandOf(24.6) });
		expect(overall).toEqual({
			kind: 'paragraph',
			text: 'Die Kommune hat 25 von 100 Punkten. Das heißt: Die Kommune steht bei der Digitalisierung noch am Anfang. 100 Punkte wären das beste Ergebnis.'
		});
	});

	it('speaks of one person, one process and one point in the singular', () => {
		const texts = plainLanguageSummary({
			...base(),
			answered: 1,
			dimensions: [
				{ title: 'Strategie & Steuerung', score: 1, gap: 1 },
				{ title: 'Prozesse & Organisation', score: 0.6, gap: null }
			],
			processes: { parallel: 1, withStatus: 1 },
			savings: { hours: 1_600, fullTimeEquivalents: 1 }
		}).flatMap((b) => (b.kind === 'paragraph' ? sentencesOf(b.text) : []));
		expect(texts).toContain('Eine Person hat beim Digital-Check mitgemacht.');
		expect(texts).toContain('Am besten ist der Bereich „Strategie & Steuerung“ mit 1 Punkt.');
		expect(texts).toContain('Im einzigen Bereich mit Ziel liegt die Kommune unter diesem Ziel.');
		expect(texts).toContain('Dort fehlt noch 1 Punkt.');
		expect(texts).toContain('Der einzige erfasste Ablauf läuft doppelt: auf Papier und digital.');
		expect(texts).toContain('Das ist so viel Arbeit wie eine volle Stelle.');
	});

	it('puts barriers people typed in a list of their own, so no typed text makes a sentence long', () => {
		const typed =
			'Unser Rathaus hat im Keller seit Jahren einen Server, den niemand mehr warten kann oder will';
		const blocks = plainLanguageSummary({ ...base(), barriers: [typed] });
		expect(blocks).toContainEqual({ kind: 'list', ordered: true, items: [typed] });
		for (const block of blocks)
			if (block.kind === 'paragraph') expect(block.text).not.toContain('Keller');
	});

	it('says that figures are uncertain when fewer than 70 of 100 questions were answered', () => {
		const said = (coverage: number) =>
			plainLanguageSummary({ ...base(), coverage }).some(
				(b) => b.kind === 'paragraph' && b.text.startsWith('Viele Fragen blieben ohne Antwort.')
			);
		expect(said(0.69)).toBe(true);
		expect(said(0.7)).toBe(false);
	});
});
