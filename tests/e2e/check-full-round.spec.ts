// A full round of answers (40 respondents, generated and written through the server as their devices
// would) loaded into the results and the questionnaire: both stay accessible.
import { addRespondent, writeRoundTitle } from '../../src/lib/crdt/check-round-doc';
import { writeAnswer, writeRespondentInfo } from '../../src/lib/crdt/check-respondent-doc';
import { writeTarget } from '../../src/lib/crdt/check-shared-doc';
import type { DimensionId } from '../../src/lib/domain/check/catalog-types';
import {
	generateCheckRound,
	generateMunicipalities
} from '../../src/lib/demo/municipality-generator';
import { checkRespondentDocName, checkSharedDocName } from '../../src/lib/domain/document-names';
import { expect, test } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { writeServerDocument } from './support/server-documents';

test('the results and the questionnaire of a full round of 40 respondents have no serious accessibility violation', async ({
	page,
	appServer
}) => {
	test.setTimeout(120_000);
	const [municipality] = generateMunicipalities({ seed: 7, count: 1 });
	const ars = municipality!.profile.ars;
	const round = 'r2027';
	const generated = generateCheckRound(municipality!, { seed: 7, respondents: 40 });
	await writeServerDocument(appServer, checkSharedDocName(ars, round), (doc) => {
		writeRoundTitle(doc, 'Digital-Check 2027');
		generated.respondents.forEach((r, i) =>
			addRespondent(doc, {
				id: r.respondentId,
				label: `Befragte ${i + 1}`,
				perspective: r.perspective,
				createdAt: i
			})
		);
		for (const [dimension, level] of Object.entries(generated.targets)) {
			writeTarget(doc, dimension as DimensionId, level);
		}
	});
	for (const [i, r] of generated.respondents.entries()) {
		await writeServerDocument(
			appServer,
			checkRespondentDocName(ars, round, r.respondentId),
			(doc) => {
				writeRespondentInfo(doc, {
					label: `Befragte ${i + 1}`,
					perspective: r.perspective,
					catalogVersion: generated.catalogVersion
				});
				for (const [itemId, answer] of Object.entries(r.answers)) writeAnswer(doc, itemId, answer);
			}
		);
	}

	await page.goto(`/kommune/${ars}/check/${round}/ergebnisse`);
	await expect(page.getByText('40 Befragte', { exact: false })).toBeVisible();
	await expect(
		page.getByRole('table', { name: /Median je Dimension und Perspektive/ })
	).toBeVisible();
	expect(await seriousViolations(page), 'results with a full round').toEqual([]);

	// On A4 paper (about 718 CSS pixels between the margins) the controls are left out and the
	// heatmap, which scrolls on a narrow screen, fits the page instead of being cut off.
	await page.setViewportSize({ width: 718, height: 1000 });
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Als CSV herunterladen' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Drucken' })).toBeHidden();
	await expect(page.getByRole('link', { name: 'Zur Check-Runde' })).toBeHidden();
	const heatmap = page.getByRole('region', { name: 'Sicht der Perspektiven' });
	const overflow = await heatmap.evaluate((region) => region.scrollWidth - region.clientWidth);
	expect(overflow, 'heatmap columns cut off on paper').toBeLessThanOrEqual(0);
	await expect(page.getByRole('heading', { name: 'Vorgeschlagene Handlungsfelder' })).toBeVisible();
	await page.emulateMedia({ media: 'screen' });

	const first = generated.respondents[0]!;
	await page.goto(`/kommune/${ars}/check/${round}/antworten/${first.respondentId}`);
	await expect(page.getByText(/^(\d+) von \1 Fragen beantwortet$/)).toBeVisible();
	expect(await seriousViolations(page), 'questionnaire fully answered').toEqual([]);
});
