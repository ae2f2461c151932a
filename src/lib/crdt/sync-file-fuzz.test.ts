// Fuzzing the sync file reader (ADR 22): 10,000 files mutated as a failing USB stick, a half-finished
// copy or a person with a hex editor would, read by a device that holds the municipality. No file may
// crash the reader (only the typed refusal), hang it (each read is timed: over one second fails, a
// bound, not a speed goal), change a document of the device, or be accepted when it must be refused.
// Seeded: FUZZ_SEED=n replays a run.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { ROOT_KEYS } from './schema';
import { SYNC_FILE_LIMITS, SYNC_FILE_MAGIC } from '../domain/sync-file/sync-file-format';
import {
	fixtureFile,
	fixtureMunicipality,
	fixtureNames,
	FIXTURE_ARS,
	FIXTURE_TIME,
	resealed
} from './sync-file.fixture';
import {
	mergeInto,
	readSyncFile,
	syncFileDocument,
	writeSyncFile,
	type ReadOptions
} from './sync-file-documents';

const FILES = 10_000;
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const BOUND_MS = 1_000;

/** A length or count field of the file: where it is, how wide, and the largest value it may hold. */
interface LengthField {
	at: number;
	width: 2 | 4;
	limit: number;
}

/** The file's length and count fields, found by walking the layout of docs/sync-file-format.md. */
function lengthFields(file: Uint8Array): LengthField[] {
	const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
	const fields: LengthField[] = [];
	let at = SYNC_FILE_MAGIC.length + 2;
	const string = (limit: number) => {
		fields.push({ at, width: 2, limit });
		at += 2 + view.getUint16(at);
	};
	const sized = (limit: number) => {
		fields.push({ at, width: 4, limit });
		at += 4 + view.getUint32(at);
	};
	const count = (limit: number) => {
		fields.push({ at, width: 4, limit });
		at += 4;
		return view.getUint32(at - 4);
	};
	string(SYNC_FILE_LIMITS.stringBytes);
	at += 8;
	string(SYNC_FILE_LIMITS.stringBytes);
	const documents = count(SYNC_FILE_LIMITS.documents);
	for (let i = 0; i < documents; i++) {
		string(SYNC_FILE_LIMITS.nameBytes);
		sized(SYNC_FILE_LIMITS.updateBytes);
		sized(SYNC_FILE_LIMITS.stateVectorBytes);
	}
	const photos = count(SYNC_FILE_LIMITS.photos);
	for (let i = 0; i < photos; i++) {
		at += 32 + 4;
		string(SYNC_FILE_LIMITS.stringBytes);
		sized(SYNC_FILE_LIMITS.photoBytes);
	}
	return fields;
}

function readField(file: Uint8Array, field: LengthField): number {
	const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
	return field.width === 2 ? view.getUint16(field.at) : view.getUint32(field.at);
}

function writeField(file: Uint8Array, field: LengthField, value: number): void {
	const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
	if (field.width === 2) view.setUint16(field.at, value);
	else view.setUint32(field.at, value);
}

/** Seeded choices (pure-rand directly: the crdt layer may not import the demo layer's helpers). */
function seededRandom(seed: number) {
	const rng = xoroshiro128plus(seed);
	const int = (min: number, max: number) => uniformInt(rng, min, max);
	return {
		int,
		chance: (probability: number) => int(0, 999_999) < probability * 1_000_000,
		pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!
	};
}

type Expected =
	/** Must be refused, for any reason. */
	| { refused: true; because?: string }
	/** May be read (a change made by hand that still makes a valid file), but must not crash or hang. */
	| { refused: false };

interface Mutation {
	kind: string;
	bytes: Uint8Array;
	expected: Expected;
}

describe('the sync file reader under 10,000 mutated files', () => {
	it('refuses every damaged file with its typed refusal, never crashes, never hangs and changes nothing', async () => {
		const original = await fixtureFile();
		const fields = lengthFields(original);
		const { docs } = await fixtureMunicipality();
		const entries = [...docs].map(([name, doc]) => syncFileDocument(name, doc));
		// Every pair of documents of different kinds with their contents swapped: names stay, content moves.
		const swapped: Uint8Array[] = [];
		for (let a = 0; a < entries.length; a++)
			for (let b = a + 1; b < entries.length; b++) {
				const documents = entries.map((entry, i) =>
					i === a
						? { ...entries[b]!, name: entry.name }
						: i === b
							? { ...entries[a]!, name: entry.name }
							: entry
				);
				swapped.push(
					await writeSyncFile({
						appVersion: 'fuzz',
						createdAt: FIXTURE_TIME,
						ars: FIXTURE_ARS,
						documents,
						photos: []
					})
				);
			}

		// The device holds the municipality as it was, and has written one more card since.
		const held = new Map([...docs].map(([name, doc]) => [name, copyOf(doc)]));
		held.get(fixtureNames.board)!.getMap(ROOT_KEYS.cards).set('local1/text', 'Hier geschrieben');
		const options: ReadOptions = {
			mayWrite: () => true,
			localSnapshot: async (name) => {
				const doc = held.get(name);
				return doc === undefined ? null : Y.snapshot(doc);
			},
			hasPhoto: async () => true
		};
		const state = () => new Map([...held].map(([n, d]) => [n, Y.encodeStateAsUpdateV2(d)]));

		const random = seededRandom(SEED);
		const mutate = async (): Promise<Mutation> => {
			const bytes = original.slice();
			switch (random.int(0, 7)) {
				case 0: {
					const flips = random.int(1, 8);
					for (let i = 0; i < flips; i++)
						bytes[random.int(0, bytes.length - 1)]! ^= 1 << random.int(0, 7);
					return { kind: 'bit flips', bytes, expected: { refused: true } };
				}
				case 1:
					return {
						kind: 'truncation',
						bytes: bytes.slice(0, random.int(0, bytes.length - 1)),
						expected: { refused: true }
					};
				case 2: {
					const field = random.pick(fields);
					const grown = readField(bytes, field) + random.int(1, 1_000);
					writeField(bytes, field, Math.min(grown, field.width === 2 ? 0xffff : 0xffffffff));
					return {
						kind: 'grown length field',
						bytes: random.chance(0.5) ? await resealed(bytes) : bytes,
						expected: { refused: true }
					};
				}
				case 3: {
					const version = random.chance(0.1) ? 0 : random.int(2, 0xffff);
					new DataView(bytes.buffer).setUint16(SYNC_FILE_MAGIC.length, version);
					return {
						kind: 'wrong version',
						bytes: await resealed(bytes),
						expected: { refused: true, because: version === 0 ? 'damaged' : 'newer_format' }
					};
				}
				case 4: {
					const field = random.pick(fields);
					const max = field.width === 2 ? 0xffff : 0xffffffff;
					writeField(bytes, field, random.int(field.limit + 1, max));
					return {
						kind: 'huge declared size',
						bytes: random.chance(0.5) ? await resealed(bytes) : bytes,
						expected: { refused: true, because: 'too_large' }
					};
				}
				case 5:
					return {
						kind: 'swapped documents',
						bytes: random.pick(swapped),
						expected: { refused: true, because: 'invalid_content' }
					};
				case 6: {
					// A hand-made change with the checksum computed anew: inside an update it may still be a
					// valid document, which is then read like any other; it must never crash or hang.
					const flips = random.int(1, 4);
					for (let i = 0; i < flips; i++)
						bytes[random.int(0, bytes.length - 33)]! ^= 1 << random.int(0, 7);
					return {
						kind: 'resealed bit flips',
						bytes: await resealed(bytes),
						expected: { refused: false }
					};
				}
				default: {
					const cut = random.int(SYNC_FILE_MAGIC.length + 2, bytes.length - 33);
					return {
						kind: 'resealed truncation',
						bytes: await resealed(bytes.slice(0, cut)),
						expected: { refused: true }
					};
				}
			}
		};

		const before = state();
		const crashes: string[] = [];
		const hangs: string[] = [];
		const wronglyAccepted: string[] = [];
		const wrongReason: string[] = [];
		const tally = new Map<string, number>();
		let slowest = 0;
		let total = 0;
		for (let i = 0; i < FILES; i++) {
			const mutation = await mutate();
			const started = performance.now();
			let outcome: string;
			try {
				const read = await readSyncFile(mutation.bytes, options);
				outcome = read.ok ? 'accepted' : read.refusal;
				if (read.ok) {
					for (const doc of read.value.docs.values()) doc.destroy();
					// Merged into a scratch copy only: an accepted hand-made file is not this test's subject.
					for (const entry of read.value.file.documents)
						mergeInto(copyOf(held.get(entry.name) ?? new Y.Doc()), entry.update);
				}
			} catch (error) {
				outcome = 'crash';
				crashes.push(`#${i} ${mutation.kind}: ${String(error)}`);
			}
			const took = performance.now() - started;
			slowest = Math.max(slowest, took);
			total += took;
			if (took > BOUND_MS) hangs.push(`#${i} ${mutation.kind}: ${Math.round(took)} ms`);
			const { expected } = mutation;
			if (expected.refused && outcome === 'accepted')
				wronglyAccepted.push(`#${i} ${mutation.kind}`);
			if (expected.refused && expected.because && outcome !== expected.because)
				wrongReason.push(`#${i} ${mutation.kind}: ${outcome}, expected ${expected.because}`);
			const key = `${mutation.kind} → ${outcome}`;
			tally.set(key, (tally.get(key) ?? 0) + 1);
		}

		// Reading never writes, so a change would stay: comparing once at the end finds any.
		const after = state();
		const changed = [...before].filter(([name, bytes]) => !sameState(bytes, after.get(name)));
		console.info(
			`sync file fuzz (seed ${SEED}): ${FILES} files of about ${original.length} bytes, slowest read ${slowest.toFixed(1)} ms, all reads ${Math.round(total)} ms\n` +
				[...tally]
					.sort()
					.map(([key, n]) => `  ${key}: ${n}`)
					.join('\n')
		);
		expect(crashes).toEqual([]);
		expect(hangs).toEqual([]);
		expect(wronglyAccepted).toEqual([]);
		expect(wrongReason).toEqual([]);
		expect(changed.map(([name]) => name)).toEqual([]);
		// Every kind of mutation was tried.
		expect(new Set([...tally.keys()].map((key) => key.split(' → ')[0])).size).toBe(8);
	}, 120_000);
});

function copyOf(doc: Y.Doc): Y.Doc {
	const copy = new Y.Doc();
	Y.applyUpdateV2(copy, Y.encodeStateAsUpdateV2(doc));
	return copy;
}

function sameState(a: Uint8Array, b: Uint8Array | undefined): boolean {
	return b !== undefined && a.length === b.length && a.every((byte, i) => byte === b[i]);
}
