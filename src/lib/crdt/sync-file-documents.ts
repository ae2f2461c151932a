// The documents inside a sync file (ADR 22): checked against their kind's schema (ADR 13) before
// anything is applied, compared with this device's copies for the preview, and written from this
// device's copies when saving. The envelope itself is domain/sync-file/sync-file-format.ts.

import * as Y from 'yjs';
import {
	decodeSyncFile,
	encodeSyncFile,
	type SyncFile,
	type SyncFileDocument,
	type SyncFilePhoto,
	type SyncFileRefusal
} from '../domain/sync-file/sync-file-format';
import { sameBytes } from '../domain/photos/photo-file';
import { snapshotCovers } from './durable-snapshot';
import { readProfile } from './profile-doc';
import { readRoundTitle } from './check-round-doc';
import { readWorkshopInfo } from './workshop-doc';
import { ROOT_KEYS } from './schema';
import { schemaForDocument } from './schemas/all';
import { isValidRecord, recordsOf, type DocumentSchema } from './schemas/document-schema';
import { WORKSHOP_BOARD_SCHEMA } from './schemas/workshop';

/** Every root some document kind declares: one of them in a document of another kind is misplaced. */
const KNOWN_ROOTS = new Set<string>(Object.values(ROOT_KEYS));

export interface PreviewDocument {
	name: string;
	/** The file holds something this device's copy lacks (items or deletions); true without a copy. */
	bringsNew: boolean;
	/** This device holds no copy of the document yet. */
	newHere: boolean;
}

/** A workshop or check round in the file, by its main document (control, shared). */
export interface PreviewSession {
	kind: 'workshop' | 'checkRound';
	/** `kommune/<ARS>/workshop/<id>` or `kommune/<ARS>/check/<id>`. */
	scope: string;
	id: string;
	title: string;
	date: string | null;
	/** Documents of the session in the file (board, private documents, respondents …). */
	documents: number;
	bringsNew: boolean;
}

export interface SyncFilePreview {
	ars: string;
	/** The municipality's name from the profile inside, null when the file holds no profile. */
	municipalityName: string | null;
	createdAt: number;
	appVersion: string;
	sessions: PreviewSession[];
	documents: PreviewDocument[];
	photos: number;
	/** Photos this device does not hold yet. */
	newPhotos: number;
	/** Nothing in the file is new here: reading it would change nothing. */
	nothingNew: boolean;
}

export interface SyncFileReading {
	file: SyncFile;
	preview: SyncFilePreview;
	/** The file's documents, decoded and checked; the caller destroys them when done. */
	docs: Map<string, Y.Doc>;
}

export type ReadResult =
	{ ok: true; value: SyncFileReading } | { ok: false; refusal: SyncFileRefusal };

export interface ReadOptions {
	/** Whether this device may write the document. */
	mayWrite: (name: string) => boolean;
	/**
	 * What this device's copy of the document holds (Y.snapshot: items and deletions), or null without
	 * a copy. Only the snapshot, so reading cannot change a document of the device.
	 */
	localSnapshot: (name: string) => Promise<Y.Snapshot | null>;
	/** Whether this device holds the photo's bytes. */
	hasPhoto: (sha256: string) => Promise<boolean>;
}

/**
 * Reads a sync file without changing anything: the decoded, checked documents and what they would
 * bring to this device, or the one reason the whole file is refused.
 */
export async function readSyncFile(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
	const decoded = await decodeSyncFile(bytes, {
		mayWrite: options.mayWrite,
		isKnownDocument: (name) => schemaForDocument(name) !== null,
		isBoard: (name) => schemaForDocument(name) === WORKSHOP_BOARD_SCHEMA
	});
	if (!decoded.ok) return decoded;
	const file = decoded.value;
	const docs = new Map<string, Y.Doc>();
	const refuse = (refusal: SyncFileRefusal): ReadResult => {
		for (const doc of docs.values()) doc.destroy();
		return { ok: false, refusal };
	};
	for (const entry of file.documents) {
		const checked = checkedDocument(entry);
		if (checked === null) return refuse('invalid_content');
		docs.set(entry.name, checked);
		const profile = schemaForDocument(entry.name)?.kind === 'profile' ? readProfile(checked) : null;
		if (profile !== null && profile.profile !== null && profile.profile.ars !== file.ars)
			return refuse('foreign_document');
	}
	const preview = await previewOf(file, docs, options);
	return { ok: true, value: { file, preview, docs } };
}

/**
 * The document the entry describes, or null when its update does not decode, depends on changes the
 * file does not hold, is not the declared state, holds another kind's root or a record its schema
 * rejects. Yjs throws on some malformed updates and accepts others silently, so each is checked.
 */
function checkedDocument(entry: SyncFileDocument): Y.Doc | null {
	const schema = schemaForDocument(entry.name);
	if (schema === null) return null;
	const doc = new Y.Doc();
	const fail = () => {
		doc.destroy();
		return null;
	};
	try {
		Y.applyUpdateV2(doc, entry.update);
	} catch {
		return fail();
	}
	if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return fail();
	if (!sameBytes(Y.encodeStateVector(doc), entry.stateVector)) return fail();
	return fitsSchema(doc, schema) ? doc : fail();
}

function fitsSchema(doc: Y.Doc, schema: DocumentSchema): boolean {
	const own = new Set<string>([
		ROOT_KEYS.meta,
		...Object.values(schema.records).map((k) => k.root)
	]);
	for (const [key, type] of doc.share) {
		const hasContent = type._map.size > 0 || type._start !== null;
		// Roots this app does not know are a newer app's data and are kept (ADR 13).
		if (hasContent && KNOWN_ROOTS.has(key) && !own.has(key)) return false;
	}
	try {
		for (const kind of Object.values(schema.records))
			for (const record of recordsOf(doc, kind).values())
				if (!isValidRecord(kind, record)) return false;
	} catch {
		// A root of another shared type than the schema's (a crafted file) makes reading it throw.
		return false;
	}
	return true;
}

async function previewOf(
	file: SyncFile,
	docs: ReadonlyMap<string, Y.Doc>,
	options: ReadOptions
): Promise<SyncFilePreview> {
	const documents: PreviewDocument[] = [];
	for (const [name, doc] of docs) {
		const local = await options.localSnapshot(name);
		documents.push({
			name,
			newHere: local === null,
			bringsNew: local === null || !snapshotCovers(local, doc)
		});
	}
	const sessions: PreviewSession[] = [];
	for (const [name, doc] of docs) {
		const kind = schemaForDocument(name)?.kind;
		const session = sessionOf(name);
		if (session === null) continue;
		if (kind === 'workshop-control' || kind === 'check-shared') {
			const info =
				kind === 'workshop-control'
					? readWorkshopInfo(doc)
					: { title: readRoundTitle(doc) ?? '', date: null };
			const under = documents.filter((d) => d.name.startsWith(`${session.scope}/`));
			sessions.push({
				...session,
				title: info?.title ?? '',
				date: info?.date ?? null,
				documents: under.length,
				bringsNew: under.some((d) => d.bringsNew)
			});
		}
	}
	sessions.sort((a, b) => a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title, 'de'));
	let newPhotos = 0;
	for (const photo of file.photos) if (!(await options.hasPhoto(photo.sha256))) newPhotos++;
	const profileDoc = [...docs].find(([name]) => schemaForDocument(name)?.kind === 'profile')?.[1];
	return {
		ars: file.ars,
		municipalityName: profileDoc ? (readProfile(profileDoc).profile?.name ?? null) : null,
		createdAt: file.createdAt,
		appVersion: file.appVersion,
		sessions,
		documents,
		photos: file.photos.length,
		newPhotos,
		nothingNew: newPhotos === 0 && documents.every((d) => !d.bringsNew)
	};
}

/** The workshop or round a document name belongs to (`kommune/<ARS>/<workshop|check>/<id>/…`). */
function sessionOf(name: string): Pick<PreviewSession, 'kind' | 'scope' | 'id'> | null {
	const match = /^([^/]+\/[^/]+)\/(workshop|check)\/([^/]+)\//.exec(name);
	const [, prefix, segment, id] = match ?? [];
	if (prefix === undefined || segment === undefined || id === undefined) return null;
	return {
		kind: segment === 'workshop' ? 'workshop' : 'checkRound',
		scope: `${prefix}/${segment}/${id}`,
		id
	};
}

/** One document of a file to be saved: its whole state (V2) and its state vector. */
export const syncFileDocument = (name: string, doc: Y.Doc): SyncFileDocument => ({
	name,
	update: Y.encodeStateAsUpdateV2(doc),
	stateVector: Y.encodeStateVector(doc)
});

/** A file of the given documents and photos, documents sorted by name (stable files for equal input). */
export function writeSyncFile(input: {
	appVersion: string;
	createdAt: number;
	ars: string;
	documents: SyncFileDocument[];
	photos: SyncFilePhoto[];
}): Promise<Uint8Array> {
	const documents = [...input.documents].sort((a, b) => (a.name < b.name ? -1 : 1));
	return encodeSyncFile({ ...input, documents });
}

/** Merges a checked document of a file into the device's document: a CRDT merge, never a rewrite. */
export function mergeInto(target: Y.Doc, update: Uint8Array, origin?: unknown): void {
	Y.applyUpdateV2(target, update, origin);
}
