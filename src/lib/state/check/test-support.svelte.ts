// Helpers for the check feature's tests (not imported by app code): a device with the real document
// stack on fake-indexeddb and no server, and a round written the way the round page writes one.

import { flushSync } from 'svelte';
import type * as Y from 'yjs';
import { writeAnswer } from '../../crdt/check-respondent-doc';
import { writeTarget } from '../../crdt/check-shared-doc';
import { CURRENT_CATALOG, itemsForPerspective } from '../../domain/check/catalog';
import type { DimensionId } from '../../domain/check/catalog-types';
import { checkRespondentDocName, checkSharedDocName } from '../../domain/document-names';
import type { Perspective } from '../../domain/perspectives';
import { openDatabase, type KommunalwerkstattDb } from '../../storage/db';
import type { TokenSource } from '../../sync/token-source';
import { writeDocument } from '../../sync/write-document';
import { createDocumentServices, type DocumentServices } from '../document-services';

/** This device is not the owner and joined nothing: every document stays local. */
const localOnly: TokenSource = {
	state: 'denied',
	getToken: () => Promise.resolve(null),
	invalidate: () => {}
};

export interface TestDevice {
	db: KommunalwerkstattDb;
	services: DocumentServices;
	/** Writes one change to the named document and waits until it is stored. */
	write<T>(name: string, change: (doc: Y.Doc) => T): Promise<T>;
	close(): Promise<void>;
}

export function testDevice(): TestDevice {
	const db = openDatabase(`check-feature-${Math.random()}`);
	const services = createDocumentServices({ db, tokenSource: localOnly });
	return {
		db,
		services,
		async write(name, change) {
			const written = await writeDocument(services.documents, name, change);
			if (!written.ok) throw new Error(written.error);
			return written.value;
		},
		async close() {
			await services.documents.close();
			db.close();
			await db.delete();
		}
	};
}

/** A new round of the current catalog with its respondents, as the municipality and round pages add them. */
export async function roundWithRespondents(
	device: TestDevice,
	ars: string,
	title: string,
	respondents: readonly { label: string; perspective: Perspective }[]
): Promise<{ round: string; respondents: string[] }> {
	const { sessions } = device.services;
	const created = await sessions.createCheckRound(ars, title);
	if (!created.ok) throw new Error(created.error);
	const ids: string[] = [];
	for (const { label, perspective } of respondents) {
		const added = await sessions.addRespondent(ars, created.value.id, label, perspective);
		if (!added.ok) throw new Error(added.error);
		ids.push(added.value);
	}
	return { round: created.value.id, respondents: ids };
}

/** Answers every maturity-level item of one dimension of the respondent's perspective with `level`. */
export function answerDimension(
	device: TestDevice,
	names: { ars: string; round: string; respondent: string; perspective: Perspective },
	dimension: DimensionId,
	level: number
): Promise<void> {
	const items = itemsForPerspective(CURRENT_CATALOG, names.perspective).filter(
		(item) => item.dimension === dimension && item.type === 'R'
	);
	const name = checkRespondentDocName(names.ars, names.round, names.respondent);
	return device.write(name, (doc) => {
		for (const item of items) writeAnswer(doc, item.id, { kind: 'level', value: level });
	});
}

export function setTarget(
	device: TestDevice,
	ars: string,
	round: string,
	dimension: DimensionId,
	level: number
): Promise<void> {
	return device.write(checkSharedDocName(ars, round), (doc) => writeTarget(doc, dimension, level));
}

/** Reads `read` in an effect, as a page does, until `stop()`. */
export function rendered(read: () => unknown): () => void {
	const stop = $effect.root(() => {
		$effect(() => {
			read();
		});
	});
	flushSync();
	return stop;
}
