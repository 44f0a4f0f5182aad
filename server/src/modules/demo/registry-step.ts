import { sql } from 'drizzle-orm';
import type { DatabaseMode } from '../../platform/config.ts';
import type { Db } from '../../platform/db/gateway.ts';
import { backfillWeeklySnapshots } from '../registry/backfill-weekly-snapshots.ts';
import { weekCutoffAtOrBefore } from '../registry/domain/weeks.ts';
import { refreshDashboards } from '../registry/refresh-dashboards.ts';
import { RowBuffer, rowWriter, writeBuffered } from './bulk-insert.ts';
import type { DemoContext, DemoStep } from './generate-demo-data.ts';
import { RegistryGenerator, type RegistryOptions, type RegistryUnit } from './generate-registry.ts';
import { fastDemoId } from './ids.ts';
import { DEMO_UNITS } from './units-data.ts';

/** Patients generated between two writes (each write is one multi-row INSERT per table and chunk). */
const BATCH_PATIENTS = 2000;

/**
 * Generates `opts.patients` registry patients with `gen` and writes them to `db` in batches, then
 * the units' census and trainings. Returns the generator (its `stats` say what was written).
 */
export async function loadRegistry(db: Db, opts: RegistryOptions, mode?: DatabaseMode, onBatch?: (done: number) => void): Promise<RegistryGenerator> {
  const gen = new RegistryGenerator(opts);
  await skipForeignKeyChecks(db);
  const write = rowWriter(db, mode);
  const buf = new RowBuffer();
  for (let i = 0; i < opts.patients; i++) {
    gen.patient(i, buf);
    if (buf.size('patients') >= BATCH_PATIENTS) {
      await writeBuffered(write, buf.drain());
      onBatch?.(i + 1);
    }
  }
  gen.census(buf);
  gen.trainings(buf);
  await writeBuffered(write, buf.drain());
  await restoreForeignKeyChecks(db);
  gen.stats.rows = Object.fromEntries(buf.counts);
  return gen;
}

/**
 * Foreign-key triggers cost more than the inserts themselves (four lookups per cycle row): the
 * generated rows reference each other by construction (and the demo tests check that no row is an
 * orphan), so inside the demo transaction they are skipped when the role may do so (PGlite's, and a
 * PostgreSQL superuser's). `SET LOCAL` ends with the transaction.
 */
async function skipForeignKeyChecks(db: Db): Promise<void> {
  const r = (await db.execute(sql`SELECT current_setting('is_superuser') = 'on' AS su`)) as unknown as { rows: { su: boolean }[] };
  if (r.rows[0]?.su) await db.execute(sql`SET LOCAL session_replication_role = replica`);
}

async function restoreForeignKeyChecks(db: Db): Promise<void> {
  await db.execute(sql`SET LOCAL session_replication_role = DEFAULT`);
}

/** The 47 demo units with their ids in this data set. */
export function demoRegistryUnits(unitIdByClues: ReadonlyMap<string, string>): RegistryUnit[] {
  return DEMO_UNITS.map((u) => {
    const id = unitIdByClues.get(u.clues);
    if (!id) throw new Error(`demo unit ${u.clues} not loaded`);
    return { id, clues: u.clues, shortName: u.shortName, level: u.level, state: u.state };
  });
}

/**
 * The registry of the demo: `patients` patients with their clinical records over the year before
 * "now", the census and trainings of every unit, a year of weekly snapshots and the dashboards of
 * the latest Thursday cut-off.
 */
export function registryStep(patients: number): DemoStep {
  return {
    name: 'registry',
    async run(c: DemoContext) {
      const registrarByUnit = new Map([
        [c.unitIdByClues.get('DFIMS000616')!, c.id('user', 'medico')],
        [c.unitIdByClues.get('DFIMS000061')!, c.id('user', 'medico.laraza')],
      ]);
      const t0 = Date.now();
      const gen = await loadRegistry(c.tx, {
        seed: c.seed,
        now: c.now,
        patients,
        units: demoRegistryUnits(c.unitIdByClues),
        // Registry rows get the fast hash of the same (seed, kind, key): hundreds of thousands of ids.
        id: (kind, key) => fastDemoId(c.seed, kind, key),
        detail: 'full',
        registrarByUnit,
      }, c.mode);
      const t1 = Date.now();
      const weeks = await backfillWeeklySnapshots(c.tx, c.now);
      const t2 = Date.now();
      await refreshDashboards(c.tx, weekCutoffAtOrBefore(c.now));
      c.log.info(
        { patients: gen.stats.patients, pediatric: gen.stats.pediatric, rows: gen.stats.rows, weeks, rowsMs: t1 - t0, snapshotsMs: t2 - t1, dashboardsMs: Date.now() - t2 },
        'demo registry loaded',
      );
    },
  };
}
