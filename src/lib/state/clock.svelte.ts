// The server's time as this device sees it, ticking while something shows it (a countdown). The offset
// is measured when the first reader appears and again every few minutes (a laptop's clock may be
// adjusted during the day); until it is known, or when the server is not reachable, it is zero: on the
// facilitator's laptop the server runs on the same clock anyway.

import { createSubscriber } from 'svelte/reactivity';

const TICK_MS = 250;
const REMEASURE_MS = 5 * 60_000;
const RETRY_MS = 10_000;

export class Clock {
	#clientNow = $state(Date.now());
	#offsetMs = $state(0);
	#now: () => number;
	#subscribe: () => void;

	constructor(measure: () => Promise<number | null>, now: () => number = Date.now) {
		this.#now = now;
		let retry: ReturnType<typeof setTimeout> | undefined;
		let active = false;
		// A phone that just joined the room's network may not reach the laptop yet: try again soon
		// rather than show its own clock's time for minutes.
		const remeasure = (): void =>
			void measure().then((offset) => {
				clearTimeout(retry);
				if (offset !== null) this.#offsetMs = offset;
				else if (active) retry = setTimeout(remeasure, RETRY_MS);
			});
		this.#subscribe = createSubscriber(() => {
			active = true;
			remeasure();
			const tick = setInterval(() => (this.#clientNow = now()), TICK_MS);
			const again = setInterval(remeasure, REMEASURE_MS);
			return () => {
				clearInterval(tick);
				clearInterval(again);
				clearTimeout(retry);
				active = false;
			};
		});
	}

	/** The server's time, updated four times a second while read in an effect or template. */
	get serverNow(): number {
		this.#subscribe();
		return this.#clientNow + this.#offsetMs;
	}

	/** The server's time at this moment, for a write (a timer's endsAt), not reactive. */
	serverNowOnce(): number {
		return this.#now() + this.#offsetMs;
	}
}
