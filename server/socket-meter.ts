// What one sync socket has sent, and whose budget pays for it (rates per user, ADR 6). Before a
// socket authenticates nobody knows its user, yet Hocuspocus queues its frames and applies them after
// authentication. So those frames are counted here, capped at one burst per socket, and charged to the
// user when the socket authenticates; a user already in debt is refused before anything queued is
// applied. Reconnecting therefore buys no fresh allowance.
import type { Role, TokenClaims } from '../src/lib/domain/access';
import type { RateLimiter } from './rate-limit';

/** The user a socket's messages are charged to. */
export interface SocketUser {
	/** `${role}:${sub}`: the rate-limit key, shared by every socket and tab of that user. */
	key: string;
	role: Role;
}

export interface SocketMeter {
	user: SocketUser | null;
	unpaidMessages: number;
	unpaidBytes: number;
	/** Bytes handed to Hocuspocus before the socket authenticated (it queues them; sync-endpoint.ts). */
	queuedBytes: number;
}

/** The key under which the socket's meter travels in Hocuspocus' connection context. */
const METER = 'kwSocketMeter';

export function newMeterContext(): { [METER]: SocketMeter } {
	return { [METER]: { user: null, unpaidMessages: 0, unpaidBytes: 0, queuedBytes: 0 } };
}

export function meterOf(context: unknown): SocketMeter | null {
	const meter = (context as Record<string, unknown> | undefined)?.[METER];
	return meter && typeof meter === 'object' ? (meter as SocketMeter) : null;
}

/** Charges what the socket sent so far to its user's budget; nothing to charge before it has a user. */
export function settleMeter(limiter: RateLimiter, meter: SocketMeter): void {
	if (!meter.user || meter.unpaidMessages === 0) return;
	limiter.charge(meter.user.key, meter.unpaidMessages, meter.unpaidBytes);
	meter.unpaidMessages = 0;
	meter.unpaidBytes = 0;
}

/**
 * Called when the socket authenticates a document: binds the socket to its first user (a tab has one
 * token source), charges what it sent before, and says whether the user may go on.
 */
export function admitToMeter(
	limiter: RateLimiter,
	meter: SocketMeter,
	claims: TokenClaims
): boolean {
	meter.user ??= { key: `${claims.role}:${claims.sub}`, role: claims.role };
	settleMeter(limiter, meter);
	return !limiter.inDebt(meter.user.key);
}
