// The workshop protocol as PDF, DOCX and XLSX (issue 19, ADR 19), made from the workshop page's own
// workspace: ready once every part of the day it reads has been read, so a file never leaves out a
// part that was still loading.

import { buildWorkshopProtocol } from '../../domain/documents/workshop-protocol';
import type { WorkshopWorkspace } from '../workshop/workshop-workspace.svelte';
import { protocolInput } from './protocol-source';
import { ReportFile, type ReportFileOptions } from './report-file.svelte';
import { reportImages } from './report-images';

export class WorkshopProtocolFile extends ReportFile {
	readonly #workspace: WorkshopWorkspace;
	readonly #municipalityName: () => string | null;

	constructor(
		workspace: WorkshopWorkspace,
		options: Pick<ReportFileOptions, 'save' | 'render'> & {
			/** The municipality's name as this device lists it, or null while unknown. */
			municipalityName: () => string | null;
		}
	) {
		super({
			...options,
			images: (doc) => reportImages(doc, async (sha256) => workspace.photos?.bytes(sha256) ?? null),
			build: () =>
				this.ready
					? buildWorkshopProtocol(
							protocolInput(workspace, {
								municipalityName: options.municipalityName() ?? workspace.ars
							})
						)
					: null
		});
		this.#workspace = workspace;
		this.#municipalityName = options.municipalityName;
	}

	/** True once the agenda, roster, cards, vote, matrix, measures, notes and photos have been read. */
	get ready(): boolean {
		// Read here too, so the page that shows the buttons keeps the municipalities' list live and the
		// name is known by the time a file is asked for.
		this.#municipalityName();
		const w = this.#workspace;
		const parts = [w.control, w.roster, w.cards, w.voting, w.matrix, w.measures, w.notes, w.photos];
		return parts.every((part) => part !== null && !part.loading);
	}
}
