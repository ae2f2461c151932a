// Deleting a municipality, workshop, check round or respondent (ADR 11): from this device only, or for
// good. "From this device" removes the local copies only when a server's durable acknowledgement covers
// each of them, unless the person accepted losing what is not; "for good" asks the laptop server (the
// page's own) to delete the scope and removes the local copies only after its durable answer.
import { readRespondents } from '../crdt/check-round-doc';
import { parseDocName } from '../domain/access';
import {
	deletionScope,
	isUnderScope,
	kommunePrefix,
	type DeletionTarget
} from '../domain/deletion';
import {
	checkSharedDocName,
	profileDocName,
	workshopControlDocName
} from '../domain/document-names';
import type { KommunalwerkstattDb } from '../storage/db';
import { forgetScope } from '../storage/forget-scope';
import type { DocumentRegistry } from './document-registry';
import type { DocumentHandle } from './open-document';
import type { ApiResult } from './join-api';
import {
	deleteLocalCopy,
	localDocumentsUnder,
	readLocalCopy,
	uncoveredDocuments
} from './local-copies';
import type { DeletionResponse } from './protocol';
import type { TokenSource } from './token-source';

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

export type DeletionResult = { ok: true; plan: DeletionPlan } | { ok: false; error: DeletionError };

export interface ScopeDeletionDeps {
	db: KommunalwerkstattDb;
	registry: DocumentRegistry;
	tokenSource: TokenSource;
	/** How long to wait for a server's acknowledgement of a document before calling it unsent. */
	coverageTimeoutMs?: number;
	/** The laptop server's deletion endpoint (joinApi.deleteScope). */
	deleteOnServer: (token: string, scope: string) => Promise<ApiResult<DeletionResponse>>;
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
			respondents += doc ? readRespondents(doc).length : 0;
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
			respondents
		};
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
				return { ok: false, error: 'storage_failed' };
			}
			if (current.unsent.length > 0 && !discardUnsent)
				return { ok: false, error: 'unsent_changes' };
			if (!(await removeLocal(current.scope, current.documents))) {
				return { ok: false, error: 'storage_failed' };
			}
			return { ok: true, plan: current };
		},

		/** Deletes the scope on the laptop server, then, after its durable answer, on this device. */
		async deleteForGood(target: DeletionTarget): Promise<DeletionResult> {
			let current: DeletionPlan;
			try {
				current = await plan(target);
			} catch {
				return { ok: false, error: 'storage_failed' };
			}
			const token = await deps.tokenSource.getToken(keyDocument(target));
			if (token === null) return { ok: false, error: 'no_token' };
			const answer = await deps.deleteOnServer(token, current.scope);
			if (!answer.ok) return { ok: false, error: serverError(answer.error) };
			if (!(await removeLocal(current.scope, current.documents))) {
				return { ok: false, error: 'storage_failed' };
			}
			return { ok: true, plan: current };
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
