// `npm run token -- --role beratung --docs 'kommune/*/**' --sub name [--hours 12]`: issues a token with
// this server's secret (DATA_DIR/token-secret on the laptop, TOKEN_SECRET centrally), for consultants'
// access and for manual tests, until the app can issue scoped tokens itself.
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../src/lib/domain/access';
import { ConfigError, loadConfig } from '../config';
import { createTokenService } from '../tokens';

const { values } = parseArgs({
	options: {
		role: { type: 'string' },
		docs: { type: 'string', multiple: true },
		sub: { type: 'string' },
		hours: { type: 'string', default: '12' }
	}
});

const role = values.role as Role | undefined;
const hours = Number(values.hours);
if (!role || !ROLES.includes(role) || !values.docs?.length || !values.sub || !(hours > 0)) {
	console.error(
		`usage: npm run token -- --role <${ROLES.join('|')}> --docs <pattern> [--docs <pattern>…] --sub <subject> [--hours 12]`
	);
	process.exit(2);
}

try {
	const { config } = loadConfig();
	const tokens = createTokenService(config.tokenSecret);
	const { token, claims } = await tokens.issue({
		sub: values.sub,
		role,
		docs: values.docs,
		ttlSeconds: Math.round(hours * 3600)
	});
	console.error(
		`role ${claims.role}, docs ${claims.docs.join(' ')}, expires ${new Date(claims.exp * 1000).toISOString()}`
	);
	console.log(token);
} catch (error) {
	if (!(error instanceof ConfigError)) throw error;
	console.error(`configuration error: ${error.message}`);
	process.exit(1);
}
