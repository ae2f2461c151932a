// The workshop protocol as a ReportDocument (ADR 19): what goes into which section is decided here,
// once, and the PDF, DOCX and XLSX renderers only draw it. Pure: the input is plain data that the state
// layer reads from the workshop's open documents (state/handover/protocol-source.ts).
//
// The protocol is pseudonymous: its input holds how many people took part, never who, and cards,
// dots and scores carry no author. Every German word comes from protocol-texts.ts.

import { CURRENT_CATALOG } from '../check/catalog';
import type { DimensionId } from '../check/catalog-types';
import type { Measure } from '../measures/measure';
import { roadmap } from '../measures/roadmap';
import { formatQuarter, formatSchedule } from '../measures/schedule';
import { smartWarnings, type SmartWarning } from '../measures/smart-check';
import type { ActionField } from '../workshop/action-fields';
import { formatClockTime, type BlockMethod } from '../workshop/agenda';
import { QUADRANTS, SCORE_MAX, SCORE_MIN, type Quadrant } from '../workshop/matrix';
import type { VotingRules } from '../workshop/votes';
import {
	germanDate,
	PROTOCOL_TEXTS as T,
	type ParticipantRole,
	type ProtocolNoteKind
} from './protocol-texts';
import {
	reportFileName,
	type ReportBlock,
	type ReportDocument,
	type ReportTable
} from './report-document';

export type { ParticipantRole, ProtocolNoteKind } from './protocol-texts';

/** A card as the board shows it: its text, and how many equal cards were merged into it. */
export interface ProtocolCard {
	text: string;
	merged: number;
}

export interface ProtocolBlock {
	id: string;
	title: string;
	method: BlockMethod;
	/** The question of a Kartenabfrage, or null. */
	question: string | null;
	/** Planned clock times, minutes after midnight (agenda.ts scheduleOf). */
	startsAt: number;
	endsAt: number;
	durationMinutes: number;
	/** When the block was actually started (minutes after midnight, local time), where recorded. */
	actualStart: number | null;
	/** When the run moved on from it (same clock), or null: not started, or still running. */
	actualEnd: number | null;
	/** The block's groups by order, each with its cards by order. */
	groups: { name: string; cards: ProtocolCard[] }[];
	/** Cards in no group, by order. */
	ungrouped: ProtocolCard[];
	/** Decisions, Themenspeicher and protocol notes of the block, in the order they were written. */
	notes: { kind: ProtocolNoteKind; text: string }[];
}

export interface ProtocolVote {
	blockId: string;
	blockTitle: string;
	/** Results are only given once the facilitator has revealed the vote. */
	revealed: boolean;
	rules: VotingRules;
	/** Most dots first, as votes.ts ranks them; empty until revealed. */
	results: { label: string; count: number; rank: number }[];
}

export interface ProtocolMatrixItem {
	label: string;
	/** Averages 1–5, null while nobody has scored that axis. */
	impact: number | null;
	effort: number | null;
	/** How many people scored the item (the larger of the two axes' counts). */
	ratings: number;
	quadrant: Quadrant | null;
}

export interface ProtocolMatrix {
	blockId: string;
	blockTitle: string;
	/** In the order the day produced them (matrix.ts placements). */
	items: ProtocolMatrixItem[];
}

/** A photo of the photo protocol, referenced by its blob's SHA-256. */
export interface ProtocolPhoto {
	blockId: string;
	sha256: string;
	mediaType: 'image/jpeg' | 'image/png';
	/** What the photo shows, for people who cannot see it; empty: the block's name is used. */
	alt: string;
	caption: string;
	width?: number;
	height?: number;
}

export interface ProtocolInput {
	municipalityName: string;
	workshop: {
		title: string;
		/** ISO date (yyyy-mm-dd), or null when none is set. */
		date: string | null;
		place: string | null;
	};
	/** The people who ran the day, as the facilitator names them (may be empty). */
	facilitators: string[];
	/** How many people took part, by role: counts only, never names. */
	participants: { role: ParticipantRole; count: number }[];
	/** The agenda in order. */
	blocks: ProtocolBlock[];
	/** Each dot vote of the day, in agenda order. */
	votes: ProtocolVote[];
	/** Each matrix of the day, in agenda order. */
	matrices: ProtocolMatrix[];
	/** The Handlungsfelder (any order; sorted by priority here). */
	actionFields: ActionField[];
	/** The measures not removed (any order; a measure of a removed field is listed apart). */
	measures: Measure[];
	/** May be empty. */
	photos: ProtocolPhoto[];
	/** ISO 8601 time the protocol is made at (the file's metadata). */
	createdAt: string;
}

const DIMENSION_TITLES = new Map<DimensionId, string>(
	CURRENT_CATALOG.dimensions.map((d) => [d.id, d.title])
);

/**
 * The names in the workshop's "Moderation" field, which is free text: "Anna Schmidt, Ben Meier" or one
 * name a line. Split at commas, semicolons and line breaks, so the title page can count them.
 */
export const facilitatorNames = (text: string | null): string[] =>
	(text ?? '')
		.split(/[,;\n]/)
		.map((name) => name.trim())
		.filter((name) => name !== '');

/** Chart labels stay short: the table beside the chart holds the full text. */
const POINT_LABEL_MAX = 40;

export function shortLabel(text: string, max = POINT_LABEL_MAX): string {
	const chars = [...text];
	return chars.length <= max
		? text
		: `${chars
				.slice(0, max - 1)
				.join('')
				.trimEnd()}…`;
}

/** "Abstimmung", "Abstimmung 2", …: one XLSX sheet per table, each name unique. */
const sheetName = (base: string, index: number): string =>
	index === 0 ? base : `${base} ${index + 1}`;

const byOrder = <X extends { order: string; id: string }>(a: X, b: X): number =>
	a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function buildWorkshopProtocol(input: ProtocolInput): ReportDocument {
	const { workshop } = input;
	const fields = [...input.actionFields].sort(byOrder);
	const fieldIds = new Set(fields.map((f) => f.id));
	const warnings = smartWarnings(input.measures);
	const blocks: ReportBlock[] = [
		...titlePage(input),
		{ kind: 'pageBreak' },
		...agendaSection(input.blocks),
		...blocksSection(input.blocks, input.photos),
		...votesSection(input.votes),
		...matrixSection(input.matrices),
		...fieldsSection(fields, input.measures, fieldIds),
		...smartSection(fields, input.measures, warnings),
		...roadmapSection(fields, input.measures),
		...nextStepsSection(input.blocks, fields, input.measures)
	];
	return {
		title: T.title(workshop.title),
		subject: T.subject(input.municipalityName, workshop.date),
		language: 'de-DE',
		fileName: reportFileName(
			T.fileKind,
			input.municipalityName,
			workshop.date ?? input.createdAt.slice(0, 10)
		),
		author: T.author,
		createdAt: input.createdAt,
		blocks
	};
}

function titlePage(input: ProtocolInput): ReportBlock[] {
	const { workshop } = input;
	const counted = input.participants.filter((p) => p.count > 0);
	return [
		{ kind: 'heading', level: 1, text: T.title(workshop.title) },
		{
			kind: 'facts',
			caption: T.facts.caption,
			items: [
				{ label: T.facts.municipality, value: input.municipalityName },
				{
					label: T.facts.workshop,
					value: workshop.title.trim() === '' ? T.facts.notGiven : workshop.title
				},
				{
					label: T.facts.date,
					value: workshop.date === null ? T.facts.notGiven : germanDate(workshop.date)
				},
				{ label: T.facts.place, value: workshop.place ?? T.facts.notGiven },
				{
					label: T.facts.facilitators,
					value: input.facilitators.length === 0 ? T.facts.notGiven : input.facilitators.join(', ')
				},
				{
					label: T.facts.participants,
					value:
						counted.length === 0
							? T.facts.nobody
							: counted.map((p) => T.participantCount(p.role, p.count)).join(', ')
				}
			]
		},
		{ kind: 'paragraph', text: T.pseudonymous, style: 'note' }
	];
}

const clockOrNull = (minutes: number | null): string | null =>
	minutes === null ? null : formatClockTime(minutes);

function agendaSection(blocks: readonly ProtocolBlock[]): ReportBlock[] {
	const heading: ReportBlock = { kind: 'heading', level: 2, text: T.agenda.heading };
	if (blocks.length === 0)
		return [heading, { kind: 'paragraph', text: T.agenda.empty, style: 'note' }];
	const table: ReportTable = {
		kind: 'table',
		caption: T.agenda.caption,
		sheetName: T.agenda.sheet,
		columns: [
			{ header: T.agenda.number, format: 'integer', width: 0.5 },
			{ header: T.agenda.block, width: 3 },
			{ header: T.agenda.method, width: 1.5 },
			{ header: T.agenda.plannedStart },
			{ header: T.agenda.plannedEnd },
			{ header: T.agenda.minutes, format: 'integer' },
			{ header: T.agenda.actualStart },
			{ header: T.agenda.actualEnd }
		],
		rows: blocks.map((block, index) => [
			index + 1,
			block.title,
			T.methods[block.method],
			formatClockTime(block.startsAt),
			formatClockTime(block.endsAt),
			block.durationMinutes,
			clockOrNull(block.actualStart),
			clockOrNull(block.actualEnd)
		])
	};
	return [heading, table, { kind: 'paragraph', text: T.agenda.actualNote, style: 'note' }];
}

const collectsCards = (block: ProtocolBlock): boolean =>
	block.method === 'kartenabfrage' || block.groups.length > 0 || block.ungrouped.length > 0;

const cardLine = (card: ProtocolCard): string =>
	card.merged === 0 ? card.text : `${card.text} ${T.blocks.mergedNote(card.merged)}`;

function blocksSection(
	blocks: readonly ProtocolBlock[],
	photos: readonly ProtocolPhoto[]
): ReportBlock[] {
	const out: ReportBlock[] = [{ kind: 'heading', level: 2, text: T.blocks.heading }];
	if (photos.length === 0)
		out.push({ kind: 'paragraph', text: T.blocks.noPhotosAtAll, style: 'note' });
	blocks.forEach((block, index) => {
		out.push({ kind: 'heading', level: 3, text: T.blocks.blockHeading(index + 1, block.title) });
		out.push({
			kind: 'paragraph',
			text: T.blocks.times(
				formatClockTime(block.startsAt),
				formatClockTime(block.endsAt),
				clockOrNull(block.actualStart),
				clockOrNull(block.actualStart === null ? null : block.actualEnd)
			)
		});
		if (block.question !== null)
			out.push({ kind: 'paragraph', text: T.blocks.question(block.question) });
		if (collectsCards(block)) out.push(...cardsOf(block));
		for (const kind of ['decision', 'parking', 'protocol'] as const) {
			const notes = block.notes.filter((note) => note.kind === kind).map((note) => note.text);
			if (notes.length === 0) continue;
			out.push({ kind: 'paragraph', text: T.blocks.notes[kind] });
			out.push({ kind: 'list', ordered: false, items: notes });
		}
		out.push(
			...photosOf(
				photos.filter((photo) => photo.blockId === block.id),
				block.title
			)
		);
	});
	const known = new Set(blocks.map((block) => block.id));
	const others = photos.filter((photo) => !known.has(photo.blockId));
	if (others.length > 0) {
		out.push({ kind: 'heading', level: 3, text: T.blocks.otherPhotos });
		out.push(...photosOf(others, T.blocks.otherPhotos));
	}
	return out;
}

function cardsOf(block: ProtocolBlock): ReportBlock[] {
	const total =
		block.groups.reduce((sum, group) => sum + group.cards.length, 0) + block.ungrouped.length;
	if (total === 0) return [{ kind: 'paragraph', text: T.blocks.noCards, style: 'note' }];
	const out: ReportBlock[] = [{ kind: 'paragraph', text: T.blocks.cardsCount(total) }];
	for (const group of block.groups) {
		out.push({ kind: 'paragraph', text: T.blocks.group(group.name, group.cards.length) });
		if (group.cards.length > 0)
			out.push({ kind: 'list', ordered: false, items: group.cards.map(cardLine) });
	}
	if (block.ungrouped.length > 0) {
		out.push({ kind: 'paragraph', text: T.blocks.ungrouped(block.ungrouped.length) });
		out.push({ kind: 'list', ordered: false, items: block.ungrouped.map(cardLine) });
	}
	return out;
}

function photosOf(photos: readonly ProtocolPhoto[], blockTitle: string): ReportBlock[] {
	if (photos.length === 0) return [];
	return [
		{ kind: 'paragraph', text: T.blocks.photos },
		...photos.map((photo): ReportBlock => ({
			kind: 'image',
			sha256: photo.sha256,
			mediaType: photo.mediaType,
			alt: photo.alt.trim() === '' ? T.blocks.photoAlt(blockTitle) : photo.alt,
			caption: photo.caption,
			...(photo.width === undefined ? {} : { width: photo.width }),
			...(photo.height === undefined ? {} : { height: photo.height })
		}))
	];
}

function votesSection(votes: readonly ProtocolVote[]): ReportBlock[] {
	const out: ReportBlock[] = [{ kind: 'heading', level: 2, text: T.votes.heading }];
	if (votes.length === 0)
		return [...out, { kind: 'paragraph', text: T.votes.empty, style: 'note' }];
	let tables = 0;
	for (const vote of votes) {
		out.push({ kind: 'heading', level: 3, text: vote.blockTitle });
		if (!vote.revealed) {
			out.push({ kind: 'paragraph', text: T.votes.notRevealed(vote.blockTitle), style: 'note' });
			continue;
		}
		out.push({
			kind: 'paragraph',
			text: T.votes.rules(vote.rules.dotsPerPerson, vote.rules.maxPerItem)
		});
		out.push({
			kind: 'table',
			caption: T.votes.caption(vote.blockTitle),
			sheetName: sheetName(T.votes.sheet, tables++),
			columns: [
				{ header: T.votes.rank, format: 'integer', width: 0.5 },
				{ header: T.votes.item, width: 5 },
				{ header: T.votes.dots, format: 'integer' }
			],
			// Entries without a dot say nothing a count would; the block's section lists every card.
			rows: vote.results
				.filter((result) => result.count > 0)
				.map((result) => [result.rank, result.label, result.count])
		});
		const without = vote.results.filter((result) => result.count === 0).length;
		if (without > 0) out.push({ kind: 'paragraph', text: T.votes.noDots(without), style: 'note' });
	}
	return out;
}

function matrixSection(matrices: readonly ProtocolMatrix[]): ReportBlock[] {
	const { matrix: M } = T;
	const out: ReportBlock[] = [{ kind: 'heading', level: 2, text: M.heading }];
	if (matrices.length === 0) return [...out, { kind: 'paragraph', text: M.empty, style: 'note' }];
	let tables = 0;
	for (const matrix of matrices) {
		out.push({ kind: 'heading', level: 3, text: matrix.blockTitle });
		if (matrix.items.length === 0) {
			out.push({ kind: 'paragraph', text: M.noItems(matrix.blockTitle), style: 'note' });
			continue;
		}
		const placed = matrix.items.filter(
			(item): item is ProtocolMatrixItem & { impact: number; effort: number } =>
				item.impact !== null && item.effort !== null
		);
		const counts = Object.fromEntries(
			QUADRANTS.map((q) => [q, placed.filter((item) => item.quadrant === q).length])
		) as Record<Quadrant, number>;
		out.push({
			kind: 'chart',
			caption: M.chartCaption(matrix.blockTitle),
			alt: M.alt(placed.length, counts, matrix.items.length - placed.length),
			chart: {
				kind: 'matrix',
				xLabel: M.xLabel,
				yLabel: M.yLabel,
				min: SCORE_MIN,
				max: SCORE_MAX,
				centre: 3,
				// Effort grows to the right and impact upwards: little effort and much impact is top left.
				quadrants: {
					topLeft: M.quadrants.quick_win,
					topRight: M.quadrants.big_project,
					bottomLeft: M.quadrants.filler,
					bottomRight: M.quadrants.time_sink
				},
				points: placed.map((item) => ({
					label: shortLabel(item.label),
					x: item.effort,
					y: item.impact
				}))
			}
		});
		out.push({ kind: 'paragraph', text: M.scale, style: 'note' });
		out.push({
			kind: 'table',
			caption: M.tableCaption(matrix.blockTitle),
			sheetName: sheetName(M.sheet, tables++),
			rowHeaders: true,
			columns: [
				{ header: M.item, width: 4 },
				{ header: M.impact, format: 'decimal1' },
				{ header: M.effort, format: 'decimal1' },
				{ header: M.quadrant, width: 1.5 },
				{ header: M.ratings, format: 'integer' }
			],
			rows: matrix.items.map((item) => [
				item.label,
				item.impact,
				item.effort,
				item.quadrant === null ? M.notPlaced : M.quadrants[item.quadrant],
				item.ratings
			])
		});
	}
	return out;
}

const measuresInOrder = (measures: readonly Measure[], fieldId: string): Measure[] =>
	measures.filter((m) => m.actionFieldId === fieldId).sort(byOrder);

function fieldsSection(
	fields: readonly ActionField[],
	measures: readonly Measure[],
	fieldIds: ReadonlySet<string>
): ReportBlock[] {
	const { fields: F } = T;
	const out: ReportBlock[] = [{ kind: 'heading', level: 2, text: F.heading }];
	if (fields.length === 0) out.push({ kind: 'paragraph', text: F.empty, style: 'note' });
	for (const field of fields) {
		out.push({ kind: 'heading', level: 3, text: field.title });
		out.push({
			kind: 'paragraph',
			text: F.dimensions(field.dimensions.map((d) => DIMENSION_TITLES.get(d) ?? d))
		});
		const own = measuresInOrder(measures, field.id);
		out.push(
			own.length === 0
				? { kind: 'paragraph', text: F.noMeasures, style: 'note' }
				: { kind: 'list', ordered: true, items: own.map((m) => F.measure(m.title, m.description)) }
		);
	}
	const orphans = measures.filter((m) => !fieldIds.has(m.actionFieldId)).sort(byOrder);
	if (orphans.length > 0) {
		out.push({ kind: 'heading', level: 3, text: F.withoutField });
		out.push({ kind: 'paragraph', text: F.withoutFieldNote, style: 'note' });
		out.push({
			kind: 'list',
			ordered: true,
			items: orphans.map((m) => F.measure(m.title, m.description))
		});
	}
	return out;
}

/** A SMART warning in words, as the measures page says it. */
export function warningText(warning: SmartWarning, titleOf: (measureId: string) => string): string {
	const W = T.warnings;
	switch (warning.code) {
		case 'due_before_dependency':
			return W.due_before_dependency({ dependency: titleOf(warning.dependencyId ?? '') });
		case 'dependency_cycle':
			return W.dependency_cycle({ dependency: titleOf(warning.dependencyId ?? '') });
		case 'owner_overloaded':
			return W.owner_overloaded({
				owner: warning.owner ?? '',
				quarter: formatQuarter(warning.quarter!),
				count: warning.count ?? 0
			});
		default:
			return W[warning.code]();
	}
}

/** Measures of the fields in priority order, then those whose field was removed. */
function allInOrder(fields: readonly ActionField[], measures: readonly Measure[]): Measure[] {
	const ids = new Set(fields.map((f) => f.id));
	return [
		...fields.flatMap((field) => measuresInOrder(measures, field.id)),
		...measures.filter((m) => !ids.has(m.actionFieldId)).sort(byOrder)
	];
}

function smartSection(
	fields: readonly ActionField[],
	measures: readonly Measure[],
	warnings: ReadonlyMap<string, SmartWarning[]>
): ReportBlock[] {
	const { smart: S } = T;
	const out: ReportBlock[] = [{ kind: 'heading', level: 2, text: S.heading }];
	if (measures.length === 0) return [...out, { kind: 'paragraph', text: S.empty, style: 'note' }];
	const titles = new Map(measures.map((m) => [m.id, m.title]));
	const titleOf = (id: string) => titles.get(id) ?? id;
	const fieldTitles = new Map(fields.map((f) => [f.id, f.title]));
	const ordered = allInOrder(fields, measures);
	const withWarnings = ordered.filter((m) => (warnings.get(m.id) ?? []).length > 0).length;
	out.push({ kind: 'paragraph', text: S.summary(withWarnings, ordered.length) });
	out.push({
		kind: 'table',
		caption: S.caption,
		sheetName: S.sheet,
		rowHeaders: true,
		columns: [
			{ header: S.measure, width: 3 },
			{ header: S.field, width: 2 },
			{ header: S.owner, width: 1.5 },
			{ header: S.start },
			{ header: S.due },
			{ header: S.budget, format: 'euro' },
			{ header: S.staffDays, format: 'decimal1' },
			{ header: S.indicator, width: 2 },
			{ header: S.target, width: 1.5 },
			{ header: S.status },
			{ header: S.quickWin, width: 0.7 },
			{ header: S.warnings, width: 3 }
		],
		rows: ordered.map((m) => {
			const own = warnings.get(m.id) ?? [];
			return [
				m.title,
				fieldTitles.get(m.actionFieldId) ?? T.fields.withoutField,
				m.owner.trim() === '' ? null : m.owner.trim(),
				m.start === null ? null : formatSchedule(m.start),
				m.due === null ? null : formatSchedule(m.due),
				m.budgetEur,
				m.staffDays,
				m.indicator.trim() === '' ? null : m.indicator.trim(),
				m.target.trim() === '' ? null : m.target.trim(),
				T.statuses[m.status],
				m.quickWin ? S.yes : S.no,
				own.length === 0 ? S.noWarnings : own.map((w) => warningText(w, titleOf)).join(' ')
			];
		})
	});
	return out;
}

function roadmapSection(
	fields: readonly ActionField[],
	measures: readonly Measure[]
): ReportBlock[] {
	const { roadmap: R } = T;
	const out: ReportBlock[] = [{ kind: 'heading', level: 2, text: R.heading }];
	const map = roadmap(measures, fields);
	const bars = map.rows
		.flatMap((row) => row.measures.map((bar) => ({ ...bar, field: row.field })))
		// Stable: the same start keeps field priority, then the measures' order.
		.sort((a, b) => (a.fromQuarter < b.fromQuarter ? -1 : a.fromQuarter > b.fromQuarter ? 1 : 0));
	if (bars.length === 0) out.push({ kind: 'paragraph', text: R.empty, style: 'note' });
	else {
		out.push({ kind: 'paragraph', text: R.span(map.quarters.map(formatQuarter)) });
		out.push({
			kind: 'table',
			caption: R.caption,
			sheetName: R.sheet,
			columns: [
				{ header: R.from },
				{ header: R.to },
				{ header: R.field, width: 2 },
				{ header: R.measure, width: 3 }
			],
			rows: bars.map((bar) => [
				formatQuarter(bar.fromQuarter),
				formatQuarter(bar.toQuarter),
				bar.field.title,
				bar.measure.title
			])
		});
	}
	if (map.unscheduled.length > 0) {
		out.push({ kind: 'heading', level: 3, text: R.unscheduled });
		out.push({ kind: 'list', ordered: false, items: map.unscheduled.map((m) => m.title) });
	}
	return out;
}

/**
 * What happens next: the decisions noted in the closing block(s), the Themenspeicher of the whole day
 * (what was parked is still to be taken up), and the measures the roadmap has starting in its first
 * quarter, with who is responsible.
 */
function nextStepsSection(
	blocks: readonly ProtocolBlock[],
	fields: readonly ActionField[],
	measures: readonly Measure[]
): ReportBlock[] {
	const { nextSteps: N } = T;
	const out: ReportBlock[] = [{ kind: 'heading', level: 2, text: N.heading }];
	const decisions = blocks
		.filter((block) => block.method === 'abschluss')
		.flatMap((block) => block.notes.filter((n) => n.kind === 'decision').map((n) => n.text));
	const parked = blocks.flatMap((block) =>
		block.notes.filter((n) => n.kind === 'parking').map((n) => n.text)
	);
	const map = roadmap(measures, fields);
	const first = map.quarters[0];
	const starting =
		first === undefined
			? []
			: map.rows.flatMap((row) => row.measures.filter((bar) => bar.fromQuarter === first));
	if (decisions.length > 0) {
		out.push({ kind: 'paragraph', text: N.decisions });
		out.push({ kind: 'list', ordered: false, items: decisions });
	}
	if (parked.length > 0) {
		out.push({ kind: 'paragraph', text: N.parking });
		out.push({ kind: 'list', ordered: false, items: parked });
	}
	if (first !== undefined && starting.length > 0) {
		out.push({ kind: 'paragraph', text: N.firstQuarter(formatQuarter(first)) });
		out.push({
			kind: 'list',
			ordered: false,
			items: starting.map(({ measure: m }) =>
				N.step(
					m.title,
					m.owner,
					m.start !== null ? N.starts(formatSchedule(m.start)) : N.due(formatSchedule(m.due!))
				)
			)
		});
	}
	if (decisions.length === 0 && parked.length === 0 && starting.length === 0)
		out.push({ kind: 'paragraph', text: N.empty, style: 'note' });
	return out;
}
