import type { Db } from '../../platform/db/gateway.ts';
import * as repo from './repo.ts';

/**
 * Small in-process caches for the registry's hot reads (progress and dashboards are opened by
 * every coordinator at once on Thursday). What they hold changes rarely and is cleared by this
 * process's own writes; another process sees a change within TTL_MS. Weekly snapshots that were
 * stored are immutable and kept until evicted. One cache per database handle.
 */
const TTL_MS = 10_000;

interface Entry<T> {
  at: number;
  value: T;
}
interface RegistryCache {
  units?: Entry<repo.UnitInfo[]>;
  census: Map<string, Entry<Map<string, { expected: number; effectiveFrom: string }>>>;
  snapshots: Map<number, repo.SnapshotRow[]>;
  dashboards: Map<string, Entry<Awaited<ReturnType<typeof repo.latestDashboardSnapshot>>>>;
}

const caches = new WeakMap<object, RegistryCache>();
const cacheOf = (db: Db): RegistryCache => {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { census: new Map(), snapshots: new Map(), dashboards: new Map() }));
  return c;
};
const fresh = <T>(e: Entry<T> | undefined): e is Entry<T> => !!e && Date.now() - e.at < TTL_MS;

export async function cachedUnits(db: Db): Promise<repo.UnitInfo[]> {
  const c = cacheOf(db);
  if (fresh(c.units)) return c.units.value;
  const value = await repo.listUnitInfo(db);
  c.units = { at: Date.now(), value };
  return value;
}

export async function cachedCensus(db: Db, onDate: string) {
  const c = cacheOf(db);
  const hit = c.census.get(onDate);
  if (fresh(hit)) return hit.value;
  const value = await repo.censusInForce(db, onDate);
  if (c.census.size > 20) c.census.clear();
  c.census.set(onDate, { at: Date.now(), value });
  return value;
}

/** Stored snapshots at a cut-off (never change once written); [] when there are none yet. */
export async function storedSnapshots(db: Db, cutoff: Date): Promise<repo.SnapshotRow[]> {
  const c = cacheOf(db);
  const hit = c.snapshots.get(cutoff.getTime());
  if (hit) return hit;
  const rows = await repo.snapshotsAt(db, cutoff);
  if (rows.length) {
    if (c.snapshots.size > 8) c.snapshots.clear();
    c.snapshots.set(cutoff.getTime(), rows);
  }
  return rows;
}

export async function cachedDashboard(db: Db, scope: string, scopeKey: string) {
  const c = cacheOf(db);
  const key = `${scope}:${scopeKey}`;
  const hit = c.dashboards.get(key);
  if (fresh(hit)) return hit.value;
  const value = await repo.latestDashboardSnapshot(db, scope, scopeKey);
  c.dashboards.set(key, { at: Date.now(), value });
  return value;
}

/** After writes to the census, units or dashboards: drop what they invalidate. */
export function forgetRegistryCaches(db: Db, what: { census?: boolean; dashboards?: boolean; units?: boolean }): void {
  const c = cacheOf(db);
  if (what.census) c.census.clear();
  if (what.dashboards) c.dashboards.clear();
  if (what.units) c.units = undefined;
}
