/**
 * Times the demo data load (what `npm start` does on an empty folder) without starting the server:
 *
 *   npx tsx bench/demo-load.ts                  # embedded PGlite in memory, 4,228 patients
 *   npx tsx bench/demo-load.ts --patients 300   # another scale (DEMO_PATIENTS)
 *   npx tsx bench/demo-load.ts --dir /tmp/x     # a PGlite folder on disk (as npm start)
 *   npx tsx bench/demo-load.ts --pg             # a scratch PostgreSQL database (BENCH_PG_URL)
 *
 * Prints the time of each phase (database open, migrations, demo data) and row counts.
 */
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from './lib/db.ts';
import { ensureBuiltInRoles } from '../server/src/modules/accounts/ensure-built-in-roles.ts';
import { generateDemoData } from '../server/src/modules/demo/generate-demo-data.ts';
import { openEmbedded } from '../server/src/platform/db/embedded.ts';
import type { Database } from '../server/src/platform/db/gateway.ts';
import { runMigrations } from '../server/src/platform/db/migrate.ts';
import { openPostgres } from '../server/src/platform/db/postgres.ts';
import { createLogger } from '../server/src/platform/logging.ts';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const patients = Number(arg('--patients') ?? process.env.DEMO_PATIENTS ?? 4228);
const pg = argv.includes('--pg');
const log = createLogger(process.env.LOG_LEVEL ?? 'info');

const t0 = performance.now();
let dbName = '';
let db: Database;
if (pg) {
  dbName = uniqueDatabaseName();
  await createDatabase(dbName);
  db = await openPostgres({ url: databaseUrl(dbName), poolSize: 4 });
} else {
  db = await openEmbedded({ dataDir: arg('--dir') ?? 'memory://demo-load' });
}
const t1 = performance.now();
await runMigrations(db);
await ensureBuiltInRoles(db.orm);
const t2 = performance.now();
await generateDemoData(db, log, { patients });
const t3 = performance.now();
const counts = await db.execute<{ t: string; n: number }>(
  `SELECT 'patients' AS t, count(*)::int AS n FROM patients UNION ALL SELECT 'treatment_cycles', count(*)::int FROM treatment_cycles
   UNION ALL SELECT 'registry_weekly_snapshots', count(*)::int FROM registry_weekly_snapshots
   UNION ALL SELECT 'registry_dashboard_snapshots', count(*)::int FROM registry_dashboard_snapshots`,
);
process.stdout.write(
  `${pg ? 'PostgreSQL' : 'PGlite'}: open ${((t1 - t0) / 1000).toFixed(1)} s, migrations ${((t2 - t1) / 1000).toFixed(1)} s, demo data (${patients} patients) ${((t3 - t2) / 1000).toFixed(1)} s\n` +
    counts.rows.map((r) => `  ${r.t}: ${r.n}`).join('\n') +
    '\n',
);
await db.close();
if (dbName) await dropDatabase(dbName);
