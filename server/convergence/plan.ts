// What one seeded run of the convergence harness does, decided up front from its seed alone: how many
// devices, which device edits what and when, when a device loses the network, comes back or restarts,
// and where the server is killed. Which entry a deletion removes is decided during the run (among the
// entries that device sees then), from a number drawn here.
import { Random, seededGenerator } from '../../src/lib/demo/seeded-random';

export type EditKind =
	'mapSet' | 'mapDelete' | 'arrayInsert' | 'arrayDelete' | 'textInsert' | 'textDelete';

export type Step =
	| { type: 'edit'; kind: EditKind; device: number; pick: number; pauseMs: number }
	| { type: 'offline'; device: number; pauseMs: number }
	| { type: 'online'; device: number; pauseMs: number }
	| { type: 'restart'; device: number; compact: boolean; pauseMs: number };

export type EditStep = Extract<Step, { type: 'edit' }>;

export interface Kill {
	/**
	 * Edits by online devices, made at once after the server has stored everything before them, so
	 * the kill finds all of them applied in its memory and none of them stored.
	 */
	burst: EditStep[];
	/** The online device whose marker edit comes last: the database must not have it at the kill. */
	probeDevice: number;
}

export interface Plan {
	seed: number;
	devices: number;
	/**
	 * The steps between server kills: segment k is played before kill k, the last segment after the
	 * last kill. Every device is online at the end of the last segment.
	 */
	segments: Step[][];
	kills: Kill[];
	/**
	 * The device that is sure to go offline, edit there, restart there and come back (others may do
	 * some of that by chance).
	 */
	offlineDevice: number;
	/**
	 * Per device, how many tabs have the document open: two on the offline device, whose offline edits
	 * then meet in its other tab through the tab relay alone; one elsewhere.
	 */
	tabs: number[];
}

export const PLAN_LIMITS = {
	minDevices: 3,
	maxDevices: 4,
	minEdits: 50,
	maxEdits: 64,
	kills: 2,
	/** Edits the chosen device makes while offline, at least. */
	offlineEdits: 3
} as const;

const EDIT_WEIGHTS: Readonly<Record<EditKind, number>> = {
	mapSet: 3,
	mapDelete: 1,
	arrayInsert: 3,
	arrayDelete: 1,
	textInsert: 3,
	textDelete: 1
};

/** A step's chance of being preceded by a device going offline, coming back or restarting. */
const LIFECYCLE_CHANCE = 0.12;

export function makePlan(seed: number): Plan {
	const random = new Random(seededGenerator(seed));
	const devices = random.int(PLAN_LIMITS.minDevices, PLAN_LIMITS.maxDevices);
	const edits = random.int(PLAN_LIMITS.minEdits, PLAN_LIMITS.maxEdits);
	const online = Array.from({ length: devices }, () => true);
	const pause = () => (random.chance(0.5) ? 0 : random.int(1, 30));

	// Kills after roughly a third and two thirds of the edits.
	const third = Math.floor(edits / 3);
	const killsAfter = [third + random.int(-4, 4), 2 * third + random.int(-4, 4)];
	// The offline episode starts in the first half and ends some edits later, possibly after a kill; its
	// first edits are the offline device's own, then the device restarts (still offline).
	const offlineDevice = random.int(0, devices - 1);
	const offlineFrom = random.int(3, Math.floor(edits / 2));
	const offlineUntil = offlineFrom + random.int(PLAN_LIMITS.offlineEdits + 2, 20);

	const segments: Step[][] = [[]];
	const kills: Kill[] = [];
	let segment = segments[0]!;
	const edit = (device: number, pauseMs: number): EditStep => ({
		type: 'edit',
		kind: random.weighted(EDIT_WEIGHTS),
		device,
		pick: random.int(0, 2 ** 30),
		pauseMs
	});

	for (let made = 0; made < edits; made++) {
		if (made === offlineFrom && online[offlineDevice]) {
			online[offlineDevice] = false;
			segment.push({ type: 'offline', device: offlineDevice, pauseMs: pause() });
		}
		if (made === offlineUntil && !online[offlineDevice]) {
			online[offlineDevice] = true;
			segment.push({ type: 'online', device: offlineDevice, pauseMs: pause() });
		}
		const inEpisode = made >= offlineFrom && made < offlineUntil;

		if (random.chance(LIFECYCLE_CHANCE)) {
			const device = random.int(0, devices - 1);
			// The episode's device is left alone, so it surely edits offline and then comes back.
			if (!(inEpisode && device === offlineDevice)) {
				if (random.chance(0.4)) {
					segment.push({ type: 'restart', device, compact: random.chance(0.5), pauseMs: pause() });
				} else {
					online[device] = !online[device];
					const type = online[device] ? 'online' : 'offline';
					segment.push({ type, device, pauseMs: pause() });
				}
			}
		}

		const forced = made >= offlineFrom && made < offlineFrom + PLAN_LIMITS.offlineEdits;
		segment.push(edit(forced ? offlineDevice : random.int(0, devices - 1), pause()));
		// Reloaded while still offline: its offline edits must come back from its own storage.
		if (made === offlineFrom + PLAN_LIMITS.offlineEdits - 1) {
			const compact = random.chance(0.5);
			segment.push({ type: 'restart', device: offlineDevice, compact, pauseMs: pause() });
		}

		if (killsAfter.includes(made + 1) && kills.length < PLAN_LIMITS.kills) {
			// Someone must be online to make the edit the kill has to catch unstored.
			const candidates = online.flatMap((isOnline, d) => (isOnline ? [d] : []));
			if (candidates.length === 0) {
				let device = random.int(0, devices - 1);
				if (inEpisode && device === offlineDevice) device = (device + 1) % devices;
				online[device] = true;
				segment.push({ type: 'online', device, pauseMs: 0 });
				candidates.push(device);
			}
			const burst = Array.from({ length: random.int(2, 6) }, () =>
				edit(random.pick(candidates), 0)
			);
			kills.push({ burst, probeDevice: random.pick(candidates) });
			segment = [];
			segments.push(segment);
		}
	}
	for (let device = 0; device < devices; device++) {
		if (online[device]) continue;
		online[device] = true;
		segment.push({ type: 'online', device, pauseMs: pause() });
	}
	const tabs = Array.from({ length: devices }, (_, device) => (device === offlineDevice ? 2 : 1));
	return { seed, devices, segments, kills, offlineDevice, tabs };
}

/** How many edits a plan makes (the marker edit before each kill comes on top). */
export function editCount(plan: Plan): number {
	const inSegments = plan.segments.flat().filter((step) => step.type === 'edit').length;
	return inSegments + plan.kills.reduce((sum, kill) => sum + kill.burst.length, 0);
}
