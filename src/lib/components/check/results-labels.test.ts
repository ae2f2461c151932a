import { describe, expect, it } from 'vitest';
import { suggestionReason } from './results-labels';

describe('the reason a Handlungsfeld is suggested', () => {
	it('names the two published groups a perspective gap lies between, merged or by themselves', () => {
		expect(
			suggestionReason({
				dimension: 'strategie',
				reason: 'perspective_gap',
				value: 50,
				between: { high: 'leitung', low: 'B' }
			})
		).toBe('„Leitung“ und „Beschäftigte“ sehen es sehr unterschiedlich (50 Punkte Abstand)');
	});

	it('gives the score of the weakest dimension and the points of a target gap', () => {
		expect(suggestionReason({ dimension: 'ozg', reason: 'weakest', value: 12.5 })).toBe(
			'schwächste Dimension (Wert 12,5)'
		);
		expect(suggestionReason({ dimension: 'ozg', reason: 'target_gap', value: 35 })).toBe(
			'großer Abstand zum Soll (35 Punkte)'
		);
	});
});
