import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from './schema.ts';
import type { Database, Db, SqlResult } from './gateway.ts';

export interface PostgresOptions {
  url: string;
  poolSize: number;
}

export async function openPostgres(opts: PostgresOptions): Promise<Database & { pool: pg.Pool }> {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: 'oncoped',
  });
  // A connection that dies while idle must not crash the process.
  pool.on('error', () => {});
  const probe = await pool.connect(); // fail fast with a clear error when the server is unreachable
  probe.release();
  const orm = drizzle({ client: pool, schema }) as unknown as Db;
  let closed = false;
  return {
    mode: 'postgres',
    orm,
    pool,
    transaction: (fn) => orm.transaction(fn),
    async execute<R>(text: string, values: unknown[] = []): Promise<SqlResult<R>> {
      const out = (await pool.query(text, values)) as pg.QueryResult | pg.QueryResult[];
      const res = Array.isArray(out) ? out[out.length - 1] : out; // several statements → last result
      return { rows: (res?.rows ?? []) as R[], rowCount: res?.rowCount ?? 0 };
    },
    async serverVersion() {
      const r = await pool.query<{ v: string }>('SHOW server_version');
      return r.rows[0]?.v ?? '';
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
