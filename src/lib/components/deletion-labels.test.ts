import { describe, expect, it } from 'vitest';
import type { DeletionPlan } from '$lib/state/deletion/scope-deletion-flow.svelte';
import { deletionErrorMessage, lossDescription } from './deletion-labels';

describe('what deleting a respondent loses', () => {
	const plan = (respondent: DeletionPlan['respondent']): DeletionPlan => ({
		target: { kind: 'respondent', ars: '034520000000', round: 'r1', respondent: 'p1' },
		scope: 'kommune/034520000000/check/r1/respondent/p1',
		documents: [],
		unsent: [],
		title: null,
		workshops: 0,
		checkRounds: 0,
		respondents: 0,
		respondent
	});

	it('names the person, their perspective and how many questions they answered', () => {
		expect(lossDescription(plan({ label: 'Fachamt 1', perspective: 'B', answered: 23 }), 'x')).toBe(
			'Befragte Person „Fachamt 1“ (Beschäftigte) mit 23 beantworteten Fragen'
		);
		expect(lossDescription(plan({ label: 'Kämmerer', perspective: 'A', answered: 1 }), 'x')).toBe(
			'Befragte Person „Kämmerer“ (Fach-/Amtsleitungen) mit 1 beantworteten Frage'
		);
	});

	it('falls back to the name on the page with their answers when this device cannot count them', () => {
		expect(lossDescription(plan(null), 'Fachamt 1')).toBe(
			'Befragte Person „Fachamt 1“ mit ihren Antworten'
		);
	});
});

describe('the message when deleting for good fails', () => {
	it('says the central server could not be reached and that nothing was deleted anywhere', () => {
		expect(deletionErrorMessage('unreachable', 'central', [])).toBe(
			'Der zentrale Server ist nicht erreichbar. Es wurde nichts gelöscht, weder dort noch auf dem Laptop-Server noch auf diesem Gerät. Bitte versuchen Sie es erneut, sobald eine Internetverbindung besteht.'
		);
	});

	it('names the central key as the reason when the central server refuses it', () => {
		expect(deletionErrorMessage('token_expired', 'central', [])).toBe(
			'Ihr Zugang zum zentralen Server ist abgelaufen oder ungültig. Bitte geben Sie unter „Zentraler Server“ neue Zugangsdaten ein. Es wurde nichts gelöscht.'
		);
		expect(deletionErrorMessage('forbidden', 'central', [])).toBe(
			'Ihr Zugang zum zentralen Server erlaubt dieses Löschen nicht. Es wurde nichts gelöscht.'
		);
	});

	it('says where it is deleted and where not when the laptop server failed after the central server deleted, and asks to try again', () => {
		expect(deletionErrorMessage('unreachable', 'laptop', ['central'])).toBe(
			'Auf dem zentralen Server ist alles endgültig gelöscht, auf dem Laptop-Server noch nicht (er ist nicht erreichbar). Auf diesem Gerät ist noch alles vorhanden. Bitte wählen Sie noch einmal „Endgültig löschen“.'
		);
	});

	it('says the servers deleted when only this device could not remove its copy', () => {
		expect(deletionErrorMessage('storage_failed', null, ['central', 'laptop'])).toBe(
			'Auf dem zentralen Server und dem Laptop-Server ist alles endgültig gelöscht, aber die Daten auf diesem Gerät konnten nicht entfernt werden. Bitte versuchen Sie es erneut.'
		);
	});

	it('keeps the plain message of the laptop server when no central server is involved', () => {
		expect(deletionErrorMessage('unreachable', 'laptop', [])).toBe(
			'Der Server ist nicht erreichbar. Es wurde nichts gelöscht.'
		);
	});
});
