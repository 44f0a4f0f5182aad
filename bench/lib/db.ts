/** The scratch PostgreSQL database of one benchmark run. */
import pg from 'pg';

/** Admin connection (to the `postgres` database); BENCH_PG_URL overrides it. */
export const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, application_name: 'oncoped-bench' });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => {});
  }
}

export function uniqueDatabaseName(): string {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  return `oncoped_bench_${stamp}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
}

export async function createDatabase(name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  await withClient(ADMIN_URL, (c) => c.query(`create database ${name}`));
}

export async function dropDatabase(name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  await withClient(ADMIN_URL, (c) => c.query(`drop database if exists ${name} with (force)`));
}

export async function queryOne<R extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<R> {
  return withClient(url, async (c) => {
    const r = await c.query<R>(text, values);
    return r.rows[0]!;
  });
}
