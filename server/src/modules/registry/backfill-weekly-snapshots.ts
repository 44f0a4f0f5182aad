import type { Db } from '../../platform/db/gateway.ts';
import { previousCutoff, weekCutoffAtOrBefore } from './domain/weeks.ts';
import { ensureWeeklySnapshot } from './ensure-weekly-snapshot.ts';
import * as repo from './repo.ts';

/** Computes every missing weekly snapshot from the first registration up to `until`. Returns how many cut-offs it wrote. */
export async function backfillWeeklySnapshots(db: Db, until: Date): Promise<number> {
  const first = await repo.firstTallyAt(db);
  const last = weekCutoffAtOrBefore(until);
  if (!first) {
    await ensureWeeklySnapshot(db, last);
    return 1;
  }
  const cutoffs: Date[] = [];
  for (let c = last; c.getTime() > first.getTime() - 7 * 86_400_000; c = previousCutoff(c)) cutoffs.push(c);
  let written = 0;
  for (const c of cutoffs.reverse()) {
    if ((await repo.snapshotsAt(db, c)).length) continue;
    await ensureWeeklySnapshot(db, c);
    written++;
  }
  return written;
}
