/**
 * Baseline for the benchmark: a bare Fastify 5 server whose one handler runs one indexed SELECT
 * through a pg Pool of the same size as OncoPed's, on the same database. No auth, no audit, no
 * schemas, no logging. It answers the same first page of the unit catalogue (the same columns and
 * the same ~14 KB of JSON as GET /api/units), read by the primary key index, so the difference
 * to OncoPed is the framework work OncoPed adds (session, permission, audit, validation, headers).
 *
 * Environment: DATABASE_URL (required), DATABASE_POOL_SIZE (default 10), PORT, HOST (127.0.0.1).
 */
import Fastify from 'fastify';
import pg from 'pg';

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('baseline-server: DATABASE_URL is required\n');
  process.exit(2);
}
const poolSize = Number.parseInt(process.env.DATABASE_POOL_SIZE ?? '10', 10) || 10;
const port = Number.parseInt(process.env.PORT ?? '0', 10) || 0;
const host = process.env.HOST ?? '127.0.0.1';

const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'oncoped-bench-baseline' });
pool.on('error', () => {});

const PAGE_SQL =
  'select id, clues, name, short_name as "shortName", level, state, delegation, is_oncocrean as "isOncocrean", ' +
  `to_char(active_from, 'YYYY-MM-DD') as "activeFrom", active, version from units order by id limit 50`;

const app = Fastify({ logger: false });

app.get('/health', async () => ({ status: 'ok' }));

app.get('/units', async () => {
  const r = await pool.query(PAGE_SQL);
  return { items: r.rows, nextCursor: null };
});

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(1), 5_000);
  force.unref();
  await app.close().catch(() => {});
  await pool.end().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

const probe = await pool.connect();
probe.release();
await app.listen({ port, host });
process.stdout.write(`baseline listening on ${host}:${(app.server.address() as { port: number }).port}\n`);
