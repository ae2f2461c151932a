// Tokens are HS256 JWTs (jose) carrying the claims of src/lib/domain/access.ts: subject, role,
// document-name patterns and expiry (ADR 5). Verification returns an error code, never a reason
// taken from the token, so a client learns only what ERROR_CODES allows.
import { errors, jwtVerify, SignJWT } from 'jose';
import * as v from 'valibot';
import { ROLES, type Role, type TokenClaims } from '../src/lib/domain/access';
import { ERROR_CODES, type ErrorCode } from '../src/lib/contract/protocol';

const ISSUER = 'kommunalwerkstatt';
const ALGORITHM = 'HS256';

const ClaimsSchema = v.object({
	sub: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
	role: v.picklist(ROLES),
	docs: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(300))), v.maxLength(100)),
	exp: v.number(),
	jti: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64)))
});

export interface TokenRequest {
	sub: string;
	role: Role;
	docs: string[];
	ttlSeconds: number;
	/** The device id, for tokens issued through a join code (revocable). */
	jti?: string;
}

export interface IssuedToken {
	token: string;
	claims: TokenClaims;
}

export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; error: ErrorCode };

export interface TokenService {
	issue(request: TokenRequest, now?: Date): Promise<IssuedToken>;
	verify(token: string | null | undefined): Promise<VerifyResult>;
}

export function createTokenService(secret: Uint8Array): TokenService {
	return {
		async issue({ sub, role, docs, ttlSeconds, jti }, now = new Date()) {
			const iat = Math.floor(now.getTime() / 1000);
			const exp = iat + ttlSeconds;
			const jwt = new SignJWT({ role, docs })
				.setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
				.setIssuer(ISSUER)
				.setSubject(sub)
				.setIssuedAt(iat)
				.setExpirationTime(exp);
			if (jti !== undefined) jwt.setJti(jti);
			const token = await jwt.sign(secret);
			const claims: TokenClaims = { sub, role, docs: [...docs], exp };
			if (jti !== undefined) claims.jti = jti;
			return { token, claims };
		},

		async verify(token) {
			if (!token) return { ok: false, error: ERROR_CODES.unauthorized };
			try {
				const { payload } = await jwtVerify(token, secret, {
					algorithms: [ALGORITHM],
					issuer: ISSUER,
					requiredClaims: ['sub', 'exp']
				});
				const parsed = v.safeParse(ClaimsSchema, payload);
				if (!parsed.success) return { ok: false, error: ERROR_CODES.unauthorized };
				const { sub, role, docs, exp, jti } = parsed.output;
				const claims: TokenClaims = { sub, role, docs, exp };
				if (jti !== undefined) claims.jti = jti;
				return { ok: true, claims };
			} catch (error) {
				if (error instanceof errors.JWTExpired)
					return { ok: false, error: ERROR_CODES.tokenExpired };
				return { ok: false, error: ERROR_CODES.unauthorized };
			}
		}
	};
}
