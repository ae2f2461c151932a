import { describe, expect, it } from 'vitest';
import { deletionErrorMessage } from './deletion-labels';

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
