// Structured JSON logs on stdout (pino). Document content and tokens are never logged: call sites log
// names and sizes only, and redaction catches a token that slips into a logged object anyway.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: DestinationStream): Logger {
	return pino(
		{
			name: 'kommunalwerkstatt',
			level,
			redact: {
				paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.cookie'],
				censor: '[redacted]'
			}
		},
		destination ?? pino.destination({ dest: 1, sync: true })
	);
}
