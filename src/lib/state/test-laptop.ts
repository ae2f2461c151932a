// For the state classes' tests that talk to the laptop's HTTP API or its sync socket (joining, devices,
// central upload), not imported by app code: the real server as a child process on 127.0.0.1, started
// as `npm start` starts it (server/convergence/server-process.ts). It cannot run inside these tests:
// happy-dom replaces `URL`, which server/config.ts relies on. The test page moves to the server's origin,
// http://localhost:<port> as on the laptop, so the classes' relative requests reach it the way the
// laptop's own page does. The owner's token comes from `ownerToken()`: happy-dom sends no Origin on a
// same-origin POST, which the owner rule asks for (ADR 5).
import {
	createServerProcess,
	type ServerProcess
} from '../../../server/convergence/server-process';
import { freePort } from '../../../server/test/free-port';
import { ownerToken } from '../../../server/test/join-api';
import { createTempDir, removeDir } from '../../../server/test/test-server';

export interface TestLaptop {
	/** http://localhost:<port>, also this test page's origin while the laptop runs. */
	readonly origin: string;
	readonly port: number;
	/** The server's DATA_DIR, with its SQLite file (readable beside the running server). */
	readonly dataDir: string;
	/** A token the laptop gives its owner's page (moderation over every municipality). */
	ownerToken(): Promise<string>;
	readonly server: ServerProcess;
	/** Stops the server (it stores what it holds first) and removes its data directory. */
	close(): Promise<void>;
}

/** happy-dom's handle on the test page, which lets a test choose the page's address. */
declare const happyDOM: { setURL(url: string): void };

export async function startTestLaptop(): Promise<TestLaptop> {
	const port = await freePort();
	const dataDir = createTempDir('kw-laptop-');
	const server = createServerProcess({
		port,
		dataDir,
		tokenSecret: 's'.repeat(48),
		debounceMs: 50,
		maxDebounceMs: 200
	});
	try {
		await server.start();
	} catch (error) {
		removeDir(dataDir);
		throw error;
	}
	const origin = `http://localhost:${port}`;
	happyDOM.setURL(`${origin}/`);
	return {
		origin,
		port,
		dataDir,
		server,
		ownerToken: () => ownerToken(port),
		async close() {
			await server.stop();
			removeDir(dataDir);
		}
	};
}
