// Joining (ADR 6): the facilitator's app asks for a join code for one workshop, one check round or
// one respondent; a device exchanges the code for a token scoped by docPatternsFor, and becomes a device
// record. A token issued this way carries the device id (jti) and works only while that record exists, so
// removing a device ends its access at once (the caller also closes its open connections).
import * as v from 'valibot';
import { accessFor, type TokenClaims } from '../../src/lib/domain/access';
import { validateDisplayName } from '../../src/lib/domain/display-name';
import {
	checkRespondentDocName,
	checkRoundPrefix,
	checkSharedDocName,
	workshopControlDocName,
	workshopPrefix
} from '../../src/lib/domain/document-names';
import { newId } from '../../src/lib/domain/ids';
import { docPatternsFor } from '../../src/lib/domain/token-scope';
import {
	ERROR_CODES,
	type DeviceInfo,
	type ErrorCode,
	type InvitationPreview,
	type InvitationResponse,
	type JoinResponse,
	type LinkCodeResponse
} from '../../src/lib/contract/protocol';
import type { ServerConfig } from '../config';
import type { AccessRecordStore } from '../storage/access-record-store';
import type { TokenService } from '../tokens';
import { describeDevice } from './device-label';
import { hashJoinCode, newJoinCode, normalizeJoinCode } from './join-code';
import {
	DeviceDataSchema,
	InvitationDataSchema,
	InvitationRequestSchema,
	JoinRequestSchema,
	parseStored,
	type DeviceData,
	type InvitationData
} from './join-requests';

/** More devices than a room holds would be a script, not a workshop. */
export const MAX_DEVICES_PER_SCOPE = 200;
/** How often a connected device's "last seen" time is written while it reconnects (see saveSeenAt). */
const SEEN_SAVE_INTERVAL_MS = 60_000;

export type Result<T> = { ok: true; value: T } | { ok: false; status: number; error: ErrorCode };

const refuse = <T>(status: number, error: ErrorCode): Result<T> => ({ ok: false, status, error });

export interface DeviceRegistry {
	createInvitation(requester: TokenClaims, body: unknown): Promise<Result<InvitationResponse>>;
	/** What a code is for, without using it up. */
	preview(code: string): Promise<Result<InvitationPreview>>;
	join(body: unknown, userAgent: string | undefined): Promise<Result<JoinResponse>>;
	createLinkCode(requester: TokenClaims): Promise<Result<LinkCodeResponse>>;
	listDevices(requester: TokenClaims, scope: string): Promise<Result<DeviceInfo[]>>;
	/** Deletes the device record; its token is refused from now on. */
	removeDevice(requester: TokenClaims, id: string): Promise<Result<{ id: string }>>;
	/** Whether a token with this device id may still be used. */
	isActive(deviceId: string): Promise<boolean>;
	/** Deletes expired codes and devices and forgets their bookkeeping (run now and then). */
	sweep(): Promise<void>;
	/** Connection bookkeeping for "online" and "zuletzt gesehen". */
	connected(deviceId: string): void;
	disconnected(deviceId: string): void;
}

export interface DeviceRegistryOptions {
	records: AccessRecordStore;
	tokens: TokenService;
	joining: ServerConfig['joining'];
	now?: () => number;
}

/** The document a moderator must be able to write to manage a scope: the workshop's control, the round's shared. */
function managingDocOf(scope: string): string | null {
	const match = /^kommune\/(\d{12})\/(workshop|check)\/([A-Za-z0-9_-]{1,64})$/.exec(scope);
	if (!match) return null;
	const [, ars, area, id] = match as unknown as [string, string, string, string];
	return area === 'workshop' ? workshopControlDocName(ars, id) : checkSharedDocName(ars, id);
}

const isModeratorOf = (claims: TokenClaims, docName: string) =>
	claims.role === 'moderation' && accessFor(claims, docName) === 'write';

export function createDeviceRegistry(options: DeviceRegistryOptions): DeviceRegistry {
	const { records, tokens, joining } = options;
	const now = options.now ?? Date.now;
	const online = new Map<string, number>();
	const lastSeen = new Map<string, number>();
	const savedSeenAt = new Map<string, number>();

	/**
	 * Keeps "zuletzt gesehen" in the device's record, so it survives a restart of the server (a laptop
	 * that slept and was started again showed every phone as last seen when it joined). At most one
	 * write per device and minute while it comes and goes, and always when its last connection ends.
	 * `update` never recreates a record a removal deleted meanwhile. A failed write costs only this
	 * time, which is why it is not waited for.
	 */
	function saveSeenAt(deviceId: string, at: number, force: boolean) {
		if (!force && at - (savedSeenAt.get(deviceId) ?? 0) < SEEN_SAVE_INTERVAL_MS) return;
		savedSeenAt.set(deviceId, at);
		void (async () => {
			const record = await records.get('device', deviceId, at);
			const device = record && parseStored(DeviceDataSchema, record.data);
			if (!device) return;
			await records.update('device', deviceId, JSON.stringify({ ...device, lastSeenAt: at }));
		})().catch(() => undefined);
	}

	/** Deletes the unexpired codes of `scope` that `matches` says to (replaced or orphaned ones). */
	async function deleteInvitations(scope: string, matches: (data: InvitationData) => boolean) {
		for (const record of await records.list('invitation', scope, now())) {
			const data = parseStored(InvitationDataSchema, record.data);
			if (data && matches(data)) await records.delete('invitation', record.id);
		}
	}

	/** Stores a new code; the codes it `replaces` stop working, so a shown code is the only one. */
	async function putInvitation(
		scope: string,
		data: InvitationData,
		ttlSeconds: number,
		replaces: (other: InvitationData) => boolean
	) {
		await deleteInvitations(scope, replaces);
		const code = newJoinCode();
		const expiresAt = now() + ttlSeconds * 1000;
		const id = hashJoinCode(normalizeJoinCode(code)!);
		await records.put({ kind: 'invitation', id, scope, data: JSON.stringify(data), expiresAt });
		return { code, expiresAt };
	}

	async function issueDevice(
		device: DeviceData,
		scope: string,
		ttlSeconds = joining.deviceTokenTtlSeconds
	): Promise<Result<JoinResponse>> {
		// Bounded per workshop or round: a code on the projector cannot fill the laptop's disk.
		if ((await records.list('device', scope, now())).length >= MAX_DEVICES_PER_SCOPE) {
			return refuse(429, ERROR_CODES.tooManyDevices);
		}
		const deviceId = newId<'device'>();
		const issued = await tokens.issue(
			{
				sub: device.sub,
				role: device.role,
				docs: device.docs,
				ttlSeconds,
				jti: deviceId
			},
			new Date(now())
		);
		const expiresAt = issued.claims.exp * 1000;
		await records.put({
			kind: 'device',
			id: deviceId,
			scope,
			data: JSON.stringify(device),
			expiresAt
		});
		const joined: JoinResponse = {
			token: issued.token,
			expiresAt,
			kind: device.kind,
			role: device.role as JoinResponse['role'],
			sub: device.sub,
			deviceId,
			docs: device.docs,
			ars: device.ars,
			workshop: device.workshop,
			round: device.round,
			respondent: device.respondent,
			label: device.label,
			displayName: device.displayName
		};
		return { ok: true, value: joined };
	}

	return {
		async createInvitation(requester, body) {
			const parsed = v.safeParse(InvitationRequestSchema, body);
			if (!parsed.success) return refuse(400, ERROR_CODES.invalidRequest);
			const { kind, ars, workshop, round, respondent, label, respondentLabel } = parsed.output;
			let scope: string;
			let managed: string;
			if (kind === 'respondent') {
				if (!round || !respondent || !respondentLabel || workshop) {
					return refuse(400, ERROR_CODES.invalidRequest);
				}
				scope = checkRoundPrefix(ars, round);
				managed = checkRespondentDocName(ars, round, respondent);
			} else if (workshop && !round && !respondent) {
				scope = workshopPrefix(ars, workshop);
				managed = workshopControlDocName(ars, workshop);
			} else if (kind === 'ansicht' && round && !workshop && !respondent) {
				scope = checkRoundPrefix(ars, round);
				managed = checkSharedDocName(ars, round);
			} else {
				return refuse(400, ERROR_CODES.invalidRequest);
			}
			if (!isModeratorOf(requester, managed)) return refuse(403, ERROR_CODES.forbidden);
			const data: InvitationData = {
				kind,
				ars,
				workshop: workshop ?? null,
				round: round ?? null,
				respondent: respondent ?? null,
				label,
				respondentLabel: respondentLabel ?? null,
				createdBy: requester.jti ?? null,
				createdAt: now()
			};
			const created = await putInvitation(
				scope,
				data,
				joining.invitationTtlSeconds,
				(other) =>
					other.kind === kind && 'respondent' in other && other.respondent === data.respondent
			);
			return { ok: true, value: { ...created, kind } };
		},

		async preview(input) {
			const code = normalizeJoinCode(input);
			if (code === null) return refuse(404, ERROR_CODES.invalidCode);
			const record = await records.get('invitation', hashJoinCode(code), now());
			const invitation = record && parseStored(InvitationDataSchema, record.data);
			if (!record || !invitation) return refuse(404, ERROR_CODES.invalidCode);
			const base = { expiresAt: record.expiresAt };
			if (invitation.kind === 'device-link') {
				const { ars, workshop, round, label, displayName } = invitation.device;
				const value = { ...base, kind: invitation.kind, ars, workshop, round, label, displayName };
				return { ok: true, value };
			}
			const { kind, ars, workshop, round, label } = invitation;
			const displayName = invitation.respondentLabel ?? null;
			return { ok: true, value: { ...base, kind, ars, workshop, round, label, displayName } };
		},

		async join(body, userAgent) {
			const parsed = v.safeParse(JoinRequestSchema, body);
			if (!parsed.success) return refuse(400, ERROR_CODES.invalidRequest);
			const code = normalizeJoinCode(parsed.output.code);
			if (code === null) return refuse(404, ERROR_CODES.invalidCode);
			const record = await records.get('invitation', hashJoinCode(code), now());
			const invitation = record && parseStored(InvitationDataSchema, record.data);
			if (!record || !invitation) return refuse(404, ERROR_CODES.invalidCode);
			const { platform, browser } = describeDevice(userAgent);
			const seen = { platform, browser, joinedAt: now(), lastSeenAt: now() };

			if (invitation.kind === 'device-link') {
				// One use only: a second scan of the same code must not add another device.
				if (!(await records.delete('invitation', record.id))) {
					return refuse(404, ERROR_CODES.invalidCode);
				}
				// A removed device's link code is void, and a linked device never outlives the first one.
				const origin = await records.get('device', invitation.origin, now());
				if (!origin) return refuse(404, ERROR_CODES.invalidCode);
				const remaining = Math.floor((origin.expiresAt - now()) / 1000);
				const ttl = Math.min(joining.deviceTokenTtlSeconds, remaining);
				if (ttl <= 0) return refuse(404, ERROR_CODES.invalidCode);
				const device = { ...invitation.device, kind: 'device-link' as const, ...seen };
				return issueDevice(device, record.scope, ttl);
			}

			const { kind, ars, workshop, round, respondent, label } = invitation;
			let displayName = '';
			if (kind === 'respondent') {
				displayName = invitation.respondentLabel ?? '';
			} else if (parsed.output.displayName !== undefined || kind === 'teilnahme') {
				const name = validateDisplayName(parsed.output.displayName);
				if (!name.ok) return refuse(400, ERROR_CODES.invalidRequest);
				displayName = name.value;
			}
			const role = kind === 'co-moderation' ? 'moderation' : kind;
			const sub = kind === 'respondent' ? respondent! : newId<'participant'>();
			const scopeTarget = {
				ars,
				...(workshop ? { workshop } : {}),
				...(round ? { round } : {}),
				...(respondent ? { respondent } : {})
			};
			const docs = docPatternsFor(role, scopeTarget);
			if (!docs.ok) return refuse(404, ERROR_CODES.invalidCode);
			const device: DeviceData = {
				kind,
				role,
				sub,
				docs: docs.docs,
				ars,
				workshop,
				round,
				respondent,
				label,
				displayName,
				...seen
			};
			return issueDevice(device, record.scope);
		},

		async createLinkCode(requester) {
			if (!requester.jti) return refuse(403, ERROR_CODES.forbidden);
			const record = await records.get('device', requester.jti, now());
			const device = record && parseStored(DeviceDataSchema, record.data);
			// Only a person's devices are linked; a projector or a co-facilitator joins with its own code.
			if (!record || !device || (device.role !== 'teilnahme' && device.role !== 'respondent')) {
				return refuse(403, ERROR_CODES.forbidden);
			}
			const origin = requester.jti;
			const created = await putInvitation(
				record.scope,
				{ kind: 'device-link', device, origin },
				joining.linkCodeTtlSeconds,
				// One open link code per device.
				(other) => other.kind === 'device-link' && other.origin === origin
			);
			return { ok: true, value: created };
		},

		async listDevices(requester, scope) {
			const managed = managingDocOf(scope);
			if (managed === null) return refuse(400, ERROR_CODES.invalidRequest);
			if (!isModeratorOf(requester, managed)) return refuse(403, ERROR_CODES.forbidden);
			const list: DeviceInfo[] = [];
			for (const record of await records.list('device', scope, now())) {
				const device = parseStored(DeviceDataSchema, record.data);
				if (!device) continue;
				list.push({
					id: record.id,
					role: device.role as DeviceInfo['role'],
					kind: device.kind,
					displayName: device.displayName,
					participantId: device.role === 'teilnahme' ? device.sub : null,
					platform: device.platform,
					browser: device.browser,
					joinedAt: device.joinedAt,
					lastSeenAt:
						(online.get(record.id) ?? 0) > 0
							? now()
							: (lastSeen.get(record.id) ?? device.lastSeenAt),
					online: (online.get(record.id) ?? 0) > 0
				});
			}
			return { ok: true, value: list };
		},

		async removeDevice(requester, id) {
			const record = await records.get('device', id, now());
			if (!record) return refuse(404, ERROR_CODES.notFound);
			const managed = managingDocOf(record.scope);
			if (managed === null || !isModeratorOf(requester, managed)) {
				return refuse(403, ERROR_CODES.forbidden);
			}
			await records.delete('device', id);
			// The codes it made go with it: its link codes and, for a co-facilitator, its invitations.
			await deleteInvitations(record.scope, (data) =>
				data.kind === 'device-link' ? data.origin === id : data.createdBy === id
			);
			online.delete(id);
			lastSeen.delete(id);
			savedSeenAt.delete(id);
			return { ok: true, value: { id } };
		},

		async sweep() {
			await records.deleteExpired(now());
			const forgetBefore = now() - joining.deviceTokenTtlSeconds * 1000;
			for (const [id, at] of lastSeen) {
				if (at < forgetBefore && !online.has(id)) lastSeen.delete(id);
			}
			for (const [id, at] of savedSeenAt) {
				if (at < forgetBefore && !online.has(id)) savedSeenAt.delete(id);
			}
		},

		async isActive(deviceId) {
			return (await records.get('device', deviceId, now())) !== null;
		},

		connected(deviceId) {
			online.set(deviceId, (online.get(deviceId) ?? 0) + 1);
			lastSeen.set(deviceId, now());
			saveSeenAt(deviceId, now(), false);
		},

		disconnected(deviceId) {
			const count = (online.get(deviceId) ?? 1) - 1;
			if (count > 0) online.set(deviceId, count);
			else online.delete(deviceId);
			lastSeen.set(deviceId, now());
			saveSeenAt(deviceId, now(), count <= 0);
		}
	};
}
