// The Digital-Check report as PDF and DOCX (issue 19, ADR 19), made from the results page's own
// CheckRoundResults: ready once the round has been scored with its catalog.

import { buildCheckReport } from '../../domain/documents/check-report';
import { checkReportInput, type CheckReportRound } from './check-report-source';
import { ReportFile, type ReportFileOptions } from './report-file.svelte';

export class CheckReportFile extends ReportFile {
	readonly #round: CheckReportRound;

	constructor(
		round: CheckReportRound,
		options: Pick<ReportFileOptions, 'save' | 'render'> & { ars: string }
	) {
		super({
			...options,
			build: () => {
				const input = checkReportInput(round, { ars: options.ars });
				return input === null ? null : buildCheckReport(input);
			}
		});
		this.#round = round;
	}

	/** True once the round has been read and scored. */
	get ready(): boolean {
		const { result, catalog, grouping } = this.#round;
		return result !== null && catalog !== null && grouping !== null;
	}
}
