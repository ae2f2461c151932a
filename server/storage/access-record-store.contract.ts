// One contract for both access-record backends (see document-store.contract.ts).
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccessRecord, AccessRecordStore } from './access-record-store';

export function runAccessRecordStoreContract(
	label: string,
	open: () => Promise<AccessRecordStore>
): void {
	describe(`access record store contract: ${label}`, () => {
		const opened: AccessRecordStore[] = [];
		const openStore = async () => {
			const store = await open();
			opened.push(store);
			return store;
		};
		afterEach(async () => {
			while (opened.length > 0) await opened.pop()!.close();
		});
		const NOW = 1_800_000_000_000;
		// Scopes are unique per test, so backends can share one database across tests.
		const scope = () => `kommune/032410001001/workshop/${randomUUID()}`;
		const record = (over: Partial<AccessRecord>): AccessRecord => ({
			kind: 'device',
			id: randomUUID(),
			scope: scope(),
			data: '{"displayName":"Jörg Übermuth"}',
			expiresAt: NOW + 60_000,
			...over
		});

		it('a stored record reads back with exactly its fields, also after reopening', async () => {
			const first = await openStore();
			const device = record({});
			await first.put(device);
			expect(await first.get('device', device.id, NOW)).toEqual(device);
			await first.close();
			const again = await openStore();
			expect(await again.get('device', device.id, NOW)).toEqual(device);
		});

		it('an expired record is not returned and is removed by deleteExpired', async () => {
			const store = await openStore();
			const device = record({ expiresAt: NOW - 1 });
			await store.put(device);
			expect(await store.get('device', device.id, NOW)).toBeNull();
			expect(await store.list('device', device.scope, NOW)).toEqual([]);
			await store.deleteExpired(NOW);
			expect(await store.get('device', device.id, NOW - 10)).toBeNull();
		});

		it('lists the unexpired records of one kind and scope in the order they were added', async () => {
			const store = await openStore();
			const s = scope();
			const a = record({ scope: s, id: 'b-first' });
			const b = record({ scope: s, id: 'a-second' });
			await store.put(a);
			await store.put(b);
			await store.put(record({ scope: s, kind: 'invitation' }));
			await store.put(record({ scope: scope() }));
			expect((await store.list('device', s, NOW)).map((r) => r.id)).toEqual([
				'b-first',
				'a-second'
			]);
		});

		it('put replaces a record of the same kind and id; delete says whether one was there', async () => {
			const store = await openStore();
			const device = record({});
			await store.put(device);
			await store.put({ ...device, data: '{"lastSeenAt":1}' });
			expect((await store.get('device', device.id, NOW))?.data).toBe('{"lastSeenAt":1}');
			expect(await store.get('invitation', device.id, NOW)).toBeNull();
			expect(await store.delete('device', device.id)).toBe(true);
			expect(await store.delete('device', device.id)).toBe(false);
			expect(await store.get('device', device.id, NOW)).toBeNull();
		});

		it('update changes only the data of a record that is there, and never creates one', async () => {
			const store = await openStore();
			const device = record({});
			expect(await store.update('device', device.id, '{"lastSeenAt":2}')).toBe(false);
			expect(await store.get('device', device.id, NOW)).toBeNull();
			await store.put(device);
			expect(await store.update('device', device.id, '{"lastSeenAt":2}')).toBe(true);
			expect(await store.get('device', device.id, NOW)).toEqual({
				...device,
				data: '{"lastSeenAt":2}'
			});
			expect(await store.update('invitation', device.id, '{}')).toBe(false);
			expect(await store.get('invitation', device.id, NOW)).toBeNull();
		});
	});
}
