// `npm run token -- --role <role> [--kommune <ARS>] [--workshop <id>] [--round <id>]
//   [--respondent <round>/<rid>] [--sub <name>] [--central <address>] --days <n>`
// Issues a token with this server's secret (DATA_DIR/token-secret on the laptop, TOKEN_SECRET centrally)
// for consultants, scripts and manual tests. The document patterns come from docPatternsFor, the one
// function every issuer uses, so a token from here never covers more than the access table of ADR 5 intends.
// With --central (moderation tokens on the central server), stderr also gets a set-up link that opens
// the laptop's "Zentraler Server" page with address and key filled in (domain/central-setup-link.ts),
// and --qr <file> draws that link as a QR code the laptop's camera can scan.
//
// Exit codes: 0 with only the token on stdout; 2 for a request we refuse (nothing is issued and nothing
// is written, not even a new secret); 1 for a configuration error.
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../src/lib/domain/access';
import { validateArs } from '../../src/lib/domain/ars';
import { isNameId } from '../../src/lib/domain/document-names';
import { newId } from '../../src/lib/domain/ids';
import {
	docPatternsFor,
	type ScopeError,
	type ScopeTarget
} from '../../src/lib/domain/token-scope';
import { writeFileSync } from 'node:fs';
import qrcode from 'qrcode-generator';
import { setupLinkFor } from '../../src/lib/domain/central-setup-link';
import { DEFAULT_PORT } from '../../src/lib/contract/protocol';
import { ConfigError, loadConfig } from '../config';
import { createTokenService } from '../tokens';

const MAX_DAYS = 366;
const SECONDS_PER_DAY = 86_400;
/** What the token verifier accepts as a subject (server/tokens.ts). */
const MAX_SUB_LENGTH = 200;

const OPTIONS = [
	'role',
	'kommune',
	'workshop',
	'round',
	'respondent',
	'sub',
	'days',
	'central',
	'qr'
] as const;
type Option = (typeof OPTIONS)[number];

const USAGE =
	`Aufruf: npm run token -- --role <${ROLES.join('|')}> [--kommune <ARS>] [--workshop <id>] ` +
	`[--round <id>] [--respondent <Runde>/<Befragten-ID>] [--sub <Name>] [--central <Adresse> [--qr <Datei.svg>]] --days <n>`;

const ID_RULE = '1–64 Zeichen aus A–Z, a–z, 0–9, „_“ und „-“';

/** A request we refuse; its message is for the person at the terminal. */
class Refusal extends Error {}

interface CliRequest {
	role: Role;
	sub: string;
	docs: string[];
	ttlSeconds: number;
	/** The central server's public address, for the set-up link. */
	central: string | null;
	/** Where to write the set-up link as a QR code (SVG). */
	qrFile: string | null;
}

/** A QR code as a standalone SVG: black modules on white, with the quiet zone scanners need. */
function qrSvg(text: string): string {
	const qr = qrcode(0, 'M');
	qr.addData(text, 'Byte');
	qr.make();
	return qr.createSvgTag({ cellSize: 6, margin: 24, scalable: true });
}

function parseRequest(argv: string[]): CliRequest {
	const values = readOptions(argv);
	const role = parseRole(values.role);
	const ttlSeconds = Math.round(parseDays(values.days) * SECONDS_PER_DAY);

	const target: ScopeTarget = {};
	if (values.kommune !== undefined) {
		// Keys are often copied with spaces between the digit groups ("03 2 41 0001 001").
		const ars = validateArs(values.kommune);
		if (!ars.ok) throw new Refusal(scopeMessage('ars_invalid', role, target, values.kommune));
		target.ars = ars.value;
	}
	if (values.workshop !== undefined) target.workshop = values.workshop;
	if (values.round !== undefined) target.round = values.round;
	if (values.respondent !== undefined) {
		const parts = values.respondent.split('/');
		if (parts.length !== 2) {
			throw new Refusal(
				`--respondent erwartet <Runde>/<Befragten-ID>, z. B. 2026-1/r7, nicht „${values.respondent}“.`
			);
		}
		const [round, respondent] = parts as [string, string];
		if (target.round !== undefined && target.round !== round) {
			throw new Refusal(
				`--round „${target.round}“ passt nicht zur Runde in --respondent „${values.respondent}“.`
			);
		}
		target.round = round;
		target.respondent = respondent;
	}

	const scope = docPatternsFor(role, target);
	if (!scope.ok) throw new Refusal(scopeMessage(scope.error, role, target, values.kommune));
	const central = values.central === undefined ? null : parseCentral(values.central, role);
	if (values.qr !== undefined && central === null) {
		throw new Refusal('--qr zeichnet den Einrichtungslink und braucht dafür --central <Adresse>.');
	}
	return {
		role,
		sub: subjectFor(role, values.sub, target),
		docs: scope.docs,
		ttlSeconds,
		central,
		qrFile: values.qr ?? null
	};
}

function parseCentral(raw: string, role: Role): string {
	if (role !== 'moderation') {
		throw new Refusal(
			'--central gibt es nur für die Rolle moderation: Sie überträgt zum zentralen Server.'
		);
	}
	const url = URL.canParse(raw) ? new URL(raw) : null;
	if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
		throw new Refusal(
			`--central erwartet die Adresse des zentralen Servers, z. B. https://zentral.example.de, nicht „${raw}“.`
		);
	}
	return url.origin;
}

function readOptions(argv: string[]): Partial<Record<Option, string>> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			// `multiple`, so a repeated option is refused instead of the last one silently winning.
			options: Object.fromEntries(
				OPTIONS.map((name) => [name, { type: 'string', multiple: true }] as const)
			),
			strict: true,
			allowPositionals: false
		});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
			throw new Refusal(
				`Unbekannte Option. Erlaubt sind ${OPTIONS.map((o) => `--${o}`).join(', ')}.`
			);
		}
		if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
			throw new Refusal(
				'Einer Option fehlt ihr Wert (ein Wert mit „-“ am Anfang: --option=-wert).'
			);
		}
		if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
			throw new Refusal('Jede Angabe braucht eine Option davor, z. B. --kommune 032410001001.');
		}
		throw error;
	}
	const values: Partial<Record<Option, string>> = {};
	for (const name of OPTIONS) {
		const given = parsed.values[name] as string[] | undefined;
		if (given === undefined) continue;
		if (given.length > 1) throw new Refusal(`--${name} ist mehrfach angegeben.`);
		values[name] = given[0]!;
	}
	return values;
}

function parseRole(raw: string | undefined): Role {
	if (raw === undefined) throw new Refusal(`Es fehlt --role (${ROLES.join(', ')}).`);
	if (!(ROLES as readonly string[]).includes(raw)) {
		throw new Refusal(`Unbekannte Rolle „${raw}“. Erlaubt sind ${ROLES.join(', ')}.`);
	}
	return raw as Role;
}

function parseDays(raw: string | undefined): number {
	if (raw === undefined) {
		throw new Refusal(
			`Es fehlt --days <n>: wie viele Tage das Token gilt (höchstens ${MAX_DAYS}).`
		);
	}
	// A plain decimal ("30", "0.5" or "0,5"): Number() would also take "0x10", "1e2" or "Infinity".
	const days = /^\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : Number.NaN;
	if (!(days > 0 && days <= MAX_DAYS)) {
		throw new Refusal(`--days muss eine positive Zahl bis ${MAX_DAYS} sein, nicht „${raw}“.`);
	}
	return days;
}

/**
 * The token's subject. For teilnahme it is the participant id (the private document is named after it),
 * for a respondent the respondent id (its document is its own only under that subject).
 */
function subjectFor(role: Role, raw: string | undefined, target: ScopeTarget): string {
	if (role === 'teilnahme') {
		const participant = raw ?? newId();
		if (!isNameId(participant)) {
			throw new Refusal(
				`Für teilnahme ist --sub die Teilnehmer-ID: ${ID_RULE}, nicht „${participant}“.`
			);
		}
		return participant;
	}
	if (role === 'respondent') {
		const respondent = target.respondent!;
		if (raw !== undefined && raw !== respondent) {
			throw new Refusal(
				`Für respondent ist das Subject (sub) die Befragten-ID aus --respondent („${respondent}“); --sub „${raw}“ passt nicht dazu.`
			);
		}
		return respondent;
	}
	if (raw === undefined) return `cli-${newId()}`;
	if (raw.length === 0 || raw.length > MAX_SUB_LENGTH) {
		throw new Refusal(`--sub braucht 1 bis ${MAX_SUB_LENGTH} Zeichen.`);
	}
	return raw;
}

function scopeMessage(
	error: ScopeError,
	role: Role,
	target: ScopeTarget,
	kommune?: string
): string {
	switch (error) {
		case 'ars_required':
			return `Für die Rolle ${role} fehlt --kommune <ARS> (der 12-stellige Amtliche Regionalschlüssel).`;
		case 'ars_invalid':
			return `--kommune „${kommune ?? ''}“ ist kein gültiger Amtlicher Regionalschlüssel: 12 Ziffern, beginnend mit dem Land 01–16, z. B. 032410001001.`;
		case 'workshop_required':
			return role === 'ansicht'
				? 'Die Rolle ansicht braucht --workshop <id> oder --round <id>.'
				: `Die Rolle ${role} braucht --workshop <id>.`;
		case 'round_required':
		case 'respondent_required':
			return 'Die Rolle respondent braucht --respondent <Runde>/<Befragten-ID>.';
		case 'id_invalid':
			return `Workshop-, Runden- und Befragten-IDs bestehen aus ${ID_RULE}.`;
		case 'target_ambiguous':
			if (role === 'beratung') {
				return 'Die Rolle beratung gilt für ganze Kommunen: ohne --workshop, --round und --respondent.';
			}
			if (target.workshop !== undefined) {
				return '--workshop lässt sich nicht mit --round oder --respondent verbinden.';
			}
			return `Die Rolle ${role} nimmt kein --respondent; dafür gibt es die Rolle respondent.`;
	}
}

async function main(argv: string[]): Promise<number> {
	let request: CliRequest;
	try {
		request = parseRequest(argv);
	} catch (error) {
		if (!(error instanceof Refusal)) throw error;
		console.error(`${error.message}\n${USAGE}`);
		return 2;
	}
	try {
		const { config } = loadConfig();
		const { token, claims } = await createTokenService(config.tokenSecret).issue(request);
		const expires = new Date(claims.exp * 1000).toISOString().replace('.000Z', 'Z');
		console.error(
			`Rolle ${claims.role}, Subject ${claims.sub}, Dokumente ${claims.docs.join(' ')}, gültig bis ${expires} (UTC)`
		);
		if (request.central !== null) {
			const link = setupLinkFor(
				{ address: request.central, token },
				`http://localhost:${DEFAULT_PORT}`
			);
			console.error(`Einrichtungslink für den Laptop der Moderation: ${link}`);
			if (request.qrFile !== null) {
				// It carries a moderation key: readable by its owner only, like the token secret.
				writeFileSync(request.qrFile, qrSvg(link), { mode: 0o600 });
				console.error(`QR-Code des Einrichtungslinks: ${request.qrFile}`);
			}
		}
		console.log(token);
		return 0;
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		console.error(`Konfigurationsfehler: ${error.message}`);
		return 1;
	}
}

// exitCode rather than exit(): stdout may be a pipe, and the token must reach it in full.
process.exitCode = await main(process.argv.slice(2));
