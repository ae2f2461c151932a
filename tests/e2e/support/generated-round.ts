// A check round with generated answers (src/lib/demo), written through the server as a facilitator's
// other device would: the round's title, respondents and targets, then each respondent's answers.
import { writeAnswer } from '../../../src/lib/crdt/check-respondent-doc';
import { addRespondent, writeRoundTitle } from '../../../src/lib/crdt/check-round-doc';
import { writeTarget } from '../../../src/lib/crdt/check-shared-doc';
import type { DimensionId } from '../../../src/lib/domain/check/catalog-types';
import {
	generateCheckRound,
	generateMunicipalities
} from '../../../src/lib/demo/municipality-generator';
import { checkRespondentDocName, checkSharedDocName } from '../../../src/lib/domain/document-names';
import type { AppServer } from './app-server';
import { writeServerDocument } from './server-documents';

export async function writeGeneratedRound(
	server: AppServer,
	target: { ars: string; round: string; title: string; respondents: number; seed: number }
): Promise<void> {
	const { ars, round, title, respondents, seed } = target;
	const [municipality] = generateMunicipalities({ seed, count: 1 });
	const generated = generateCheckRound(municipality!, { seed, respondents });
	await writeServerDocument(server, checkSharedDocName(ars, round), (doc) => {
		writeRoundTitle(doc, title);
		generated.respondents.forEach((r, i) =>
			addRespondent(doc, {
				id: r.respondentId,
				label: `Befragte ${i + 1}`,
				perspective: r.perspective,
				createdAt: i
			})
		);
		for (const [dimension, level] of Object.entries(generated.targets))
			writeTarget(doc, dimension as DimensionId, level);
	});
	for (const r of generated.respondents) {
		await writeServerDocument(server, checkRespondentDocName(ars, round, r.respondentId), (doc) => {
			for (const [itemId, answer] of Object.entries(r.answers)) writeAnswer(doc, itemId, answer);
		});
	}
}
