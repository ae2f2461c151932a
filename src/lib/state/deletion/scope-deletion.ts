// Deleting a municipality, workshop, check round or respondent (ADR 11): from this device only, or for
// good. "From this device" removes the local copies only when a server's durable acknowledgement covers
// each of them, unless the person accepted losing what is not; "for good" asks every server set up on
// this device to delete the scope (the central server first, then the laptop server, the page's own)
// and removes the local copies only after all of them gave their durable answer.
import { readAnswers, readRespondentInfo } from '../../crdt/check-respondent-doc';
import {
	countRespondentEntries,
	readRespondent,
	readRoundCatalogVersion,
	removeRespondent
} from '../../crdt/check-round-doc';
import { parseDocName } from '../../domain/access';
import { catalogByVersion } from '../../domain/check/catalog';
import { respondentProgress } from '../../domain/check/respondent-progress';
import {
	deletionScope,
	isUnderScope,
	kommunePrefix,
	patternReachesScope,
	type DeletionTarget
} from '../../domain/deletion';
import {
	checkRespondentDocName,
	checkSharedDocName,
	profileDocName,
	workshopControlDocName
} from '../../domain/document-names';
import type { KommunalwerkstattDb } from '../../storage/db';
import { forgetScope } from '../../storage/forget-scope';
import type { DocumentRegistry } from '../../sync/document-registry';
import type { DocumentHandle } from '../../sync/open-document';
import type { ApiResult } from '../../contract/protocol';
import {
	deleteLocalCopy,
	localDocumentsUnder,
	readLocalCopy,
	uncoveredDocuments
} from '../../sync/local-copies';
import type { DeletionResponse } from '../../contract/protocol';
import type { TokenSource } from '../../sync/token-source';
import { writeDocument } from '../../sync/write-document';
import type { Perspective } from '../../domain/perspectives';

/** What a deletion loses, for the confirmation to name. */
export interface DeletionPlan {
	target: DeletionTarget;
	scope: string;
	/** The local documents under the scope. */
	documents: string[];
	/** Of those, the ones with changes no server has durably stored. */
	unsent: string[];
	/** The municipality's or session's title as this device knows it. */
	title: string | null;
	workshops: number;
	checkRounds: number;
	respondents: number;
	/** For a respondent: who, as the round lists them, and how many items their document answers. */
	respondent: RespondentLoss | null;
}

export interface RespondentLoss {
	label: string;
	perspective: Perspective;
	/** Items answered (respondentProgress), or null when this build does not know the round's catalog. */
	answered: number | null;
}

export type DeletionError =
	| 'unsent_changes'
	| 'no_token'
	| 'storage_failed'
	| 'unreachable'
	| 'forbidden'
	| 'unauthorized'
	| 'token_expired'
	| 'device_revoked'
	| 'invalid_scope'
	| 'internal';

/** The servers a scope is deleted on for good: the page's own (the laptop) and the central one. */
export type DeletionPlace = 'laptop' | 'central';

export interface DeletionFailure {
	ok: false;
	error: DeletionError;
	/** The server that refused or could not be reached; null when this device failed. */
	place: DeletionPlace | null;
	/** The servers on which the scope is deleted already; asking them again answers success. */
	deletedOn: DeletionPlace[];
}

export type DeletionResult = { ok: true; plan: DeletionPlan } | DeletionFailure;

/** The central server set up on this device (ADR 10): its key's patterns and its deletion endpoint. */
export interface CentralDeletionServer {
	docs: readonly string[];
	deleteScope: (scope: string) => Promise<ApiResult<DeletionResponse>>;
}

const failure = (
	error: DeletionError,
	place: DeletionPlace | null = null,
	deletedOn: DeletionPlace[] = []
): DeletionFailure => ({ ok: false, error, place, deletedOn });

export interface ScopeDeletionDeps {
	db: KommunalwerkstattDb;
	registry: DocumentRegistry;
	tokenSource: TokenSource;
	/** How long to wait for a server's acknowledgement of a document before calling it unsent. */
	coverageTimeoutMs?: number;
	/** The laptop server's deletion endpoint (joinApi.deleteScope). */
	deleteOnServer: (token: string, scope: string) => Promise<ApiResult<DeletionResponse>>;
	/** The central server, when one is set up on this device. */
	central?: () => CentralDeletionServer | null;
}

/** The document whose token also covers the whole scope (the facilitator's key for it). */
function keyDocument(target: DeletionTarget): string {
	switch (target.kind) {
		case 'kommune':
			return profileDocName(target.ars);
		case 'workshop':
			return workshopControlDocName(target.ars, target.workshop);
		case 'checkRound':
		case 'respondent':
			return checkSharedDocName(target.ars, target.round);
	}
}

export function createScopeDeletion(deps: ScopeDeletionDeps) {
	const { db, registry } = deps;
	/**
	 * Scopes deleted on some servers but not all (one failed): a refusal as deleted from the servers
	 * that did delete does not remove the local copy before the person's retry succeeded.
	 */
	const unfinished = new Set<string>();

	async function plan(target: DeletionTarget): Promise<DeletionPlan> {
		const scope = deletionScope(target);
		// What open sessions changed last is in IndexedDB before it is read.
		await registry.whenStored((name) => isUnderScope(name, scope));
		const documents = await localDocumentsUnder(db, scope);
		const sessions = await db.sessions.filter((row) => isUnderScope(row.scope, scope)).toArray();
		const rounds = sessions.filter((row) => row.kind === 'checkRound');
		let respondents = 0;
		for (const round of rounds) {
			const doc = await readLocalCopy(checkSharedDocName(round.ars, round.id));
			// Removed respondents count too: their answers go with the round.
			respondents += doc ? countRespondentEntries(doc) : 0;
			doc?.destroy();
		}
		const title =
			target.kind === 'kommune'
				? ((await db.kommunen.get(target.ars))?.name ?? null)
				: (sessions.find((row) => row.scope === scope)?.title ?? null);
		return {
			target,
			scope,
			documents,
			unsent: await askServers(await uncoveredDocuments(db, documents)),
			title,
			workshops: sessions.filter((row) => row.kind === 'workshop').length,
			checkRounds: rounds.length,
			respondents,
			respondent: target.kind === 'respondent' ? await respondentLoss(target) : null
		};
	}

	/** Who a respondent is and how far they got, from this device's copies of the round. */
	async function respondentLoss(
		target: Extract<DeletionTarget, { kind: 'respondent' }>
	): Promise<RespondentLoss | null> {
		const shared = await readLocalCopy(checkSharedDocName(target.ars, target.round));
		const own = await readLocalCopy(
			checkRespondentDocName(target.ars, target.round, target.respondent)
		);
		try {
			const listed = shared ? readRespondent(shared, target.respondent) : null;
			const info = own ? readRespondentInfo(own) : null;
			const label = listed?.label ?? info?.label;
			const perspective = info?.perspective ?? listed?.perspective;
			if (label === undefined || perspective === undefined) return null;
			const catalog = shared ? catalogByVersion(readRoundCatalogVersion(shared)) : null;
			const answers = own ? readAnswers(own) : {};
			const answered = catalog
				? respondentProgress(catalog, { perspective, answers }).answered
				: null;
			return { label, perspective, answered };
		} finally {
			shared?.destroy();
			own?.destroy();
		}
	}

	/**
	 * After the servers deleted a respondent's document: the round's list marks them removed (there is
	 * nothing left to bring back), so no device opens their document again.
	 */
	async function markRespondentRemoved(target: DeletionTarget): Promise<boolean> {
		if (target.kind !== 'respondent') return true;
		try {
			const written = await writeDocument(
				registry,
				checkSharedDocName(target.ars, target.round),
				(doc) => {
					if (readRespondent(doc, target.respondent)) removeRespondent(doc, target.respondent);
				}
			);
			return written.ok;
		} catch {
			return false;
		}
	}

	/**
	 * Of documents no remembered acknowledgement covers, those no server covers either: each is opened in
	 * the background, so it connects and the server sends the acknowledgement of what it stored (a
	 * document written and closed before its acknowledgement came has none remembered).
	 */
	async function askServers(names: string[]): Promise<string[]> {
		const covered = await Promise.all(
			names.map(async (name) => {
				const handle = await registry.open(name, { background: true }).catch(() => null);
				if (handle === null) return false;
				try {
					return await waitForCoverage(handle, deps.coverageTimeoutMs ?? 5_000);
				} finally {
					await handle.close();
				}
			})
		);
		return names.filter((_, i) => !covered[i]);
	}

	/** Closes the scope's sessions, deletes its local databases, then forgets its Dexie rows. */
	async function removeLocal(scope: string, documents: readonly string[]): Promise<boolean> {
		await registry.discard((name) => isUnderScope(name, scope));
		try {
			const names = [...new Set([...documents, ...(await localDocumentsUnder(db, scope))])];
			for (const name of names) await deleteLocalCopy(name);
			await forgetScope(db, scope, names);
			return true;
		} catch {
			return false;
		}
	}

	return {
		plan,

		/**
		 * A server refused a document as deleted for good: removes what it belongs to on this device (the
		 * municipality for its profile, the workshop or round for their documents, a respondent's own
		 * document alone), but only while a server's acknowledgement covers every local copy. A copy with
		 * changes no server holds stays: it may be a person's offline work from before the deletion, or a
		 * municipality created anew under a deleted ARS, and nothing a person typed is removed unasked
		 * (ADR 11). Returns whether the copies went.
		 */
		async removeDeleted(name: string): Promise<boolean> {
			const parsed = parseDocName(name);
			if (parsed === null) return false;
			if ([...unfinished].some((scope) => isUnderScope(name, scope))) return false;
			// kommune/<ARS>/<workshop|check>/<id>: the workshop or round a document belongs to.
			const scope =
				parsed.kind === 'profile'
					? kommunePrefix(parsed.ars)
					: parsed.kind === 'checkRespondent'
						? name
						: name.split('/').slice(0, 4).join('/');
			const documents = [...new Set([name, ...(await localDocumentsUnder(db, scope))])];
			if ((await uncoveredDocuments(db, documents)).length > 0) return false;
			return removeLocal(scope, documents);
		},

		/**
		 * Removes the scope's local copies; the servers keep theirs. Refused with 'unsent_changes' while
		 * a copy holds changes no server has durably stored, unless `discardUnsent`.
		 */
		async removeFromDevice(
			target: DeletionTarget,
			{ discardUnsent = false } = {}
		): Promise<DeletionResult> {
			let current: DeletionPlan;
			try {
				current = await plan(target);
			} catch {
				return failure('storage_failed');
			}
			if (current.unsent.length > 0 && !discardUnsent) return failure('unsent_changes');
			if (!(await removeLocal(current.scope, current.documents))) return failure('storage_failed');
			return { ok: true, plan: current };
		},

		/**
		 * Deletes the scope on every server set up here (the central server first: it is the one most
		 * likely out of reach, and then nothing has changed anywhere), and removes the local copies only
		 * after all of them answered. A failure names the server and where the scope is deleted already.
		 */
		async deleteForGood(target: DeletionTarget): Promise<DeletionResult> {
			let current: DeletionPlan;
			try {
				current = await plan(target);
			} catch {
				return failure('storage_failed');
			}
			const { scope } = current;
			// Asked before any server deletes, so a missing key never leaves a deletion half done.
			const token = await deps.tokenSource.getToken(keyDocument(target));
			if (token === null) return failure('no_token', 'laptop');
			const servers: { place: DeletionPlace; ask: () => Promise<ApiResult<DeletionResponse>> }[] =
				[];
			const central = deps.central?.() ?? null;
			// A central key that reaches no document of the scope never uploaded any of it.
			if (central?.docs.some((pattern) => patternReachesScope(pattern, scope))) {
				servers.push({ place: 'central', ask: () => central.deleteScope(scope) });
			}
			servers.push({ place: 'laptop', ask: () => deps.deleteOnServer(token, scope) });
			unfinished.add(scope);
			const deletedOn: DeletionPlace[] = [];
			for (const server of servers) {
				const answer = await server.ask();
				if (!answer.ok) {
					if (deletedOn.length === 0) unfinished.delete(scope);
					return failure(serverError(answer.error), server.place, deletedOn);
				}
				deletedOn.push(server.place);
			}
			// A respondent leaves the round's list before their local copy goes (SPEC S17).
			const removed =
				(await markRespondentRemoved(target)) && (await removeLocal(scope, current.documents));
			unfinished.delete(scope);
			return removed ? { ok: true, plan: current } : failure('storage_failed', null, deletedOn);
		}
	};
}

export type ScopeDeletion = ReturnType<typeof createScopeDeletion>;

const SERVER_ERRORS: readonly DeletionError[] = [
	'unreachable',
	'forbidden',
	'unauthorized',
	'token_expired',
	'device_revoked',
	'invalid_scope'
];

function serverError(error: string): DeletionError {
	return (SERVER_ERRORS as readonly string[]).includes(error)
		? (error as DeletionError)
		: 'internal';
}

const isCovered = (handle: DocumentHandle) =>
	handle.durability.places.some((place) => place.covered);

/** Resolves true once a place's durable acknowledgement covers the document, false after `timeoutMs`. */
function waitForCoverage(handle: DocumentHandle, timeoutMs: number): Promise<boolean> {
	if (isCovered(handle)) return Promise.resolve(true);
	return new Promise((resolve) => {
		const done = (covered: boolean) => {
			clearTimeout(timer);
			off();
			resolve(covered);
		};
		const timer = setTimeout(() => done(false), timeoutMs);
		const off = handle.onDurability(() => {
			if (isCovered(handle)) done(true);
		});
	});
}
