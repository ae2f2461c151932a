// The set-up link for the central server: the laptop page with the central server's address and a
// moderation key in the fragment (a fragment never reaches a server). The token CLI prints it and can
// draw it as a QR code; the page reads it from its own address, a pasted link or a scanned code.

export interface CentralSetup {
	address: string;
	token: string;
}

export const SETUP_PATH = '/zentrale';

export function setupLinkFor(setup: CentralSetup, laptopOrigin: string): string {
	const fragment = new URLSearchParams({ adresse: setup.address, schluessel: setup.token });
	return `${laptopOrigin}${SETUP_PATH}#${fragment.toString()}`;
}

/** Address and key from a set-up link or just its fragment; null when either is missing. */
export function readSetupLink(text: string): CentralSetup | null {
	const hashAt = text.indexOf('#');
	const fragment = new URLSearchParams(hashAt >= 0 ? text.slice(hashAt + 1) : text);
	const address = fragment.get('adresse')?.trim();
	const token = fragment.get('schluessel')?.trim();
	return address && token ? { address, token } : null;
}
