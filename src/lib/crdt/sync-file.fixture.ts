// A small municipality as a sync file's tests and fuzzing read it: a profile, a workshop
// (control, a board with three cards and one photo, one participant's private document) and a check round. Not imported
// by app code.

import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import {
	checkSharedDocName,
	profileDocName,
	workshopBoardDocName,
	workshopControlDocName,
	workshopPrivateDocName
} from '../domain/document-names';
import type { Ars } from '../domain/ars';
import type { SyncFilePhoto } from '../domain/sync-file/sync-file-format';
import { sha256, toHex } from '../util/sha256';
import { writeRoundTitle } from './check-round-doc';
import { writeProfile } from './profile-doc';
import { writeWorkshopInfo } from './workshop-doc';
import { syncFileDocument, writeSyncFile } from './sync-file-documents';
import { addPhoto } from './workshop-photos';
import { addCard } from './workshop-cards';
import { ROOT_KEYS } from './schema';

export const FIXTURE_ARS = '032410001001';
export const FIXTURE_WORKSHOP = 'ws1';
export const FIXTURE_ROUND = 'round1';
export const FIXTURE_TIME = Date.UTC(2026, 11, 7, 15, 0);
const BLOCK = 'block1';

/**
 * An 8×8 PNG a browser encoded, already clean (domain/photos/fixtures). Found from the project root,
 * where vitest runs: under the happy-dom test project `import.meta.url` is no file URL.
 */
export const FIXTURE_PHOTO_BYTES = new Uint8Array(
	readFileSync('src/lib/domain/photos/fixtures/pinboard.png')
);

export const fixtureNames = {
	profile: profileDocName(FIXTURE_ARS),
	control: workshopControlDocName(FIXTURE_ARS, FIXTURE_WORKSHOP),
	board: workshopBoardDocName(FIXTURE_ARS, FIXTURE_WORKSHOP),
	privateDoc: workshopPrivateDocName(FIXTURE_ARS, FIXTURE_WORKSHOP, 'p1'),
	round: checkSharedDocName(FIXTURE_ARS, FIXTURE_ROUND)
};

/** The municipality's documents, as the saving device holds them. */
export async function fixtureMunicipality(): Promise<{
	docs: Map<string, Y.Doc>;
	photo: SyncFilePhoto;
}> {
	const profile = new Y.Doc();
	writeProfile(
		profile,
		{
			ars: FIXTURE_ARS as Ars,
			name: 'Musterstadt',
			type: 'einheitsgemeinde',
			landkreis: 'Region Hannover',
			population: 12_345,
			coreStaff: null,
			itStaffFte: null,
			itOperatingModel: null
		},
		{ now: FIXTURE_TIME }
	);
	const control = new Y.Doc();
	writeWorkshopInfo(control, { title: 'Zukunftswerkstatt', date: '2026-12-07' }, FIXTURE_TIME);
	// A handful of cards: small enough that fuzzing reads ten thousand variants in seconds.
	const board = new Y.Doc();
	const card = (id: string, text: string, authorId: string) => ({
		id,
		blockId: BLOCK,
		authorId,
		text,
		order: `a${id.length}`,
		clusterId: null,
		mergedInto: null,
		createdAt: FIXTURE_TIME
	});
	addCard(
		board,
		card('c1', 'Online-Terminvergabe im Bürgerbüro', 'p1'),
		ROOT_KEYS.cards,
		FIXTURE_TIME
	);
	addCard(board, card('c2', 'Digitale Akte für das Bauamt', 'p2'), ROOT_KEYS.cards, FIXTURE_TIME);
	addCard(board, card('c3', 'WLAN in allen Schulen', 'p2'), ROOT_KEYS.cards, FIXTURE_TIME);
	const photoSha = toHex(await sha256(FIXTURE_PHOTO_BYTES));
	addPhoto(
		board,
		{
			id: 'photo1',
			blockId: BLOCK,
			sha256: photoSha,
			mediaType: 'image/png',
			width: 8,
			height: 8,
			caption: 'Pinnwand',
			authorId: 'moderation',
			createdAt: FIXTURE_TIME
		},
		FIXTURE_TIME
	);
	const privateDoc = new Y.Doc();
	addCard(
		privateDoc,
		card('pc1', 'Noch nicht aufgedeckt', 'p1'),
		ROOT_KEYS.privateCards,
		FIXTURE_TIME
	);
	const round = new Y.Doc();
	writeRoundTitle(round, 'Digital-Check 2026', FIXTURE_TIME);
	const docs = new Map([
		[fixtureNames.profile, profile],
		[fixtureNames.control, control],
		[fixtureNames.board, board],
		[fixtureNames.privateDoc, privateDoc],
		[fixtureNames.round, round]
	]);
	return {
		docs,
		photo: {
			sha256: photoSha,
			board: fixtureNames.board,
			mediaType: 'image/png',
			bytes: FIXTURE_PHOTO_BYTES
		}
	};
}

/** The fixture municipality saved as a sync file. */
export async function fixtureFile(): Promise<Uint8Array> {
	const { docs, photo } = await fixtureMunicipality();
	return writeSyncFile({
		appVersion: 'test',
		createdAt: FIXTURE_TIME,
		ars: FIXTURE_ARS,
		documents: [...docs].map(([name, doc]) => syncFileDocument(name, doc)),
		photos: [photo]
	});
}

/** The file with its checksum computed anew: a change a stick could not make by chance, only a person. */
export async function resealed(bytes: Uint8Array): Promise<Uint8Array> {
	const body = bytes.subarray(0, Math.max(0, bytes.length - 32));
	const out = new Uint8Array(body.length + 32);
	out.set(body);
	out.set(await sha256(body), body.length);
	return out;
}
