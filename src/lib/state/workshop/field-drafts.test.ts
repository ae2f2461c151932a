import { describe, expect, it } from 'vitest';
import { memoryDraftStore as memoryStore } from './draft-test-support';
import { FieldDrafts, type DraftStore } from './field-drafts';

const drafts = (store: DraftStore) =>
	new FieldDrafts(store, (field, blockId) => `w1/${field}/${blockId}`);

describe('FieldDrafts', () => {
	it('gives back what was typed for the block, and nothing for another block', async () => {
		const store = memoryStore();
		await drafts(store).save('card', 'b1', 'Akten nur auf Papier');
		expect(await drafts(store).load('card', 'b1')).toBe('Akten nur auf Papier');
		expect(await drafts(store).load('card', 'b2')).toBe('');
	});

	it('forgets the draft once the field is empty again (the card was added)', async () => {
		const store = memoryStore();
		await drafts(store).save('card', 'b1', 'Akten');
		await drafts(store).save('card', 'b1', '');
		expect(store.entries.size).toBe(0);
		expect(await drafts(store).load('card', 'b1')).toBe('');
	});

	it('reads a storage that fails as no draft, and saving into it does not throw', async () => {
		const failing: DraftStore = {
			get: () => Promise.reject(new Error('QuotaExceededError')),
			set: () => Promise.reject(new Error('QuotaExceededError')),
			delete: () => Promise.reject(new Error('QuotaExceededError'))
		};
		await expect(drafts(failing).save('card', 'b1', 'Akten')).resolves.toBeUndefined();
		expect(await drafts(failing).load('card', 'b1')).toBe('');
	});
});
