// The generated full workshop day's protocol input, read as a workshop page reads it: the day written
// into a control and a board document (src/lib/demo), opened by a WorkshopWorkspace, and mapped by
// state/handover/protocol-source.ts, so the benchmark renders what the app's buttons render. A rune
// module: scripts/svelte-runes-hooks.mjs compiles it (and the state classes) for the client.
import { flushSync } from 'svelte';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { generateWorkshopDay } from '../src/lib/demo/workshop-generator';
import { writeWorkshopDay } from '../src/lib/demo/write-workshop-day';
import { workshopControlDocName } from '../src/lib/domain/document-names';
import type { ProtocolInput } from '../src/lib/domain/documents/workshop-protocol';
import type { DocumentHandle } from '../src/lib/sync/open-document';
import { NO_DURABILITY } from '../src/lib/sync/test-support';
import { Clock } from '../src/lib/state/clock.svelte';
import { protocolInput } from '../src/lib/state/handover/protocol-source';
import { NO_PHOTO_BLOBS } from '../src/lib/state/photos/test-support';
import { WorkshopWorkspace } from '../src/lib/state/workshop/workshop-workspace.svelte';
import { memoryDraftStore } from '../src/lib/state/workshop/draft-test-support';

const ARS = '033510006006';
const WORKSHOP = 'bench';

const handleOn = (doc: Y.Doc, awareness: Awareness): DocumentHandle => ({
	name: 'bench-document',
	doc,
	awareness,
	status: 'local',
	onStatus: () => () => {},
	...NO_DURABILITY,
	whenStored: async () => {},
	close: async () => {}
});

/** The generated day as the municipality page makes it (default options), mapped as the facilitator's page maps it. */
export async function generatedDayInput(seed: number): Promise<ProtocolInput> {
	const plan = generateWorkshopDay({ seed });
	const control = new Y.Doc();
	const board = new Y.Doc();
	writeWorkshopDay(plan, { control, board });
	// Each keeps a timer running until destroyed, which would keep the benchmark from ending.
	const controlAwareness = new Awareness(control);
	const boardAwareness = new Awareness(board);
	const workspace = new WorkshopWorkspace({
		ars: ARS,
		workshop: WORKSHOP,
		open: async (name) =>
			name === workshopControlDocName(ARS, WORKSHOP)
				? handleOn(control, controlAwareness)
				: handleOn(board, boardAwareness),
		role: async () => ({ kind: 'facilitator' }),
		clock: new Clock(async () => null),
		// The generated day has no photos: nothing to keep or fetch.
		photoBlobs: NO_PHOTO_BLOBS,
		// The protocol reveals nothing, and nobody types.
		admittedParticipants: async () => [],
		drafts: memoryDraftStore()
	});
	const loading = () =>
		workspace.measures === null ||
		[
			workspace.control.loading,
			workspace.cards?.loading,
			workspace.voting?.loading,
			workspace.matrix?.loading,
			workspace.measures.loading,
			workspace.notes?.loading,
			workspace.roster.loading
		].some(Boolean);
	// Read in an effect, as a page showing the workspace does: the documents open then.
	const stop = $effect.root(() => {
		$effect(() => {
			void loading();
		});
	});
	try {
		for (let waited = 0; loading(); waited += 10) {
			if (waited > 30_000) throw new Error('the generated day did not open within 30 s');
			await new Promise((resolve) => setTimeout(resolve, 10));
			flushSync();
		}
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- the protocol's time, not state
		const now = new Date(plan.nowMs);
		return protocolInput(workspace, { municipalityName: 'Musterstadt', now });
	} finally {
		stop();
		controlAwareness.destroy();
		boardAwareness.destroy();
	}
}
