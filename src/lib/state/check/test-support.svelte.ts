// Helpers for the check feature's tests (not imported by app code): a round written the way the
// municipality and round pages write one.

import { writeAnswer } from '../../crdt/check-respondent-doc';
import { writeTarget } from '../../crdt/check-shared-doc';
import { CURRENT_CATALOG } from '../../domain/check/catalog';
import { itemsForPerspective } from '../../domain/check/catalog-items';
import type { DimensionId } from '../../domain/check/catalog-types';
import { checkRespondentDocName, checkSharedDocName } from '../../domain/document-names';
import type { Perspective } from '../../domain/perspectives';
import type { TestDevice } from '../test-device.svelte';

/** A new round of the current catalog with its respondents, as the municipality and round pages add them. */
export async function roundWithRespondents(
	device: TestDevice,
	ars: string,
	title: string,
	respondents: readonly { label: string; perspective: Perspective }[]
): Promise<{ round: string; respondents: string[] }> {
	const { sessions, respondents: repository } = device.services;
	const created = await sessions.createCheckRound(ars, title);
	if (!created.ok) throw new Error(created.error);
	const ids: string[] = [];
	for (const { label, perspective } of respondents) {
		const added = await repository.addRespondent(ars, created.value.id, label, perspective);
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
