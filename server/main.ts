// Entry point of `npm start` (via scripts/start.mjs): configuration from the environment, the server on
// one port, console lines for the facilitator, and a clean stop on Ctrl-C (documents flushed).
import { ConfigError, loadConfig, type LoadedConfig } from './config';
import { createAppServer } from './app-server';
import { lanUrls } from './http/host-rules';
import { createLogger, routeConsoleTo } from './logger';

let loaded: LoadedConfig;
try {
	loaded = loadConfig();
} catch (error) {
	if (!(error instanceof ConfigError)) throw error;
	console.error(`Kommunalwerkstatt: configuration error: ${error.message}`);
	process.exit(1);
}
const { config, notes } = loaded;
const logger = createLogger(config.logLevel);
for (const note of notes) logger.info({ event: 'config' }, note);

const server = createAppServer(config, { logger });
try {
	await server.listen();
} catch (error) {
	const code = (error as NodeJS.ErrnoException).code;
	logger.fatal({ event: 'listen_failed', code, error: String(error) }, 'could not start');
	if (code === 'EADDRINUSE') {
		console.error(`Port ${config.port} ist belegt. Anderen Port wählen, z. B. PORT=8421 npm start`);
	}
	await server.close();
	process.exit(1);
}

console.log(`Kommunalwerkstatt läuft: ${server.url}`);
for (const url of lanUrls(config.host, server.port)) console.log(`Im Raum-Netz (LAN): ${url}`);
console.log('Beenden mit Strg+C.');
// From here on, what Hocuspocus prints about connections goes through the bounded log (H3).
routeConsoleTo(logger);

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
	if (stopping) {
		logger.warn({ event: 'forced_exit', signal }, 'second signal: exiting without waiting');
		process.exit(1);
	}
	stopping = true;
	logger.info({ event: 'stopping', signal }, 'stopping');
	server.close().then(
		() => process.exit(0),
		(error: unknown) => {
			logger.error({ event: 'stop_failed', error: String(error) }, 'stop failed');
			process.exit(1);
		}
	);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
// Started by scripts/start.mjs: if that script is gone (killed with SIGKILL), nobody would pass a stop
// signal on any more, so its end stops the server (ADR 16).
if (process.env.KW_STOP_WITH_PARENT === '1') {
	const parent = process.ppid;
	const parentWatch = setInterval(() => {
		if (process.ppid === parent) return;
		clearInterval(parentWatch);
		if (!stopping) stop('SIGTERM');
	}, 500);
	parentWatch.unref();
}
