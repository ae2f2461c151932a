import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ERROR_CODES } from '../../src/lib/contract/protocol';
import { loadConfig } from '../config';
import { openSqliteAccessRecords } from '../storage/sqlite-access-records';
import { createTempDir, removeDir } from '../test/test-server';
import { createTokenService } from '../tokens';
import { createDeviceRegistry, MAX_DEVICES_PER_SCOPE } from './device-registry';

const ARS = '032410001001';
const joining = loadConfig({ TOKEN_SECRET: 's'.repeat(40), DATABASE_URL: '' }).config.joining;
const tokens = createTokenService(new TextEncoder().encode('s'.repeat(40)));
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

function registryAt(clock: { now: number }, dir = createTempDir('kw-registry-')) {
	dirs.push(dir);
	const records = openSqliteAccessRecords(join(dir, 'db.sqlite'));
	return createDeviceRegistry({ records, tokens, joining, now: () => clock.now });
}

const facilitator = { sub: 'owner', role: 'moderation' as const, docs: ['kommune/*/**'], exp: 0 };

/** A join code of workshop w1 the facilitator made for `kind`. */
async function workshopCode(
	registry: ReturnType<typeof registryAt>,
	kind: 'ansicht' | 'teilnahme'
) {
	const created = await registry.createInvitation(facilitator, {
		kind,
		ars: ARS,
		workshop: 'w1',
		label: 'Workshop'
	});
	if (!created.ok) throw new Error(created.error);
	return created;
}

describe('device registry', () => {
	it('an invitation works until it expires, and not a millisecond after', async () => {
		const clock = { now: 1_800_000_000_000 };
		const registry = registryAt(clock);
		const created = await workshopCode(registry, 'ansicht');
		expect(created.value.expiresAt).toBe(clock.now + joining.invitationTtlSeconds * 1000);

		clock.now = created.value.expiresAt - 1;
		expect((await registry.join({ code: created.value.code }, undefined)).ok).toBe(true);
		clock.now = created.value.expiresAt;
		expect(await registry.join({ code: created.value.code }, undefined)).toEqual({
			ok: false,
			status: 404,
			error: ERROR_CODES.invalidCode
		});
	});

	it('a joined device is active until its token expires or it is removed', async () => {
		const clock = { now: 1_800_000_000_000 };
		const registry = registryAt(clock);
		const created = await workshopCode(registry, 'teilnahme');
		const a = await registry.join({ code: created.value.code, displayName: 'A' }, undefined);
		const b = await registry.join({ code: created.value.code, displayName: 'B' }, undefined);
		if (!a.ok || !b.ok) throw new Error('join failed');
		expect(await registry.isActive(a.value.deviceId)).toBe(true);
		expect((await registry.removeDevice(facilitator, a.value.deviceId)).ok).toBe(true);
		expect(await registry.isActive(a.value.deviceId)).toBe(false);
		expect(await registry.isActive(b.value.deviceId)).toBe(true);
		clock.now += joining.deviceTokenTtlSeconds * 1000;
		expect(await registry.isActive(b.value.deviceId)).toBe(false);
	});

	it('"zuletzt gesehen" survives a restart of the server, and saving it never brings back a removed device', async () => {
		const clock = { now: 1_800_000_000_000 };
		const dir = createTempDir('kw-registry-');
		const registry = registryAt(clock, dir);
		const created = await workshopCode(registry, 'teilnahme');
		const scope = `kommune/${ARS}/workshop/w1`;
		const join = async (name: string) => {
			const joined = await registry.join(
				{ code: created.value.code, displayName: name },
				undefined
			);
			if (!joined.ok) throw new Error(joined.error);
			return joined.value.deviceId;
		};
		const anna = await join('Anna');
		const ben = await join('Ben');
		const joinedAt = clock.now;
		// Anna's phone is online for 25 minutes and then goes; Ben's goes after 5 and is removed.
		registry.connected(anna);
		registry.connected(ben);
		clock.now = joinedAt + 5 * 60_000;
		registry.disconnected(ben);
		expect((await registry.removeDevice(facilitator, ben)).ok).toBe(true);
		clock.now = joinedAt + 25 * 60_000;
		registry.disconnected(anna);

		const seenAfterRestart = async () => {
			const restarted = registryAt(clock, dir);
			const listed = await restarted.listDevices(facilitator, scope);
			if (!listed.ok) throw new Error(listed.error);
			return listed.value.map((device) => [device.displayName, device.lastSeenAt]);
		};
		await vi.waitFor(async () =>
			expect(await seenAfterRestart()).toEqual([['Anna', joinedAt + 25 * 60_000]])
		);
	});

	it('an invitation for a target that is not a workshop, round or respondent is refused', async () => {
		const registry = registryAt({ now: 1_800_000_000_000 });
		for (const body of [
			{ kind: 'teilnahme', ars: ARS, label: 'ohne Workshop' },
			{ kind: 'teilnahme', ars: ARS, round: 'r1', label: 'Runde' },
			{ kind: 'respondent', ars: ARS, round: 'r1', label: 'ohne Person', respondentLabel: 'P' },
			{ kind: 'respondent', ars: ARS, round: 'r1', respondent: 'x', label: 'ohne Bezeichnung' },
			{ kind: 'teilnahme', ars: '1234', workshop: 'w1', label: 'ARS' },
			{ kind: 'teilnahme', ars: ARS, workshop: 'w/1', label: 'Id' },
			{ kind: 'teilnahme', ars: ARS, workshop: 'w1', label: '' },
			{ kind: 'admin', ars: ARS, workshop: 'w1', label: 'Rolle' }
		]) {
			expect(await registry.createInvitation(facilitator, body)).toEqual({
				ok: false,
				status: 400,
				error: ERROR_CODES.invalidRequest
			});
		}
	});
});

describe('device registry limits', () => {
	it('a workshop takes at most 200 devices; the 201st join is refused and creates nothing', async () => {
		const registry = registryAt({ now: 1_800_000_000_000 });
		const created = await workshopCode(registry, 'ansicht');
		for (let i = 0; i < MAX_DEVICES_PER_SCOPE; i++) {
			expect((await registry.join({ code: created.value.code }, undefined)).ok).toBe(true);
		}
		expect(await registry.join({ code: created.value.code }, undefined)).toEqual({
			ok: false,
			status: 429,
			error: ERROR_CODES.tooManyDevices
		});
		const listed = await registry.listDevices(facilitator, 'kommune/032410001001/workshop/w1');
		expect(listed.ok && listed.value.length).toBe(MAX_DEVICES_PER_SCOPE);
	});
});
