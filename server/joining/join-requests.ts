// The shapes of what joining stores and receives, validated on every read: a request body is untrusted,
// and a stored record may come from an older server.
import * as v from 'valibot';
import { ROLES } from '../../src/lib/domain/access';
import { hasForbiddenCharacters } from '../../src/lib/domain/display-name';
import { TITLE_MAX_LENGTH } from '../../src/lib/domain/session-input';
import { NAME_ID_PATTERN } from '../../src/lib/domain/document-names';
import { INVITATION_KINDS } from '../../src/lib/contract/protocol';

const NameId = v.pipe(v.string(), v.regex(NAME_ID_PATTERN));
const Label = v.pipe(
	v.string(),
	v.trim(),
	v.minLength(1),
	// Counted as people see characters (code points), like the client's validateTitle.
	v.check((value) => [...value].length <= TITLE_MAX_LENGTH),
	// Shown to everyone who joins: plain text only, no control characters.
	v.check((value) => !hasForbiddenCharacters(value))
);

export const InvitationRequestSchema = v.object({
	kind: v.picklist(INVITATION_KINDS),
	ars: v.pipe(v.string(), v.regex(/^\d{12}$/)),
	workshop: v.optional(NameId),
	round: v.optional(NameId),
	respondent: v.optional(NameId),
	label: Label,
	/** The respondent's pseudonymous label (respondent invitations only). */
	respondentLabel: v.optional(Label)
});
export type ValidInvitationRequest = v.InferOutput<typeof InvitationRequestSchema>;

export const JoinRequestSchema = v.object({
	code: v.pipe(v.string(), v.maxLength(40)),
	displayName: v.optional(v.string())
});

/** What an invitation record holds besides its code hash. */
export const InvitationDataSchema = v.variant('kind', [
	v.object({
		kind: v.picklist(INVITATION_KINDS),
		ars: v.string(),
		workshop: v.nullable(v.string()),
		round: v.nullable(v.string()),
		respondent: v.nullable(v.string()),
		label: v.string(),
		respondentLabel: v.optional(v.nullable(v.string())),
		/** The device that asked for the code (null: the laptop's owner or a token without a device). */
		createdBy: v.optional(v.nullable(v.string())),
		createdAt: v.number()
	}),
	// A one-time code that adds a device to an existing participant (or respondent).
	v.object({
		kind: v.literal('device-link'),
		device: v.lazy(() => DeviceDataSchema),
		/** The device that showed the code: the link works only while it is still admitted. */
		origin: v.string()
	})
]);
export type InvitationData = v.InferOutput<typeof InvitationDataSchema>;

export const DeviceDataSchema = v.object({
	kind: v.picklist([...INVITATION_KINDS, 'device-link']),
	role: v.picklist(ROLES),
	sub: v.string(),
	docs: v.array(v.string()),
	ars: v.string(),
	workshop: v.nullable(v.string()),
	round: v.nullable(v.string()),
	respondent: v.nullable(v.string()),
	label: v.string(),
	displayName: v.string(),
	platform: v.nullable(v.string()),
	browser: v.nullable(v.string()),
	joinedAt: v.number(),
	lastSeenAt: v.number()
});
export type DeviceData = v.InferOutput<typeof DeviceDataSchema>;

/** Parses a stored JSON column; null when it is not what we wrote. */
export function parseStored<T>(schema: v.GenericSchema<unknown, T>, json: string): T | null {
	try {
		const parsed = v.safeParse(schema, JSON.parse(json));
		return parsed.success ? parsed.output : null;
	} catch {
		return null;
	}
}
