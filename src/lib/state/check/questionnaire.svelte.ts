// One respondent answering the Digital-Check (on the shared laptop or their own device): the items of
// their perspective, dimension by dimension, with progress, answered into their own document. Every
// answer is stored on this device as it is given, so leaving and coming back resumes where they were.

import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import type { Answer } from '../../domain/check/answers';
import type { Catalog, CatalogItem, DimensionId } from '../../domain/check/catalog-types';
import { isItemAnswered } from '../../domain/check/respondent-progress';
import {
	readAnswers,
	readComments,
	readRespondentInfo,
	writeAnswer,
	clearAnswer,
	writeComment,
	type RespondentInfo
} from '../../crdt/check-respondent-doc';
import { isDocumentError, type DocumentErrorCode } from '../../sync/document-status';
import { followDocument } from '../../sync/follow-document';
import type { DocumentHandle } from '../../sync/open-document';

export interface DimensionProgress {
	dimension: DimensionId;
	title: string;
	items: CatalogItem[];
	answered: number;
}

export type SessionError = DocumentErrorCode | 'code_load_failed' | 'catalog_unknown';

export class Questionnaire {
	#catalogOf: (version: string) => Catalog | null;
	#handle: DocumentHandle | null = null;
	#info = $state<RespondentInfo | null>(null);
	#answers = $state<Record<string, unknown>>({});
	#comments = $state<Record<string, string>>({});
	#loading = $state(true);
	#error = $state<SessionError | null>(null);
	#saveError = $state<DocumentErrorCode | null>(null);
	#subscribe: () => void;

	constructor(open: () => Promise<DocumentHandle>, catalogOf: (version: string) => Catalog | null) {
		this.#catalogOf = catalogOf;
		this.#subscribe = createSubscriber(() => {
			const stop = followDocument(open, {
				onChange: (handle) => {
					this.#handle = handle;
					this.#read(handle.doc);
					this.#loading = false;
				},
				onError: (error) => {
					this.#error = isDocumentError(error) ? error.code : 'code_load_failed';
					this.#loading = false;
				}
			});
			return () => {
				stop();
				this.#handle = null;
			};
		});
	}

	get loading(): boolean {
		this.#subscribe();
		return this.#loading;
	}

	get error(): SessionError | null {
		this.#subscribe();
		if (this.#error) return this.#error;
		if (this.#info && !this.catalog) return 'catalog_unknown';
		return null;
	}

	/** A change could not be stored on this device (shown until a later change is stored). */
	get saveError(): DocumentErrorCode | null {
		return this.#saveError;
	}

	/** Null while the facilitator has not set up this respondent (or the document is malformed). */
	get info(): RespondentInfo | null {
		this.#subscribe();
		return this.#info;
	}

	get catalog(): Catalog | null {
		const info = this.info;
		return info ? this.#catalogOf(info.catalogVersion) : null;
	}

	/** The dimensions this respondent is asked about, with their items and how many are answered. */
	get dimensions(): DimensionProgress[] {
		const catalog = this.catalog;
		const info = this.info;
		if (!catalog || !info) return [];
		const answers = this.#answers;
		return catalog.dimensions
			.map((dimension) => {
				const items = catalog.items.filter(
					(item) => item.dimension === dimension.id && item.perspectives.includes(info.perspective)
				);
				// The same rule as the facilitator's progress on the round page.
				const answered = items.filter((item) => isItemAnswered(item, answers[item.id])).length;
				return { dimension: dimension.id, title: dimension.title, items, answered };
			})
			.filter((progress) => progress.items.length > 0);
	}

	answerOf(itemId: string): unknown {
		this.#subscribe();
		return this.#answers[itemId];
	}

	commentOf(itemId: string): string {
		this.#subscribe();
		return this.#comments[itemId] ?? '';
	}

	async answer(itemId: string, answer: Answer | null): Promise<void> {
		await this.#write((doc) =>
			answer === null ? clearAnswer(doc, itemId) : writeAnswer(doc, itemId, answer)
		);
	}

	async comment(itemId: string, text: string): Promise<void> {
		await this.#write((doc) => writeComment(doc, itemId, text));
	}

	async #write(change: (doc: Y.Doc) => void): Promise<void> {
		const handle = this.#handle;
		if (!handle) return;
		change(handle.doc);
		try {
			await handle.whenStored();
			this.#saveError = null;
		} catch (error) {
			this.#saveError = isDocumentError(error) ? error.code : 'storage_write_failed';
		}
	}

	#read(doc: Y.Doc): void {
		this.#info = readRespondentInfo(doc);
		this.#answers = readAnswers(doc);
		this.#comments = readComments(doc);
	}
}
