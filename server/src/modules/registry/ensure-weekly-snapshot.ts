import type { Db } from '../../platform/db/gateway.ts';
import { dateInMexico } from '../../platform/time.ts';
import { previousCutoff } from './domain/weeks.ts';
import { cachedCensus, cachedUnits, storedSnapshots } from './read-cache.ts';
import * as repo from './repo.ts';

/**
 * The per-unit snapshot at a Thursday 18:00 cut-off, computed once and then read: the latest
 * earlier snapshot plus the tally events since it (no scan of patients). Concurrent callers may
 * both compute it; the first insert wins and the values are the same. `persist: false` computes
 * without storing (right after a cut-off, while transactions stamped before it may still commit).
 */
export async function ensureWeeklySnapshot(db: Db, cutoff: Date, opts: { persist?: boolean } = {}): Promise<repo.SnapshotRow[]> {
  const existing = await storedSnapshots(db, cutoff);
  if (existing.length) return existing;
  const prior = await repo.latestSnapshotCutoffBefore(db, cutoff);
  const base = new Map((prior ? await repo.snapshotsAt(db, prior) : []).map((r) => [r.unitId, r]));
  const sincePrior = new Map((await repo.tallyBetween(db, prior, cutoff)).map((r) => [r.unitId, r]));
  const weekStart = previousCutoff(cutoff);
  const week =
    prior && prior.getTime() === weekStart.getTime() ? sincePrior : new Map((await repo.tallyBetween(db, weekStart, cutoff)).map((r) => [r.unitId, r]));
  const census = await cachedCensus(db, dateInMexico(cutoff));
  const units = await cachedUnits(db);
  const rows: repo.SnapshotRow[] = units.map((u) => {
    const b = base.get(u.id);
    const d = sincePrior.get(u.id);
    const w = week.get(u.id);
    const pediatric = (b?.pediatric ?? 0) + (d?.pediatric ?? 0);
    const adult = (b?.adult ?? 0) + (d?.adult ?? 0);
    return {
      unitId: u.id,
      cutoff,
      registered: pediatric + adult,
      pediatric,
      adult,
      expected: census.get(u.id)?.expected ?? 0,
      newInWeek: w?.newInWeek ?? 0,
      newPediatricInWeek: w?.newPediatricInWeek ?? 0,
    };
  });
  if (opts.persist === false) return rows;
  await repo.insertSnapshots(db, rows);
  return storedSnapshots(db, cutoff);
}

