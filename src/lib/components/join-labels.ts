// German words for roles and devices of joining; the server sends codes and product names only.
import { m } from '$lib/paraglide/messages.js';
import type { JoinResponse } from '$lib/contract/protocol';

export function roleLabel(role: JoinResponse['role'], kind: JoinResponse['kind']): string {
	if (kind === 'co-moderation' || role === 'moderation') return m.role_co_moderation();
	if (role === 'ansicht') return m.role_ansicht();
	if (role === 'respondent') return m.role_respondent();
	return m.role_teilnahme();
}

export function deviceDescription(platform: string | null, browser: string | null): string {
	if (platform && browser) return m.device_browser_on_platform({ browser, platform });
	return platform ?? browser ?? m.device_unknown();
}
