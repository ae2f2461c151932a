import { describe, expect, it } from 'vitest';
import { isId } from '../domain/ids';
import { validateTitle } from '../domain/session-input';
import { blocksFromTemplate, scheduleOf } from '../domain/workshop/agenda';
import { validateCardText, validateClusterName } from '../domain/workshop/cards';
import { isOrderKey } from '../domain/workshop/ordering';
import {
	MEASURE_TEXT_MAX_LENGTH,
	parseBudget,
	parseStaffDays,
	validateMeasureText,
	validateMeasureTitle
} from '../domain/measures/measure-fields';
import { formatSchedule, parseSchedule } from '../domain/measures/schedule';
import { smartWarnings } from '../domain/measures/smart-check';
import { validateActionFieldTitle, validateDimensions } from '../domain/workshop/action-fields';
import { generateWorkshopDay, type WorkshopDayPlan } from './workshop-generator';

const SEED = 20260302;
const DAY = generateWorkshopDay({ seed: SEED });

/** crdt/field-records.ts isRecordId, which the domain layer cannot import. */
const RECORD_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Each card's and note's text after all edits, replayed from the plan's edit list. */
function finalTexts(plan: WorkshopDayPlan): Map<string, string> {
	const texts = new Map<string, string>();
	for (const { id, text } of [...plan.cards, ...plan.notes]) texts.set(id, text);
	for (const edit of plan.edits) texts.set(edit.id, edit.text);
	return texts;
}

const share = (part: number, whole: number) => part / whole;

describe('generateWorkshopDay', () => {
	it('gives a deep-equal plan for the same seed, and another day for another seed', () => {
		expect(generateWorkshopDay({ seed: SEED })).toEqual(DAY);
		const other = generateWorkshopDay({ seed: SEED + 1 });
		expect(other.participants.map((p) => p.name)).not.toEqual(DAY.participants.map((p) => p.name));
		expect(other.cards.map((c) => c.text)).not.toEqual(DAY.cards.map((c) => c.text));
		expect(other.edits.map((e) => e.text)).not.toEqual(DAY.edits.map((e) => e.text));
	});

	it('is plain data: JSON gives it back unchanged', () => {
		expect(JSON.parse(JSON.stringify(DAY))).toEqual(DAY);
	});

	it('has 30 participants, 500 cards and 20,000 edits by default, and the counts asked for otherwise', () => {
		expect(DAY.participants).toHaveLength(30);
		expect(DAY.cards).toHaveLength(500);
		expect(DAY.edits).toHaveLength(20_000);
		const small = generateWorkshopDay({ seed: 3, participants: 7, cards: 41, textEdits: 250 });
		expect(small.participants).toHaveLength(7);
		expect(small.cards).toHaveLength(41);
		expect(small.edits).toHaveLength(250);
		const empty = generateWorkshopDay({ seed: 3, participants: 1, cards: 0, textEdits: 0 });
		expect(empty.cards).toEqual([]);
		expect(empty.edits).toEqual([]);
		expect(empty.notes.length).toBeGreaterThan(0);
	});

	it('keeps the same day, cards and notes when only the number of edits changes', () => {
		const fewer = generateWorkshopDay({ seed: SEED, textEdits: 100 });
		expect({ ...fewer, edits: [] }).toEqual({ ...DAY, edits: [] });
	});

	it('refuses counts outside their ranges and seeds that are not safe integers', () => {
		expect(() => generateWorkshopDay({ seed: 1, participants: 0 })).toThrow(RangeError);
		expect(() => generateWorkshopDay({ seed: 1, participants: 201 })).toThrow(RangeError);
		expect(() => generateWorkshopDay({ seed: 1, cards: -1 })).toThrow(RangeError);
		expect(() => generateWorkshopDay({ seed: 1, textEdits: 2.5 })).toThrow(RangeError);
		expect(() => generateWorkshopDay({ seed: 2 ** 53 })).toThrow(RangeError);
	});

	it('gives participants ids in the app layout, usable as record ids, and unique names', () => {
		for (const { id } of DAY.participants) {
			expect(isId(id)).toBe(true);
			expect(id).toMatch(RECORD_ID);
		}
		const names = DAY.participants.map((p) => p.name);
		expect(new Set(names).size).toBe(30);
		for (const name of names) expect(name).toMatch(/^[A-ZÄÖÜ][a-zäöüß]+$/);
		// More people than first names: a surname initial tells them apart.
		const crowd = generateWorkshopDay({ seed: 5, participants: 200, cards: 0, textEdits: 0 });
		expect(new Set(crowd.participants.map((p) => p.name)).size).toBe(200);
		expect(crowd.participants.some((p) => / [A-Z]\.$/.test(p.name))).toBe(true);
	});

	it('makes every card, cluster and note id unique, in the app layout', () => {
		const ids = [
			...DAY.participants.map((p) => p.id),
			...DAY.clusters.map((c) => c.id),
			...DAY.cards.map((c) => c.id),
			...DAY.notes.map((n) => n.id)
		];
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(isId(id)).toBe(true);
	});

	it('uses the full-day template and stands in "Handlungsfelder festlegen", started on time or up to 20 minutes late', () => {
		expect(DAY.blocks).toEqual(blocksFromTemplate('digital-check-tag'));
		const fields = DAY.blocks.find((b) => b.method === 'handlungsfelder')!;
		expect(fields.title).toBe('Handlungsfelder festlegen');
		expect(DAY.run.currentBlockId).toBe(fields.id);
		const planned = scheduleOf(DAY.blocks, DAY.workshop.startMinutes).find(
			(b) => b.id === fields.id
		)!;
		const plannedMs = DAY.dayStartMs + (planned.startsAt - DAY.workshop.startMinutes) * 60_000;
		expect(DAY.run.currentSince - plannedMs).toBeGreaterThanOrEqual(0);
		expect(DAY.run.currentSince - plannedMs).toBeLessThanOrEqual(20 * 60_000);
		expect(DAY.nowMs).toBeGreaterThan(DAY.run.currentSince);
	});

	it('starts the blocks up to the current one in agenda order, the current last, and names two facilitators', () => {
		const order = DAY.blocks.map((block) => block.id);
		const current = order.indexOf(DAY.run.currentBlockId);
		expect(DAY.run.started.map((start) => start.blockId)).toEqual(order.slice(0, current + 1));
		expect(DAY.run.started.at(-1)!.at).toBe(DAY.run.currentSince);
		for (let i = 1; i < DAY.run.started.length; i++)
			expect(DAY.run.started[i]!.at).toBeGreaterThan(DAY.run.started[i - 1]!.at);
		const names = DAY.workshop.facilitators.split(', ');
		expect(names).toHaveLength(2);
		expect(names[0]).not.toBe(names[1]);
	});

	it('dates the day on a Tuesday to Thursday, starting at 8:00, 8:30 or 9:00 German time', () => {
		for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
			const { workshop, dayStartMs } = generateWorkshopDay({ seed, cards: 0, textEdits: 0 });
			expect(workshop.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect([2, 3, 4]).toContain(new Date(workshop.date).getUTCDay());
			expect([480, 510, 540]).toContain(workshop.startMinutes);
			const german = new Intl.DateTimeFormat('sv-SE', {
				timeZone: 'Europe/Berlin',
				dateStyle: 'short',
				timeStyle: 'short'
			}).format(dayStartMs);
			const hh = String(Math.floor(workshop.startMinutes / 60)).padStart(2, '0');
			const mm = String(workshop.startMinutes % 60).padStart(2, '0');
			expect(german).toBe(`${workshop.date} ${hh}:${mm}`);
			expect(validateTitle(workshop.title)).toEqual({ ok: true, value: workshop.title });
			expect(workshop.place.length).toBeLessThanOrEqual(120);
		}
	});

	it('writes every card during the Kartenabfrage, in creation order', () => {
		const block = scheduleOf(DAY.blocks, DAY.workshop.startMinutes).find(
			(b) => b.method === 'kartenabfrage'
		)!;
		const at = (minutes: number) => DAY.dayStartMs + (minutes - DAY.workshop.startMinutes) * 60_000;
		const outside = DAY.cards.filter(
			(card) =>
				card.blockId !== block.id ||
				card.createdAt < at(block.startsAt) ||
				card.createdAt > at(block.endsAt)
		);
		expect(outside).toEqual([]);
		const times = DAY.cards.map((c) => c.createdAt);
		expect(times).toEqual([...times].sort((a, b) => a - b));
	});

	it('keeps every card text, edited card text, cluster name and order key valid for the domain validators', () => {
		const cardIds = new Set(DAY.cards.map((c) => c.id));
		const cardTexts = [
			...DAY.cards.map((c) => c.text),
			...DAY.edits.filter((e) => cardIds.has(e.id)).map((e) => e.text)
		];
		// Valid, and already in the form the validator stores (trimmed, single spaces).
		const invalid = cardTexts.filter((text) => {
			const checked = validateCardText(text);
			return !checked.ok || checked.value !== text;
		});
		expect(invalid).toEqual([]);
		for (const cluster of DAY.clusters) {
			expect(validateClusterName(cluster.name)).toEqual({ ok: true, value: cluster.name });
			expect(isOrderKey(cluster.order)).toBe(true);
		}
		expect(DAY.cards.filter((card) => !isOrderKey(card.order))).toEqual([]);
	});

	it('keeps every note text trimmed and within the 2,000 characters a note may have', () => {
		const noteIds = new Set(DAY.notes.map((n) => n.id));
		const texts = [
			...DAY.notes.map((n) => n.text),
			...DAY.edits.filter((e) => noteIds.has(e.id)).map((e) => e.text)
		];
		const invalid = texts.filter(
			(text) => text === '' || text !== text.trim() || [...text].length > 2000
		);
		expect(invalid).toEqual([]);
	});

	it('gives each list of cards (a cluster, or the unsorted cards of a block) distinct order keys', () => {
		const lists = new Map<string, string[]>();
		for (const card of DAY.cards) {
			const list = `${card.blockId}/${card.clusterId ?? '-'}`;
			lists.set(list, [...(lists.get(list) ?? []), card.order]);
		}
		for (const keys of lists.values()) expect(new Set(keys).size).toBe(keys.length);
	});

	it('puts 85 % of the cards (425 of 500) into a cluster of their own block, the clusters named after themes', () => {
		const clusters = new Map(DAY.clusters.map((c) => [c.id, c]));
		const inOwnCluster = DAY.cards.filter(
			(card) => card.clusterId !== null && clusters.get(card.clusterId)?.blockId === card.blockId
		);
		expect(inOwnCluster).toHaveLength(425);
		expect(share(inOwnCluster.length, DAY.cards.length)).toBeGreaterThanOrEqual(0.8);
		expect(DAY.clusters.length).toBeGreaterThanOrEqual(7);
		expect(DAY.clusters.length).toBeLessThanOrEqual(9);
		expect(new Set(DAY.clusters.map((c) => c.name)).size).toBe(DAY.clusters.length);
	});

	it('merges some duplicates, each into an unmerged card of the same block and cluster', () => {
		const byId = new Map(DAY.cards.map((c) => [c.id, c]));
		const merged = DAY.cards.filter((c) => c.mergedInto !== null);
		expect(merged.length).toBeGreaterThan(5);
		expect(share(merged.length, DAY.cards.length)).toBeLessThan(0.15);
		for (const card of merged) {
			const survivor = byId.get(card.mergedInto!)!;
			expect(survivor.blockId).toBe(card.blockId);
			expect(survivor.clusterId).toBe(card.clusterId);
			expect(survivor.mergedInto).toBeNull();
			expect(survivor.createdAt).toBeLessThanOrEqual(card.createdAt);
		}
	});

	it('takes notes in the blocks that have begun: a protocol for each, parking-lot items and decisions', () => {
		const order = DAY.blocks.map((b) => b.id);
		const current = order.indexOf(DAY.run.currentBlockId);
		const kinds = { parking: 0, decision: 0, protocol: 0 };
		for (const note of DAY.notes) {
			kinds[note.kind] += 1;
			expect(order.indexOf(note.blockId)).toBeLessThanOrEqual(current);
			expect(note.createdAt).toBeLessThanOrEqual(DAY.nowMs);
		}
		const working = DAY.blocks.slice(0, current + 1).filter((b) => b.method !== 'pause');
		for (const block of working) {
			expect(DAY.notes.some((n) => n.kind === 'protocol' && n.blockId === block.id)).toBe(true);
		}
		expect(kinds.parking).toBeGreaterThanOrEqual(10);
		expect(kinds.decision).toBeGreaterThanOrEqual(5);
		expect(DAY.notes.length).toBeGreaterThanOrEqual(20);
		expect(DAY.notes.length).toBeLessThanOrEqual(50);
	});

	it('lets every edit change the text of an existing card or note, after it was written, in time order', () => {
		const targets = new Map<string, { kind: 'card' | 'note'; createdAt: number }>([
			...DAY.cards.map((c) => [c.id, { kind: 'card' as const, createdAt: c.createdAt }] as const),
			...DAY.notes.map((n) => [n.id, { kind: 'note' as const, createdAt: n.createdAt }] as const)
		]);
		const texts = new Map([...DAY.cards, ...DAY.notes].map((t) => [t.id, t.text]));
		const people = new Set(DAY.participants.map((p) => p.id));
		const problems: string[] = [];
		let previous = -Infinity;
		DAY.edits.forEach((edit, i) => {
			const target = targets.get(edit.id);
			if (target?.kind !== edit.target) problems.push(`${i}: no such ${edit.target}`);
			else if (edit.at < target.createdAt) problems.push(`${i}: before its target was written`);
			if (edit.at < previous || edit.at > DAY.nowMs) problems.push(`${i}: out of time order`);
			if (!people.has(edit.authorId)) problems.push(`${i}: by nobody taking part`);
			if (edit.text === texts.get(edit.id)) problems.push(`${i}: changes nothing`);
			texts.set(edit.id, edit.text);
			previous = edit.at;
		});
		expect(problems).toEqual([]);
		expect(texts).toEqual(finalTexts(DAY));
	});

	it('spreads the edits over most cards, mostly by their authors, about one in ten by someone else', () => {
		const authors = new Map([...DAY.cards, ...DAY.notes].map((t) => [t.id, t.authorId]));
		const foreign = DAY.edits.filter((e) => authors.get(e.id) !== e.authorId).length;
		expect(share(foreign, DAY.edits.length)).toBeGreaterThan(0.05);
		expect(share(foreign, DAY.edits.length)).toBeLessThan(0.15);
		const edited = new Set(DAY.edits.map((e) => e.id));
		expect(
			share(DAY.cards.filter((c) => edited.has(c.id)).length, DAY.cards.length)
		).toBeGreaterThan(0.9);
		expect(DAY.edits.some((e) => e.target === 'note')).toBe(true);
	});

	it('types as people do: most edits add or remove a word or a few, some fix a typo', () => {
		const texts = new Map([...DAY.cards, ...DAY.notes].map((t) => [t.id, t.text]));
		let small = 0;
		for (const edit of DAY.edits) {
			const before = texts.get(edit.id)!;
			const words = (text: string) => text.split(' ').length;
			if (Math.abs(words(edit.text) - words(before)) <= 3) small += 1;
			texts.set(edit.id, edit.text);
		}
		expect(share(small, DAY.edits.length)).toBeGreaterThan(0.9);
	});
});

describe('the Handlungsfelder and Maßnahmen of the generated day', () => {
	const fieldIds = new Set(DAY.actionFields.map((f) => f.id));
	const participantName = new Map(DAY.participants.map((p) => [p.id, p.name]));
	const warnings = [...smartWarnings(DAY.measures).values()].flat();
	const count = (code: string) => warnings.filter((w) => w.code === code).length;

	it('sets six Handlungsfelder at the start of the current block, each valid, tagged and ordered', () => {
		expect(DAY.actionFields.map((f) => f.title)).toEqual([
			'Digitale Bürgerservices',
			'E-Akte und digitale Abläufe',
			'IT-Infrastruktur und Informationssicherheit',
			'Personal und Qualifizierung',
			'Steuerung und Strategie',
			'Interkommunale Zusammenarbeit'
		]);
		const orders = DAY.actionFields.map((f) => f.order);
		expect([...orders].sort()).toEqual(orders);
		expect(new Set(orders).size).toBe(6);
		for (const field of DAY.actionFields) {
			expect(validateActionFieldTitle(field.title)).toEqual({ ok: true, value: field.title });
			expect(validateDimensions(field.dimensions)).toEqual({ ok: true, value: field.dimensions });
			expect(isId(field.id) && isOrderKey(field.order)).toBe(true);
			expect(field.createdAt).toBeGreaterThanOrEqual(DAY.run.currentSince);
			expect(field.createdAt).toBeLessThanOrEqual(DAY.nowMs);
		}
	});

	it('writes 25 measures by default, under every Handlungsfeld, by participants during the block', () => {
		expect(DAY.measures).toHaveLength(25);
		expect(new Set(DAY.measures.map((m) => m.actionFieldId))).toEqual(fieldIds);
		const times = DAY.measures.map((m) => m.createdAt);
		expect([...times].sort((a, b) => a - b)).toEqual(times);
		for (const measure of DAY.measures) {
			expect(participantName.has(measure.authorId)).toBe(true);
			expect(measure.createdAt).toBeGreaterThan(DAY.actionFields.at(-1)!.createdAt);
			expect(measure.createdAt).toBeLessThanOrEqual(DAY.nowMs);
		}
		const ids = DAY.measures.map((m) => m.id);
		expect(new Set(ids).size).toBe(25);
		for (const id of ids) expect(isId(id) && RECORD_ID.test(id)).toBe(true);
	});

	it('keeps every measure valid for the form: title, texts, times, budget, staff days, order', () => {
		for (const m of DAY.measures) {
			expect(validateMeasureTitle(m.title)).toEqual({ ok: true, value: m.title });
			for (const [field, max] of Object.entries(MEASURE_TEXT_MAX_LENGTH)) {
				const text = m[field as keyof typeof MEASURE_TEXT_MAX_LENGTH];
				expect(validateMeasureText(text, max)).toEqual({ ok: true, value: text });
			}
			for (const point of [m.start, m.due]) {
				if (point !== null)
					expect(parseSchedule(formatSchedule(point))).toEqual({ ok: true, value: point });
			}
			if (m.budgetEur !== null)
				expect(parseBudget(String(m.budgetEur))).toEqual({ ok: true, value: m.budgetEur });
			if (m.staffDays !== null) {
				expect(parseStaffDays(String(m.staffDays))).toEqual({ ok: true, value: m.staffDays });
			}
			expect(isOrderKey(m.order)).toBe(true);
			expect(m.dimensions.length).toBe(1);
		}
		const orders = DAY.measures.map((m) => `${m.actionFieldId} ${m.order}`);
		expect(new Set(orders).size).toBe(25);
	});

	it('leaves 3 without owner, 3 without due and 2 without indicator, so the SMART check shows them', () => {
		// 25 / 8 rounds to 3, 25 / 12 to 2.
		expect(count('owner_missing')).toBe(3);
		expect(count('due_missing')).toBe(3);
		expect(count('indicator_missing')).toBe(2);
		// Due is never before start, and the day holds no cycle.
		expect(count('due_before_start')).toBe(0);
		expect(count('dependency_cycle')).toBe(0);
	});

	it('lets some measures depend on one written before, and come from a matrix entry or a group', () => {
		const index = new Map(DAY.measures.map((m, i) => [m.id, i]));
		const dependent = DAY.measures.filter((m) => m.dependsOn.length > 0);
		expect(dependent.length).toBeGreaterThan(0);
		for (const m of dependent) {
			for (const d of m.dependsOn) expect(index.get(d)).toBeLessThan(index.get(m.id)!);
		}
		const scored = new Set(DAY.scores.map((s) => s.itemId));
		const clusters = new Set(DAY.clusters.map((c) => c.id));
		const sources = DAY.measures.flatMap((m) => m.sources);
		expect(sources.length).toBeGreaterThan(0);
		for (const source of sources) {
			expect(source.kind === 'matrix' ? scored : clusters).toContain(source.itemId);
		}
		expect(DAY.measures.some((m) => m.quickWin)).toBe(true);
	});

	it('sets 3 measures "in Arbeit" and 1 "zurückgestellt" on the day, by named participants with a note', () => {
		// 25 / 10 rounds to 3, 25 / 25 is 1.
		expect(DAY.statusChanges.filter((c) => c.status === 'in_arbeit')).toHaveLength(3);
		expect(DAY.statusChanges.filter((c) => c.status === 'zurueckgestellt')).toHaveLength(1);
		expect(new Set(DAY.statusChanges.map((c) => c.measureId)).size).toBe(4);
		const byId = new Map(DAY.measures.map((m) => [m.id, m]));
		for (const change of DAY.statusChanges) {
			expect(participantName.get(change.by)).toBe(change.byName);
			expect(change.at).toBeGreaterThan(byId.get(change.measureId)!.createdAt);
			expect(change.at).toBeLessThanOrEqual(DAY.nowMs);
			expect(change.note).not.toBe('');
			expect(byId.get(change.measureId)!.status).toBe(change.status);
		}
		expect(DAY.measures.filter((m) => m.status === 'geplant')).toHaveLength(21);
	});

	it('writes as many measures as asked for, further stages once the catalogue is used up', () => {
		expect(generateWorkshopDay({ seed: 3, cards: 0, textEdits: 0, measures: 0 }).measures).toEqual(
			[]
		);
		const many = generateWorkshopDay({
			seed: 3,
			cards: 40,
			textEdits: 0,
			votes: 100,
			measures: 200
		});
		expect(many.measures).toHaveLength(200);
		expect(many.actionFields).toHaveLength(6);
		expect(new Set(many.measures.map((m) => m.title)).size).toBe(200);
		expect(many.measures.some((m) => m.title.endsWith('– Stufe 2'))).toBe(true);
		expect(() => generateWorkshopDay({ seed: 3, measures: 1_001 })).toThrow(RangeError);
	});
});
