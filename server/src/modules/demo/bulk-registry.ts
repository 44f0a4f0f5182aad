/**
 * Benchmark-scale registries (e.g. 1 000 000 patients) on a PostgreSQL server, from the same
 * generator as the demo ('core' detail: patient, first diagnosis, plan and first cycle, status
 * history, tally event), grown over five years by default (≈ 4 000–7 000 registrations a week at a
 * million, instead of the demo's single year). Loads on top of an installation that already has its units (the demo),
 * never reusing a CURP already registered.
 *
 * Fast path: secondary indexes of the loaded tables are dropped and rebuilt after the load, foreign
 * key triggers are skipped (session_replication_role = replica, when the role may set it) and
 * commits are asynchronous; batches of 20 000 patients are written with COPY … FROM STDIN (one
 * statement per table) while the next batch is generated. Then the weekly snapshots and the
 * dashboards are recomputed.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../../platform/db/gateway.ts';
import * as schema from '../../platform/db/schema.ts';
import { backfillWeeklySnapshots } from '../registry/backfill-weekly-snapshots.ts';
import { weekCutoffAtOrBefore } from '../registry/domain/weeks.ts';
import { refreshDashboards } from '../registry/refresh-dashboards.ts';
import { RowBuffer, TABLE_ORDER, TABLES, writeBuffered, type Cell, type TableKey } from './bulk-insert.ts';
import { RegistryGenerator, type RegistryUnit } from './generate-registry.ts';
import { copyRows } from './pg-copy.ts';

export interface BulkRegistryOptions {
  /** postgres:// URL of a database that has the schema and the units (e.g. after the demo). */
  url: string;
  patients: number;
  seed?: number;
  now?: Date;
  /** Progress callback (patients written so far, phase). */
  progress?: (msg: string) => void;
  /** Skip the weekly snapshots and dashboards. */
  skipSnapshots?: boolean;
  /** Weeks over which the registry grew (default 260: a national registry built over five years). */
  weeks?: number;
}

export interface BulkRegistryResult {
  patients: number;
  rows: Record<string, number>;
  ms: { generateAndInsert: number; indexes: number; analyze: number; snapshots: number; dashboards: number; total: number };
}

const BATCH = 20_000;
const LOADED: readonly TableKey[] = ['patients', 'diagnoses', 'plans', 'cycles', 'statuses', 'tally'];

/** A UUID from a per-load prefix and a counter: unique, deterministic, and kind to btree pages. */
function counterIds(seed: number): () => string {
  const hi = (seed >>> 0).toString(16).padStart(8, '0').slice(-8);
  let n = 0;
  return () => {
    const h = (n++).toString(16).padStart(14, '0');
    return `${hi}-b${h.slice(0, 3)}-4${h.slice(3, 6)}-8${h.slice(6, 9)}-0000000${h.slice(9, 14)}`;
  };
}

export async function loadBulkRegistry(o: BulkRegistryOptions): Promise<BulkRegistryResult> {
  const t0 = performance.now();
  const say = o.progress ?? (() => {});
  const client = new pg.Client({ connectionString: o.url, application_name: 'oncoped-bulk-load' });
  await client.connect();
  const db = drizzle({ client, schema }) as unknown as Db;
  try {
    await client.query(`SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET work_mem = '64MB'`);
    try {
      await client.query('SET session_replication_role = replica');
    } catch {
      /* not a superuser: foreign keys are checked, which is only slower */
    }
    const seed = o.seed ?? 424242;
    const now = o.now ?? new Date();
    const units = (await client.query<RegistryUnit>(`SELECT id, clues, short_name AS "shortName", level, state FROM units WHERE active ORDER BY clues`)).rows;
    if (units.length === 0) throw new Error('bulk registry: the database has no units (load the demo first)');
    const taken = (await client.query<{ curp: string }>('SELECT curp FROM patients')).rows.map((r) => r.curp);

    // Secondary indexes of the loaded tables (not those behind primary keys or constraints).
    const tables = LOADED.map((k) => TABLES[k].table);
    const idx = (
      await client.query<{ name: string; def: string }>(
        `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
         WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
        [tables],
      )
    ).rows;
    for (const i of idx) await client.query(`DROP INDEX IF EXISTS "${i.name}"`);
    say(`dropped ${idx.length} secondary indexes`);

    const nextId = counterIds(seed);
    const gen = new RegistryGenerator({ seed, now, patients: o.patients, units, id: () => nextId(), detail: 'core', takenCurps: taken, keyPrefix: 'b', weeks: o.weeks ?? 260 });
    const buf = new RowBuffer();
    let inFlight: Promise<void> | null = null;
    const flush = async (rows: Map<TableKey, Cell[][]>) => {
      if (inFlight) await inFlight;
      inFlight = (async () => {
        for (const key of TABLE_ORDER) {
          const list = rows.get(key);
          if (list?.length) await copyRows(client, TABLES[key], list);
        }
      })();
    };
    const started = performance.now();
    for (let i = 0; i < o.patients; i++) {
      gen.patient(i, buf);
      if (buf.size('patients') >= BATCH) {
        await flush(buf.drain());
        if ((i + 1) % 100_000 === 0) say(`${i + 1} patients (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      }
    }
    await flush(buf.drain());
    await inFlight;
    const t1 = performance.now();

    // The census follows the new scale; trainings stay as they are.
    await client.query('DELETE FROM unit_census');
    const units2 = new RowBuffer();
    gen.census(units2);
    await writeBuffered(db, new Map([['census', units2.drain().get('census') ?? []]]));

    for (const i of idx) await client.query(i.def);
    const t2 = performance.now();
    say(`rebuilt ${idx.length} indexes in ${((t2 - t1) / 1000).toFixed(0)} s`);
    await client.query('SET session_replication_role = DEFAULT').catch(() => {});
    for (const t of [...tables, 'unit_census']) await client.query(`ANALYZE ${t}`);
    const t3 = performance.now();

    let t4 = t3;
    let t5 = t3;
    if (!o.skipSnapshots) {
      // The registry's own jobs, on a pool (they run their aggregate queries in parallel).
      const pool = new pg.Pool({ connectionString: o.url, max: 4, application_name: 'oncoped-bulk-load' });
      try {
        const pdb = drizzle({ client: pool, schema }) as unknown as Db;
        await client.query('DELETE FROM registry_weekly_snapshots');
        await backfillWeeklySnapshots(pdb, now);
        t4 = performance.now();
        say(`weekly snapshots in ${((t4 - t3) / 1000).toFixed(0)} s`);
        await refreshDashboards(pdb, weekCutoffAtOrBefore(now));
        t5 = performance.now();
        say(`dashboards in ${((t5 - t4) / 1000).toFixed(0)} s`);
      } finally {
        await pool.end();
      }
    }
    return {
      patients: gen.stats.patients,
      rows: Object.fromEntries(buf.counts),
      ms: { generateAndInsert: t1 - t0, indexes: t2 - t1, analyze: t3 - t2, snapshots: t4 - t3, dashboards: t5 - t4, total: t5 - t0 },
    };
  } finally {
    await client.end().catch(() => {});
  }
}
