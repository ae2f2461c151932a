// Structured JSON logs on stdout (pino). Document content and tokens are never logged: call sites log
// names and sizes only, and redaction catches a token that slips into a logged object anyway.
//
// Every log line is bounded, whoever chose its strings (H3 in src/lib/sync/SPEC.md; ADR 16): each string
// field is cut to MAX_LOGGED_CHARS and everything outside printable ASCII is escaped, so a document name
// of 8 MiB or one with control or bidi characters logs as a short, inert line. Refusals (events ending
// in `_refused`, rate limits, oversized documents) are sampled: per event and reason, the first
// REFUSALS_SAMPLED in a window are logged, the rest only counted and logged as one summary line when the
// window ends, so strangers cannot grow the log by trying.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Characters of a string field kept in a log line (before escaping). */
export const MAX_LOGGED_CHARS = 120;
/** Refusals logged in full per event and reason and window; the rest are counted. */
export const REFUSALS_SAMPLED = 3;
export const REFUSAL_WINDOW_MS = 60_000;
/** Distinct event/reason pairs counted per window; any further pair is counted under `other`. */
const MAX_REFUSAL_KEYS = 64;
/** Depth and entries of nested objects kept in a log line. */
const MAX_DEPTH = 3;
const MAX_ENTRIES = 32;

export interface LoggerOptions {
	refusalWindowMs?: number;
}

export function createLogger(
	level: string,
	destination?: DestinationStream,
	options: LoggerOptions = {}
): Logger {
	const sampler = createRefusalSampler(options.refusalWindowMs ?? REFUSAL_WINDOW_MS);
	const logger: Logger = pino(
		{
			name: 'kommunalwerkstatt',
			level,
			redact: {
				paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.cookie'],
				censor: '[redacted]'
			},
			formatters: { log: (fields) => boundedFields(fields, 0) as Record<string, unknown> },
			hooks: {
				logMethod(args, method) {
					const fields = args[0];
					if (typeof fields !== 'object' || fields === null) return method.apply(this, args);
					if (sampler.admit(fields as Record<string, unknown>, (summary) => logger.info(summary))) {
						method.apply(this, args);
					}
				}
			}
		},
		destination ?? pino.destination({ dest: 1, sync: true })
	);
	samplers.set(logger, sampler);
	return logger;
}

const samplers = new WeakMap<Logger, RefusalSampler>();

/** Logs the counts of the current refusal window now (at shutdown, so none is lost). */
export function flushRefusalCounts(logger: Logger): void {
	samplers.get(logger)?.flush((summary) => logger.info(summary));
}

/** A string as it may appear in a log line: cut, with everything outside printable ASCII escaped. */
export function boundedString(value: string): string {
	const kept = value.length > MAX_LOGGED_CHARS ? value.slice(0, MAX_LOGGED_CHARS) : value;
	const escaped = kept.replace(/[^\x20-\x7e]/g, (char) => {
		const code = char.charCodeAt(0);
		return code <= 0xff
			? `\\x${code.toString(16).padStart(2, '0')}`
			: `\\u${code.toString(16).padStart(4, '0')}`;
	});
	return kept === value ? escaped : `${escaped}…[${value.length} chars]`;
}

function boundedFields(value: unknown, depth: number): unknown {
	if (typeof value === 'string') return boundedString(value);
	if (typeof value !== 'object' || value === null) return value;
	if (depth >= MAX_DEPTH) return '[nested]';
	if (Array.isArray(value)) {
		const items = value.slice(0, MAX_ENTRIES).map((item) => boundedFields(item, depth + 1));
		return value.length > MAX_ENTRIES ? [...items, `…[${value.length} items]`] : items;
	}
	// pino serializes errors itself; only their strings need bounding.
	const source = value instanceof Error ? { type: value.name, message: value.message } : value;
	const entries = Object.entries(source).slice(0, MAX_ENTRIES);
	return Object.fromEntries(
		entries.map(([key, field]) => [boundedString(key), boundedFields(field, depth + 1)])
	);
}

interface RefusalSampler {
	/** Whether to log this line now; a refusal beyond the sample is counted instead. */
	admit(fields: Record<string, unknown>, log: (summary: object) => void): boolean;
	flush(log: (summary: object) => void): void;
}

const isRefusal = (event: unknown): event is string =>
	typeof event === 'string' &&
	(event.endsWith('_refused') || event === 'rate_limited' || event === 'document_too_large');

function createRefusalSampler(windowMs: number): RefusalSampler {
	let counts = new Map<string, number>();
	let suppressed = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;

	function flush(log: (summary: object) => void): void {
		clearTimeout(timer);
		timer = undefined;
		if (suppressed > 0) {
			const refused: Record<string, number> = {};
			for (const [key, count] of counts) if (count > REFUSALS_SAMPLED) refused[key] = count;
			log({ event: 'refusals_counted', windowMs, refused });
		}
		counts = new Map();
		suppressed = 0;
	}

	return {
		admit(fields, log) {
			if (!isRefusal(fields.event)) return true;
			const reason = typeof fields.reason === 'string' ? fields.reason : '';
			let key = boundedString(`${fields.event}/${reason}`);
			if (!counts.has(key) && counts.size >= MAX_REFUSAL_KEYS) key = 'other';
			const count = (counts.get(key) ?? 0) + 1;
			counts.set(key, count);
			timer ??= setTimeout(() => flush(log), windowMs);
			timer.unref?.();
			if (count <= REFUSALS_SAMPLED) return true;
			suppressed += 1;
			return false;
		},
		flush
	};
}

/**
 * Sends what libraries print with console.warn and console.error (Hocuspocus names the document it was
 * handling) through the logger, so those lines are bounded and escaped like our own.
 */
export function routeConsoleTo(logger: Logger): void {
	const describe = (args: unknown[]) =>
		args
			.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg)))
			.join(' ');
	console.warn = (...args: unknown[]) =>
		logger.warn({ event: 'library_warning', message: describe(args) }, 'library warning');
	console.error = (...args: unknown[]) =>
		logger.error({ event: 'library_error', message: describe(args) }, 'library error');
}
