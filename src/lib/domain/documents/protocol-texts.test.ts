import { describe, expect, it } from 'vitest';
import messages from '../../../../messages/de.json';
import { BLOCK_METHODS } from '../workshop/agenda';
import { PROTOCOL_TEXTS } from './protocol-texts';

// The documents are made in the domain layer, which cannot reach the app's messages; a participant
// who reads "Priorisierungsmatrix" in the protocol and "Nutzen-Aufwand-Matrix" in the app wonders
// whether these were two steps.
describe('the protocol names things as the app does', () => {
	it.each(BLOCK_METHODS)('names the method "%s" exactly as the app does', (method) => {
		const appName = (messages as Record<string, string>)[`method_${method}`];
		expect(appName).toBeDefined();
		expect(PROTOCOL_TEXTS.methods[method]).toBe(appName);
	});

	it('heads the matrix section with the name of the matrix page', () => {
		expect(PROTOCOL_TEXTS.matrix.heading).toBe(messages.matrix_title);
	});
});
