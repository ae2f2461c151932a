// What the facilitator's device list says about a device: platform and browser, from the User-Agent.
// Coarse on purpose: enough to tell "the iPad" from "the Windows laptop", no fingerprint stored.

const PLATFORMS: ReadonlyArray<[RegExp, string]> = [
	[/iPad/, 'iPad'],
	[/iPhone/, 'iPhone'],
	[/Android/, 'Android'],
	[/Windows/, 'Windows'],
	[/CrOS/, 'ChromeOS'],
	[/Mac OS X|Macintosh/, 'macOS'],
	[/Linux/, 'Linux']
];

const BROWSERS: ReadonlyArray<[RegExp, string]> = [
	[/Edg\//, 'Edge'],
	[/OPR\//, 'Opera'],
	[/Firefox\/|FxiOS\//, 'Firefox'],
	[/Chrome\/|Chromium\/|CriOS\//, 'Chrome'],
	[/Safari\//, 'Safari']
];

export interface DeviceDescription {
	/** A product name (iPad, Android, Windows, …) or null when the User-Agent does not say. */
	platform: string | null;
	browser: string | null;
}

/** Product names only, no words: the client puts them into a sentence in the user's language. */
export function describeDevice(userAgent: string | undefined): DeviceDescription {
	const ua = userAgent?.slice(0, 512) ?? '';
	return {
		platform: PLATFORMS.find(([pattern]) => pattern.test(ua))?.[1] ?? null,
		browser: BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? null
	};
}
