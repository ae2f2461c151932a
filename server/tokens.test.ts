import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenService } from './tokens';

const secret = new TextEncoder().encode('k'.repeat(48));
const tokens = createTokenService(secret);
const request = {
	sub: 'p1',
	role: 'teilnahme' as const,
	docs: ['kommune/032410001001/workshop/w1/**'],
	ttlSeconds: 600
};

describe('tokens', () => {
	it('carry subject, role, document patterns and expiry', async () => {
		const { token, claims } = await tokens.issue(request);
		expect(await tokens.verify(token)).toEqual({ ok: true, claims });
		expect(claims).toMatchObject({ sub: 'p1', role: 'teilnahme', docs: request.docs });
	});

	it('signed with another secret are unauthorized', async () => {
		const other = createTokenService(new TextEncoder().encode('o'.repeat(48)));
		const { token } = await other.issue(request);
		expect(await tokens.verify(token)).toEqual({ ok: false, error: 'unauthorized' });
	});

	it('past their expiry are reported as expired', async () => {
		const { token } = await tokens.issue(request, new Date(Date.now() - 3_600_000));
		expect(await tokens.verify(token)).toEqual({ ok: false, error: 'token_expired' });
	});

	it('that are unsigned, malformed or missing claims are unauthorized', async () => {
		const unsigned = new UnsecuredJWT({ role: 'moderation', docs: ['**'] })
			.setIssuer('kommunalwerkstatt')
			.setSubject('x')
			.setExpirationTime('1h')
			.encode();
		const noRole = await new SignJWT({ docs: ['**'] })
			.setProtectedHeader({ alg: 'HS256' })
			.setIssuer('kommunalwerkstatt')
			.setSubject('x')
			.setExpirationTime('1h')
			.sign(secret);
		const unknownRole = await new SignJWT({ role: 'admin', docs: ['**'] })
			.setProtectedHeader({ alg: 'HS256' })
			.setIssuer('kommunalwerkstatt')
			.setSubject('x')
			.setExpirationTime('1h')
			.sign(secret);
		for (const token of [unsigned, noRole, unknownRole, 'a.b.c', '', null]) {
			expect(await tokens.verify(token)).toEqual({ ok: false, error: 'unauthorized' });
		}
	});
});
