// Follows every document of a check round: the shared one (respondent list, targets) and each
// respondent's, opening new respondents' documents as the list grows. Any change anywhere reports a
// fresh snapshot, at most once per microtask.

import type * as Y from 'yjs';
import type { RespondentAnswers } from '../../domain/check/answers';
import type { RespondentComments } from '../../domain/check/comments';
import { checkRespondentDocName, checkSharedDocName } from '../../domain/document-names';
import { readRespondents, type Respondent } from '../../crdt/check-round-doc';
import { readAnswers, readComments, readRespondentInfo } from '../../crdt/check-respondent-doc';
import type { DocumentHandle } from '../../sync/open-document';

export interface RoundSnapshot {
	shared: Y.Doc;
	respondents: Respondent[];
	answers: RespondentAnswers[];
	/** Each respondent's comments with their perspective only: the results show them pseudonymously. */
	comments: RespondentComments[];
}

export interface FollowRoundOptions {
	open: (name: string) => Promise<DocumentHandle>;
	ars: string;
	round: string;
	onChange: (snapshot: RoundSnapshot) => void;
	/** Opening the shared document failed; respondents' documents that fail count as unanswered. */
	onError: (error: unknown) => void;
}

/** Returns the stop function, which closes every document it opened. */
export function followRoundDocuments(options: FollowRoundOptions): () => void {
	const { open, ars, round, onChange, onError } = options;
	let stopped = false;
	let shared: DocumentHandle | null = null;
	const requested = new Set<string>();
	const opened = new Map<string, DocumentHandle>();
	let scheduled = false;

	const report = () => {
		scheduled = false;
		if (stopped || !shared) return;
		const respondents = readRespondents(shared.doc);
		const answers = respondents.map((respondent): RespondentAnswers => {
			const handle = opened.get(respondent.id);
			// The round's list says the perspective; the respondent's document agrees unless tampered with.
			const info = handle ? readRespondentInfo(handle.doc) : null;
			return {
				respondentId: respondent.id,
				perspective: info?.perspective ?? respondent.perspective,
				answers: handle ? readAnswers(handle.doc) : {}
			};
		});
		const comments = answers.map(({ respondentId }): RespondentComments => {
			const handle = opened.get(respondentId);
			return { comments: handle ? readComments(handle.doc) : {} };
		});
		onChange({ shared: shared.doc, respondents, answers, comments });
	};
	const schedule = () => {
		if (scheduled) return;
		scheduled = true;
		queueMicrotask(report);
	};

	const follow = (id: string) => {
		if (requested.has(id)) return;
		requested.add(id);
		open(checkRespondentDocName(ars, round, id)).then(
			(handle) => {
				if (stopped) return void handle.close();
				opened.set(id, handle);
				handle.doc.on('update', schedule);
				schedule();
			},
			() => requested.delete(id)
		);
	};

	const onShared = () => {
		if (!shared) return;
		for (const respondent of readRespondents(shared.doc)) follow(respondent.id);
		schedule();
	};

	open(checkSharedDocName(ars, round)).then((handle) => {
		if (stopped) return void handle.close();
		shared = handle;
		handle.doc.on('update', onShared);
		onShared();
	}, onError);

	return () => {
		stopped = true;
		shared?.doc.off('update', onShared);
		void shared?.close();
		for (const handle of opened.values()) {
			handle.doc.off('update', schedule);
			void handle.close();
		}
		opened.clear();
	};
}
