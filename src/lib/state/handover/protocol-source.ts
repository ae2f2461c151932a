// The workshop protocol's input (domain/documents/workshop-protocol.ts), read from what the workshop's
// page already holds open: the WorkshopWorkspace and its feature objects (ADR 12). Nothing is opened
// or read here that the workspace does not already offer; the mapping is thin on purpose, so that what
// goes into which section is decided by the pure builder alone (ADR 19).

import type { ScheduledBlock } from '../../domain/workshop/agenda';
import type { BoardCard } from '../../domain/workshop/cards';
import {
	facilitatorNames,
	type ProtocolBlock,
	type ProtocolCard,
	type ProtocolInput,
	type ProtocolMatrix,
	type ProtocolPhoto,
	type ProtocolVote
} from '../../domain/documents/workshop-protocol';
import type { CardBoard } from '../card-board.svelte';
import type { DotVoting } from '../dot-voting.svelte';
import type { ImpactMatrix } from '../impact-matrix.svelte';
import type { WorkshopControl } from '../workshop-control.svelte';
import type { WorkshopNotes } from '../workshop-notes.svelte';
import type { WorkshopMeasures } from '../workshop/workshop-measures.svelte';
import type { Photo, WorkshopPhotos } from '../workshop/workshop-photos.svelte';

/**
 * What the protocol reads of a workshop; a WorkshopWorkspace is one. A feature that is null (the
 * device's role not yet known) counts as empty.
 */
export interface ProtocolWorkspace {
	readonly control: Pick<
		WorkshopControl,
		'info' | 'plan' | 'schedule' | 'run' | 'blockTimes' | 'voting'
	>;
	/** Who checked in: only how many is read, never a name. */
	readonly roster: { readonly value: readonly unknown[] };
	readonly cards: Pick<CardBoard, 'view'> | null;
	readonly voting: Pick<DotVoting, 'items' | 'results'> | null;
	readonly matrix: Pick<ImpactMatrix, 'items' | 'placements'> | null;
	readonly measures: Pick<WorkshopMeasures, 'fields' | 'measures'> | null;
	readonly notes: Pick<WorkshopNotes, 'all'> | null;
	readonly photos: Pick<WorkshopPhotos, 'all'> | null;
}

export interface ProtocolExtras {
	/** From the municipality's profile (the page knows it). */
	municipalityName: string;
	/** When the protocol is made: its metadata, and the time zone actual times are shown in. */
	now?: Date;
}

/**
 * A photo as the files show it. The files embed JPEG and PNG; a WebP is embedded as the JPEG it is
 * converted to when the file is made (report-images.ts).
 */
const photoOf = (photo: Photo): ProtocolPhoto => ({
	blockId: photo.blockId,
	sha256: photo.sha256,
	mediaType: photo.mediaType === 'image/png' ? 'image/png' : 'image/jpeg',
	alt: photo.caption,
	caption: photo.caption,
	...(photo.width !== null && photo.height !== null
		? { width: photo.width, height: photo.height }
		: {})
});

const card = (c: BoardCard): ProtocolCard => ({ text: c.text, merged: c.mergedIds.length });

/** Minutes after midnight, this device's time zone: the room's clock. */
const clockMinutes = (ms: number): number => {
	const at = new Date(ms);
	return at.getHours() * 60 + at.getMinutes();
};

export function protocolInput(workspace: ProtocolWorkspace, extras: ProtocolExtras): ProtocolInput {
	const { control, cards, voting, matrix, measures, notes } = workspace;
	const schedule = control.schedule;
	const { currentBlockId, currentSince } = control.run;
	const facilitators = facilitatorNames(control.plan.facilitators);
	const allNotes = notes?.all ?? [];

	const blocks = schedule.map((block): ProtocolBlock => {
		const view = cards?.view(block.id);
		// A block an app without block times started has only the run's start (workshop-run.ts).
		const { startedAt, endedAt } =
			control.blockTimes[block.id] ??
			(block.id === currentBlockId && currentSince !== null
				? { startedAt: currentSince, endedAt: null }
				: { startedAt: null, endedAt: null });
		return {
			id: block.id,
			title: block.title,
			method: block.method,
			question: block.question ?? null,
			startsAt: block.startsAt,
			endsAt: block.endsAt,
			durationMinutes: block.durationMinutes,
			actualStart: startedAt === null ? null : clockMinutes(startedAt),
			actualEnd: endedAt === null ? null : clockMinutes(endedAt),
			groups: (view?.clusters ?? []).map(({ cluster, cards: inCluster }) => ({
				name: cluster.name,
				cards: inCluster.map(card)
			})),
			ungrouped: (view?.unclustered ?? []).map(card),
			notes: allNotes
				.filter((note) => note.blockId === block.id)
				.map((note) => ({ kind: note.kind, text: note.text }))
		};
	});

	return {
		municipalityName: extras.municipalityName,
		workshop: {
			title: control.info?.title ?? '',
			date: control.info?.date ?? null,
			place: control.plan.place
		},
		facilitators,
		participants: [
			{ role: 'teilnahme', count: workspace.roster.value.length },
			{ role: 'moderation', count: facilitators.length }
		],
		blocks,
		votes: schedule.flatMap((block) => voteOf(block, control.voting, voting)),
		matrices: schedule.flatMap((block) =>
			block.method === 'matrix' ? [matrixOf(block, matrix)] : []
		),
		actionFields: measures?.fields ?? [],
		measures: measures?.measures ?? [],
		photos: (workspace.photos?.all ?? []).map(photoOf),
		createdAt: (extras.now ?? new Date()).toISOString()
	};
}

function voteOf(
	block: ScheduledBlock,
	setups: ProtocolWorkspace['control']['voting'],
	voting: ProtocolWorkspace['voting']
): ProtocolVote[] {
	const setup = setups[block.id];
	if (setup === undefined) return [];
	const labels = new Map((voting?.items(block.id) ?? []).map((item) => [item.id, item.label]));
	return [
		{
			blockId: block.id,
			blockTitle: block.title,
			revealed: setup.phase === 'revealed',
			rules: setup.rules,
			// DotVoting gives results only once revealed.
			results: (voting?.results(block.id) ?? []).map((result) => ({
				label: labels.get(result.itemId) ?? result.itemId,
				count: result.count,
				rank: result.rank
			}))
		}
	];
}

function matrixOf(block: ScheduledBlock, matrix: ProtocolWorkspace['matrix']): ProtocolMatrix {
	const placements = new Map(
		(matrix?.placements(block.id) ?? []).map((placement) => [placement.itemId, placement])
	);
	return {
		blockId: block.id,
		blockTitle: block.title,
		items: (matrix?.items(block.id) ?? []).map((item) => {
			const placed = placements.get(item.id);
			return {
				label: item.label,
				impact: placed?.impact ?? null,
				effort: placed?.effort ?? null,
				ratings: Math.max(placed?.impactCount ?? 0, placed?.effortCount ?? 0),
				quadrant: placed?.quadrant ?? null
			};
		})
	};
}
