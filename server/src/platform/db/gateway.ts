import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import type { DatabaseMode } from '../config.ts';
import type * as schema from './schema.ts';

export type Schema = typeof schema;
/** A Drizzle handle: the database itself or an open transaction. Repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface SqlResult<R = Record<string, unknown>> {
  rows: R[];
  rowCount: number;
}

/**
 * The one door to the database. Both modes (embedded PGlite and a PostgreSQL server) expose the
 * same surface, so modules never know which one they run on.
 */
export interface Database {
  readonly mode: DatabaseMode;
  /** Drizzle ORM bound to this database. */
  readonly orm: Db;
  /**
   * Runs fn in one transaction. On PostgreSQL it takes a pooled connection; on PGlite the single
   * backend is held exclusively, so concurrent transactions are serialised, never interleaved.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Raw parameterised SQL (one statement), for adapters such as the job queue. */
  execute<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<SqlResult<R>>;
  /** Server version string, e.g. "15.19". */
  serverVersion(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Runs a hand-written query and returns its rows as the database sent them. For hot read paths:
 * Drizzle's per-column result mapping costs more than the query itself on lists of dozens of
 * rows, so those queries alias their columns in SQL and skip it.
 */
export async function rowsOf<R>(db: Db, query: SQL): Promise<R[]> {
  const res = (await db.execute(query)) as unknown as { rows: R[] };
  return res.rows;
}

/**
 * Both drivers hand raw strings, in the server's own text format, for timestamps in hand-written
 * queries. Select them through `isoTimestamp(column)` (ISO 8601 UTC text) and turn them into Dates
 * with `withDates(rows, keys)` before they reach an API schema.
 */
export const isoTimestamp = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export function withDates<R>(rows: R[], keys: readonly (keyof R)[]): R[] {
  for (const row of rows) {
    for (const key of keys) {
      const v = row[key] as unknown;
      if (typeof v === 'string') (row as Record<keyof R, unknown>)[key] = new Date(v);
    }
  }
  return rows;
}
