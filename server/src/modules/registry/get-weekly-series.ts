import { inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/context.ts';
import type { Services } from '../../platform/services.ts';
import { weekCutoffAtOrBefore } from './domain/weeks.ts';
import { ensureWeeklySnapshot } from './ensure-weekly-snapshot.ts';
import type { ProgressScope } from './get-progress.ts';
import { percentOf } from './get-progress.ts';
import * as repo from './repo.ts';
import { registryWeeklySnapshots } from './schema.ts';

/** Weekly cut-offs (oldest first) for charts: registered vs expected and new registrations per week. */
export async function getWeeklySeries(s: Services, ctx: RequestContext, input: { scope: ProgressScope; id?: string | undefined; weeks: number }) {
  const cutoff = weekCutoffAtOrBefore(s.now());
  await ensureWeeklySnapshot(s.db.orm, cutoff);
  let filter = sql`true`;
  if (input.scope === 'unit' && input.id) filter = sql`unit_id = ${input.id}::uuid`;
  if (input.scope === 'state' && input.id) {
    const ids = (await repo.listUnitInfo(s.db.orm)).filter((u) => u.state === input.id).map((u) => u.id);
    filter = ids.length ? inArray(registryWeeklySnapshots.unitId, ids) : sql`false`;
  }
  const rows = await repo.snapshotSeries(s.db.orm, cutoff, input.weeks, filter);
  const byCutoff = new Map<number, { cutoff: Date; registered: number; expected: number; newInWeek: number; newPediatricInWeek: number; pediatric: number; adult: number }>();
  for (const r of rows) {
    const k = new Date(r.cutoff).getTime();
    const acc = byCutoff.get(k) ?? { cutoff: new Date(r.cutoff), registered: 0, expected: 0, newInWeek: 0, newPediatricInWeek: 0, pediatric: 0, adult: 0 };
    acc.registered += r.registered;
    acc.expected += r.expected;
    acc.newInWeek += r.newInWeek;
    acc.newPediatricInWeek += r.newPediatricInWeek;
    acc.pediatric += r.pediatric;
    acc.adult += r.adult;
    byCutoff.set(k, acc);
  }
  const series = [...byCutoff.values()].sort((a, b) => a.cutoff.getTime() - b.cutoff.getTime()).map((p) => ({ ...p, percent: percentOf(p.registered, p.expected) }));
  await ctx.audit({ action: 'READ', entity: 'registry_progress', detail: { scope: input.scope, weeks: series.length } });
  return { series };
}
