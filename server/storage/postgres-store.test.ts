import postgres from 'postgres';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { useCleanup } from '../test/cleanup';
import { startPostgresCluster, type PostgresCluster } from '../test/postgres-cluster';
import { expectDataSurvivesRestart } from '../test/restart-scenario';
import { createTempDir, removeDir } from '../test/test-server';
import { runAccessRecordStoreContract } from './access-record-store.contract';
import { runBlobStoreContract } from './blob-store.contract';
import { runDocumentStoreContract } from './document-store.contract';
import { openPostgresBlobs } from './postgres-blobs';
import { openPostgresAccessRecords } from './postgres-access-records';
import { openPostgresStore } from './postgres-store';

let cluster: PostgresCluster | undefined;
beforeAll(async () => {
	cluster = await startPostgresCluster();
}, 60_000);
afterAll(async () => {
	await cluster?.stop();
}, 60_000);

const url = () => {
	if (!cluster)
		throw new Error('the PostgreSQL test cluster did not start (see the error of beforeAll)');
	return cluster.url;
};

runDocumentStoreContract('PostgreSQL', () => ({
	open: (compaction) => openPostgresStore(url(), compaction),
	async unmerged(name) {
		const sql = postgres(url(), { max: 1, onnotice: () => {} });
		try {
			const [row] = await sql<{ count: number }[]>`
				SELECT count(*)::int AS count FROM document_updates WHERE name = ${name}`;
			return row?.count ?? 0;
		} finally {
			await sql.end({ timeout: 1 });
		}
	}
}));
runAccessRecordStoreContract('PostgreSQL', () => openPostgresAccessRecords(url()));
runBlobStoreContract('PostgreSQL', () => openPostgresBlobs(url()));

describe('central server on PostgreSQL', () => {
	const defer = useCleanup();

	it('data survives a server restart on PostgreSQL', async () => {
		// DATA_DIR stays empty in central mode: the secret comes from the environment, documents from the database.
		const dataDir = createTempDir('kw-central-');
		defer(() => removeDir(dataDir));
		await expectDataSurvivesRestart(
			() => ({
				dataDir,
				env: { DATABASE_URL: url(), TOKEN_SECRET: 'central-secret-'.repeat(4) }
			}),
			defer
		);
	});
});
