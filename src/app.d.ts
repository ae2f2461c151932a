/// <reference types="vite-plugin-pwa/client" />
/// <reference types="vite-plugin-pwa/info" />

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		interface PageState {
			/** A confirmation to show once on the page a deletion led to (ADR 11). */
			deletedNotice?: string;
		}
		// interface Platform {}
	}
}

export {};
