// The local Dexie database: what is local or derived (ADR 2). Projections here are rebuildable
// from the Yjs documents; anything another device needs lives in a document, never only here.

import { Dexie, type EntityTable } from 'dexie';
import type { ErrorCode } from '../contract/protocol';
import type { KommuneType } from '../domain/kommune-type';

export const DB_NAME = 'kommunalwerkstatt';

/** The start-page list: one row per municipality profile document on this device. */
export interface KommuneRow {
	ars: string;
	name: string;
	type: KommuneType;
	landkreis: string | null;
	population: number;
	/** When this device last saw the profile change (ms since the epoch). */
	updatedAt: number;
}

/** Sync bookkeeping per Yjs document name (ms since the epoch; null = never). */
export interface DocumentRow {
	name: string;
	lastOpenedAt: number | null;
	lastLocalChangeAt: number | null;
	/** When the document last became connected to (authenticated and synced with) the sync server. */
	lastConnectedAt: number | null;
}

/** A workshop or check round of a municipality on this device: the list on its page (a projection). */
export interface SessionRow {
	/** The document-name prefix: `kommune/<ARS>/workshop/<id>` or `kommune/<ARS>/check/<id>`. */
	scope: string;
	ars: string;
	kind: 'workshop' | 'checkRound';
	id: string;
	title: string;
	/** ISO date (workshops) or null. */
	date: string | null;
	createdAt: number;
}

/**
 * What a device that joined with a code keeps: its token and what the join page showed. Local by nature
 * (a token belongs to this device), so Dexie-only. One row per scope it joined.
 */
export interface CredentialRow {
	/** The document-name prefix the credential is for (a workshop or a check round). */
	scope: string;
	token: string;
	/** Document-name patterns the token covers (from the server's answer, for choosing a token). */
	docs: string[];
	expiresAt: number;
	kind: 'teilnahme' | 'ansicht' | 'co-moderation' | 'respondent' | 'device-link';
	role: 'moderation' | 'teilnahme' | 'ansicht' | 'respondent';
	sub: string;
	deviceId: string;
	ars: string;
	workshop: string | null;
	round: string | null;
	respondent: string | null;
	label: string;
	displayName: string;
	joinedAt: number;
	/** Set when the server said this device was removed; the token is then never sent again. */
	revokedAt: number | null;
}

/** Where a copy of a document can be durably stored besides this device. */
export const SYNC_PLACES = ['laptop', 'central'] as const;
export type SyncPlace = (typeof SYNC_PLACES)[number];

/**
 * The last durable acknowledgement a server sent for a document (ADR 10): the snapshot of the
 * state it wrote to its database. Only this makes a document "gesichert" there, and only a snapshot
 * that covers the device's state permits deleting the local copy.
 */
export interface DurableStateRow {
	name: string;
	place: SyncPlace;
	/** Y.encodeSnapshotV2 of the stored state. */
	snapshot: Uint8Array;
	/** When the server finished the write (its clock). */
	storedAt: number;
	/**
	 * When this device received it while the snapshot covered its whole state (its clock); null if it
	 * did not. A document not changed here since then needs no new upload.
	 */
	coveredAt: number | null;
}

/**
 * A photo's cleaned bytes on this device (ADR 20), kept until its workshop goes: a photo taken without
 * a server waits here and is uploaded later. `board` is the workshop board whose record names it (the
 * document the upload is authorised by); `laptopAt` and `centralAt` say when a server took it.
 */
export interface BlobRow {
	sha256: string;
	board: string;
	mediaType: string;
	bytes: Uint8Array;
	createdAt: number;
	laptopAt: number | null;
	centralAt: number | null;
	/**
	 * Set when the laptop refused the photo for good (its bytes or the board): it is not offered again
	 * and stays on this device only. `code` is the server's reason; null for a refusal recorded before
	 * reasons were kept (version 5).
	 */
	laptopRefusal: BlobRefusal | null;
}

export interface BlobRefusal {
	at: number;
	code: ErrorCode | null;
}

export interface SettingRow {
	key: string;
	value: unknown;
}

export type KommunalwerkstattDb = Dexie & {
	kommunen: EntityTable<KommuneRow, 'ars'>;
	documents: EntityTable<DocumentRow, 'name'>;
	settings: EntityTable<SettingRow, 'key'>;
	sessions: EntityTable<SessionRow, 'scope'>;
	credentials: EntityTable<CredentialRow, 'scope'>;
	durableStates: Dexie.Table<DurableStateRow, [string, SyncPlace]>;
	blobs: EntityTable<BlobRow, 'sha256'>;
};

/**
 * The version history. Blocks are APPEND-ONLY: a browser that opened an earlier version upgrades
 * through every later block, so an edited block would leave existing devices with a schema the code
 * no longer describes. Change the schema by appending `db.version(n + 1)` (with an `.upgrade()` when
 * rows must be rewritten), then update the snapshot as described in db-schema.test.ts.
 */
export function declareVersions(db: Pick<Dexie, 'version'>): void {
	db.version(1).stores({
		kommunen: 'ars, name',
		documents: 'name, lastOpenedAt',
		settings: 'key'
	});
	db.version(2).stores({
		sessions: 'scope, ars',
		credentials: 'scope, deviceId'
	});
	db.version(3).stores({
		durableStates: '[name+place], name'
	});
	db.version(4).stores({
		blobs: 'sha256, board'
	});
	// A refusal was written as `laptopAt: -1` until version 4; it becomes a refusal of its own, so
	// `laptopAt` only ever means the laptop has the photo.
	db.version(5)
		.stores({ blobs: 'sha256, board' })
		.upgrade((tx) =>
			tx
				.table<BlobRow>('blobs')
				.toCollection()
				.modify((row) => {
					const refused = row.laptopAt === -1;
					row.laptopRefusal = refused ? { at: row.createdAt, code: null } : null;
					if (refused) row.laptopAt = null;
				})
		);
}

/** Opens (lazily, on first use) the database; tests pass their own name. */
export function openDatabase(name: string = DB_NAME): KommunalwerkstattDb {
	const db = new Dexie(name) as KommunalwerkstattDb;
	declareVersions(db);
	return db;
}
