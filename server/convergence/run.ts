// One seeded run of the convergence harness: its devices (each the client's document engine with its own
// IndexedDB, device.ts), a model of what the document must hold at the end, and the checks. The batch (harness.ts) decides when the server dies;
// a run plays its plan's steps, gets ready for each kill, makes the edits the kill must find unstored,
// and judges the database afterwards.
//
// Every edit adds something uniquely named (a map key, an array item, a text token) or removes
// something a device sees at that moment. Names are never reused, so the end state is known without
// caring about the order in which concurrent edits met: everything added and not removed is there,
// exactly once, and nothing else.
import { setTimeout as delay } from 'node:timers/promises';
import * as Y from 'yjs';
import { encodeDocumentSnapshot, snapshotContains } from '../../src/lib/crdt/durable-snapshot';
import type { StoredDocument } from '../storage/document-store';
import { compare, contentOf, type Content } from './content';
import { Device } from './device';
import type { EditKind, Plan, Step } from './plan';

export const documentNameFor = (seed: number): string =>
	`kommune/032410001001/workshop/soak-${seed}/board`;

export interface RunStats {
	devices: number;
	/** Edits made by devices, including the bursts before kills and the marker edits. */
	edits: number;
	/** Edits made while the device had no connection. */
	offlineEdits: number;
	disconnects: number;
	restarts: number;
	/** Restarts while offline: the document came back from the device's IndexedDB alone. */
	offlineRestarts: number;
	/** Kills the run made kill edits for (it lives through more: those of other runs of its batch). */
	kills: number;
	/** Kills that found the run's newest edits applied in the server's memory but not yet stored. */
	killsInWindow: number;
	/**
	 * States the devices' engine called stored on the server ("gesichert", after a durable
	 * acknowledgement); each was checked against the database.
	 */
	claims: number;
}

const TOKEN = /<\d+>/g;
const POLL_MS = 15;
const RELAY_TIMEOUT_MS = 5_000;

export class Run {
	readonly plan: Plan;
	readonly documentName: string;
	readonly devices: Device[];
	/** Per device, the snapshots its engine called stored on the server, across its restarts. */
	readonly claims: Uint8Array[][];
	readonly stats: RunStats;
	failure: string | null = null;

	/** What must be in the document: map key → value; array items; text tokens. */
	readonly #expected = {
		map: new Map<string, string>(),
		array: new Set<string>(),
		text: new Set<string>()
	};
	#nextName = 0;
	#probe: { device: Device; key: string } | null = null;
	#converged: { content: Content; stateVector: Uint8Array } | null = null;

	constructor(plan: Plan, url: string, tokens: readonly string[]) {
		this.plan = plan;
		this.documentName = documentNameFor(plan.seed);
		this.claims = tokens.map(() => []);
		this.devices = tokens.map(
			(token, i) =>
				new Device({
					url,
					documentName: this.documentName,
					token,
					tabs: plan.tabs[i] ?? 1,
					claims: this.claims[i]!
				})
		);
		this.stats = {
			devices: tokens.length,
			edits: 0,
			offlineEdits: 0,
			disconnects: 0,
			restarts: 0,
			offlineRestarts: 0,
			kills: 0,
			killsInWindow: 0,
			claims: 0
		};
	}

	get seed(): number {
		return this.plan.seed;
	}

	/** Every device opens the document in its tabs, online. */
	async start(): Promise<void> {
		await Promise.all(this.devices.map((device) => device.open()));
	}

	/** Runs `work`; a throw marks the run failed with the stage's name and ends its devices. */
	async guard(stage: string, work: () => unknown): Promise<void> {
		if (this.failure) return;
		try {
			await work();
		} catch (error) {
			this.fail(`${stage}: ${error instanceof Error ? error.message : String(error)}`);
		}
	}

	fail(reason: string): void {
		this.failure ??= reason;
		void this.destroy();
	}

	async destroy(): Promise<void> {
		await Promise.all(this.devices.map((device) => device.destroy()));
	}

	async playSegment(index: number): Promise<void> {
		for (const step of this.plan.segments[index] ?? []) {
			if (this.failure) return;
			if (step.pauseMs > 0) await delay(step.pauseMs);
			await this.#play(step);
		}
	}

	/**
	 * Ready for a kill: every online device is in sync with the server, and the server has stored
	 * everything each of them holds (each tab's durability says so, as its page would say
	 * "gesichert"). So the store debounce starts afresh with the next edit.
	 */
	async settle(timeoutMs: number): Promise<void> {
		// The plan leaves a device online before each planned kill; an extra kill may find none.
		if (!this.devices.some((device) => device.online)) this.#probeDevice().goOnline();
		await this.#until(
			() => this.devices.every((device) => !device.online || (device.settled && device.stored)),
			timeoutMs,
			'every online device in sync and stored',
			() => this.#describeDevices()
		);
	}

	/**
	 * The edits the kill must find in the server's memory but not in its database: the plan's burst,
	 * then a marker entry (its absence from the database proves the kill came before the store).
	 */
	probe(kill: number): void {
		const planned = this.plan.kills[kill];
		for (const step of planned?.burst ?? []) void this.#play(step);
		const device = planned ? this.devices[planned.probeDevice]! : this.#probeDevice();
		const key = `probe${kill}`;
		device.doc().getMap('entries').set(key, 'marker');
		this.#expected.map.set(key, 'marker');
		this.stats.edits += 1;
		this.#probe = { device, key };
	}

	/**
	 * Whether the server has applied every kill edit of the online devices in memory (their sync status
	 * said so), the marker's above all.
	 */
	async probeApplied(timeoutMs: number): Promise<boolean> {
		const marker = this.#probe?.device;
		if (!marker?.online) return false;
		try {
			await this.#until(
				() => this.devices.every((device) => !device.online || device.settled),
				timeoutMs,
				'',
				() => '',
				// Every millisecond here is one less inside the window.
				2
			);
			return true;
		} catch {
			return false;
		}
	}

	/**
	 * After a kill: every state any device showed as stored is contained in the database, and the
	 * stored state vector is that of the stored state. For a run that made kill edits (`probeApplied`
	 * not null): if the server had applied them and the marker is not stored, the kill landed inside
	 * the store debounce window.
	 */
	checkAtKill(stored: StoredDocument | null, probeApplied: boolean | null): void {
		const storedDoc = this.#checkStored(stored);
		if (probeApplied === null) return;
		this.stats.kills += 1;
		const probe = this.#probe;
		this.#probe = null;
		if (probeApplied && probe && !storedDoc.getMap('entries').has(probe.key)) {
			this.stats.killsInWindow += 1;
		}
	}

	/**
	 * All devices online; waits until they hold the same state, the server has stored it (each device's
	 * durability says so), and checks the content against the model.
	 */
	async converge(timeoutMs: number): Promise<void> {
		for (const device of this.devices) device.goOnline();
		await this.#until(
			() => {
				if (!this.devices.every((device) => device.settled)) return false;
				const [first, ...others] = this.devices.flatMap((device) => device.fingerprints);
				return first !== undefined && others.every((fingerprint) => fingerprint === first);
			},
			timeoutMs,
			'all devices converged',
			() => this.#describeDevices()
		);
		await this.#until(
			() => this.devices.every((device) => device.stored),
			timeoutMs,
			'the converged state acknowledged as stored',
			() => this.#describeDevices()
		);
		const doc = this.devices[0]!.doc();
		const content = contentOf(doc);
		const problems = this.#compareWithModel(content);
		if (problems.length > 0) throw new Error(`the converged document ${problems.join('; ')}`);
		this.#converged = { content, stateVector: Y.encodeStateVector(doc) };
	}

	/** After the final kill: the database holds exactly the converged state, and every claimed one. */
	checkFinalStore(stored: StoredDocument | null): void {
		const converged = this.#converged;
		if (!converged) throw new Error('the run did not converge');
		const storedDoc = this.#checkStored(stored);
		if (!equalBytes(Y.encodeStateVector(storedDoc), converged.stateVector)) {
			throw new Error('the database holds another state than the devices converged on');
		}
		const problems = this.#compareWithModel(contentOf(storedDoc));
		if (problems.length > 0) throw new Error(`the stored document ${problems.join('; ')}`);
	}

	/** A device with empty IndexedDB, after the restart, gets exactly the converged content. */
	async checkFreshLoad(url: string, token: string, timeoutMs: number): Promise<void> {
		const converged = this.#converged;
		if (!converged) throw new Error('the run did not converge');
		const reader = new Device({
			url,
			documentName: this.documentName,
			token,
			tabs: 1,
			claims: []
		});
		try {
			await reader.open();
			await this.#until(
				() => reader.settled,
				timeoutMs,
				'a new device synced',
				() => `refusals ${reader.refusals.join(',')}`
			);
			const content = contentOf(reader.doc());
			if (JSON.stringify(content) !== JSON.stringify(converged.content)) {
				const problems = this.#compareWithModel(content);
				throw new Error(
					`a new device got other content than was stored: ${problems.join('; ') || 'same entries, other order'}`
				);
			}
		} finally {
			await reader.destroy();
		}
	}

	/** An online device, or the last planned kill's probe device if none is online. */
	#probeDevice(): Device {
		const online = this.devices.find((device) => device.online);
		return online ?? this.devices[this.plan.kills.at(-1)?.probeDevice ?? 0]!;
	}

	/** Plays a step; only a restart takes time (the tabs close and open again). */
	async #play(step: Step): Promise<void> {
		const device = this.devices[step.device]!;
		switch (step.type) {
			case 'edit':
				if (!device.online) this.stats.offlineEdits += 1;
				this.stats.edits += 1;
				// Which tab: from bits of `pick` that the edit's own choice (pick modulo a size) barely uses.
				this.#edit(device.doc(Math.floor(step.pick / 1024)), step.kind, step.pick);
				break;
			case 'offline':
				if (device.online) this.stats.disconnects += 1;
				device.goOffline();
				break;
			case 'online':
				// Offline, the device's tabs have only the tab relay between them (S4): they agree first.
				if (!device.online && device.tabCount > 1) {
					await this.#until(
						() => new Set(device.fingerprints).size === 1,
						RELAY_TIMEOUT_MS,
						`the tabs of offline device ${step.device} in agreement through the tab relay`,
						() => `${device.fingerprints.length} tabs`
					);
				}
				device.goOnline();
				break;
			case 'restart':
				this.stats.restarts += 1;
				if (!device.online) this.stats.offlineRestarts += 1;
				await device.restart(step.compact);
				break;
		}
	}

	#edit(doc: Y.Doc, kind: EditKind, pick: number): void {
		const n = this.#nextName++;
		const map = doc.getMap<string>('entries');
		const array = doc.getArray<string>('list');
		const text = doc.getText('text');
		switch (kind) {
			case 'mapDelete': {
				const keys = [...map.keys()].sort(compare);
				const key = keys[pick % Math.max(keys.length, 1)];
				if (key === undefined) break;
				map.delete(key);
				this.#expected.map.delete(key);
				return;
			}
			case 'arrayDelete': {
				if (array.length === 0) break;
				const index = pick % array.length;
				this.#expected.array.delete(array.get(index));
				array.delete(index, 1);
				return;
			}
			case 'textDelete': {
				const tokens = [...text.toString().matchAll(TOKEN)];
				const token = tokens[pick % Math.max(tokens.length, 1)];
				if (token === undefined) break;
				text.delete(token.index, token[0].length);
				this.#expected.text.delete(token[0]);
				return;
			}
			case 'mapSet':
			case 'arrayInsert':
			case 'textInsert':
				break;
		}
		// An addition, also in place of a removal that found nothing to remove.
		if (kind === 'mapSet' || kind === 'mapDelete') {
			map.set(`m${n}`, `v${n}`);
			this.#expected.map.set(`m${n}`, `v${n}`);
		} else if (kind === 'arrayInsert' || kind === 'arrayDelete') {
			array.insert(pick % (array.length + 1), [`a${n}`]);
			this.#expected.array.add(`a${n}`);
		} else {
			// Only between tokens, so a token stays whole and can be found and removed later.
			const tokens = [...text.toString().matchAll(TOKEN)];
			const boundaries = [0, ...tokens.map((token) => token.index + token[0].length)];
			text.insert(boundaries[pick % boundaries.length]!, `<${n}>`);
			this.#expected.text.add(`<${n}>`);
		}
	}

	/**
	 * Decodes the stored document and checks the stored state vector, and that it contains every state
	 * the devices' engine called stored.
	 */
	#checkStored(stored: StoredDocument | null): Y.Doc {
		const doc = new Y.Doc();
		if (stored) {
			Y.applyUpdateV2(doc, stored.state);
			if (!equalBytes(stored.stateVector, Y.encodeStateVector(doc))) {
				throw new Error('the stored state vector is not that of the stored state');
			}
		}
		const snapshot = encodeDocumentSnapshot(doc);
		let claims = 0;
		for (const [device, claimed] of this.claims.entries()) {
			for (const [index, state] of claimed.entries()) {
				claims += 1;
				if (!snapshotContains(snapshot, state)) {
					throw new Error(
						`device ${device} showed a state as stored on the server (its claim ${index + 1} of ${claimed.length}) that the database does not contain`
					);
				}
			}
		}
		this.stats.claims = claims;
		return doc;
	}

	#compareWithModel(content: Content): string[] {
		const problems: string[] = [];
		const expectedMap = [...this.#expected.map.entries()].sort(([a], [b]) => compare(a, b));
		const entry = ([key, value]: [string, unknown]) => `${key}=${String(value)}`;
		diff('map entries', expectedMap.map(entry), content.map.map(entry), problems);
		diff('array items', [...this.#expected.array], content.array.map(String), problems);
		const tokens = content.text.match(TOKEN) ?? [];
		if (tokens.join('') !== content.text) problems.push('has a text with broken tokens');
		diff('text tokens', [...this.#expected.text], tokens, problems);
		return problems;
	}

	#describeDevices(): string {
		return this.devices
			.map((device, i) => {
				const state = device.online ? (device.settled ? 'settled' : 'unsettled') : 'offline';
				const claims = this.claims[i]!.length;
				const refused = device.refusals.length > 0 ? ` refused ${device.refusals.join(',')}` : '';
				return `device ${i} ${state}, ${device.stored ? '' : 'not '}stored, ${claims} stored states claimed${refused}`;
			})
			.join('; ');
	}

	async #until(
		done: () => boolean,
		timeoutMs: number,
		what: string,
		describe: () => string,
		pollMs = POLL_MS
	): Promise<void> {
		const deadline = performance.now() + timeoutMs;
		while (!done()) {
			if (this.failure) throw new Error(this.failure);
			if (performance.now() > deadline) {
				throw new Error(`not ${what} within ${timeoutMs} ms (${describe()})`);
			}
			await delay(pollMs);
		}
	}
}

/** Missing and unexpected entries (items that appear twice count as unexpected). */
function diff(what: string, expected: string[], actual: string[], problems: string[]): void {
	const left = new Map<string, number>();
	for (const item of expected) left.set(item, (left.get(item) ?? 0) + 1);
	const unexpected: string[] = [];
	for (const item of actual) {
		const count = left.get(item) ?? 0;
		if (count === 0) unexpected.push(item);
		else left.set(item, count - 1);
	}
	const missing = [...left.entries()].filter(([, count]) => count > 0).map(([item]) => item);
	if (missing.length > 0) problems.push(`lacks ${what} ${sample(missing)}`);
	if (unexpected.length > 0) problems.push(`has unexpected ${what} ${sample(unexpected)}`);
}

function sample(items: string[]): string {
	const shown = items.slice(0, 5).join(', ');
	return items.length > 5 ? `${shown} and ${items.length - 5} more` : shown;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
