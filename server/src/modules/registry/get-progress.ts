import type { RequestContext } from '../../platform/access/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { dateInMexico } from '../../platform/time.ts';
import { previousCutoff, weekCutoffAtOrBefore } from './domain/weeks.ts';
import { ensureWeeklySnapshot } from './ensure-weekly-snapshot.ts';
import { cachedCensus, cachedUnits } from './read-cache.ts';
import * as repo from './repo.ts';

/** A cut-off is frozen only after writes stamped just before it have had time to commit. */
const SETTLE_MS = 2 * 60_000;

export type ProgressScope = 'national' | 'state' | 'unit';

export interface ProgressRow {
  scope: ProgressScope;
  id: string;
  name: string;
  state: string | null;
  level: 'UMAE' | 'SECOND_LEVEL' | null;
  registered: number;
  expected: number;
  percent: number | null;
  newThisWeek: number;
  newPreviousWeek: number;
  newThisWeekPediatric: number;
  newPreviousWeekPediatric: number;
  pediatric: number;
  adult: number;
  units: number;
  unitsComplete: number;
  cutoff: Date;
}

export const percentOf = (registered: number, expected: number) => (expected > 0 ? Math.round((registered / expected) * 1000) / 10 : null);

/**
 * Registration progress (registered ÷ censo integral) per unit, state or nationally (Σ/Σ), with
 * the weekly "+N": newThisWeek counts registrations since the last Thursday 18:00 cut-off,
 * newPreviousWeek the week that ended there. Read from the snapshot at the last cut-off plus the
 * tally events since (a week of rows at most), never from a scan of patients. Aggregate counts
 * are shown to everyone with registry.progress: they are the figures the bulletins publish.
 */
export async function getProgress(s: Services, ctx: RequestContext, input: { scope: ProgressScope; id?: string | undefined }) {
  const result = await computeProgress(s, input);
  await ctx.audit({ action: 'READ', entity: 'registry_progress', detail: { scope: input.scope, rows: result.rows.length } });
  return result;
}

/** The figures without the audit record (for callers that audit their own read). */
export async function computeProgress(s: Services, input: { scope: ProgressScope; id?: string | undefined }) {
  const now = s.now();
  const cutoff = weekCutoffAtOrBefore(now);
  const db = s.db.orm;
  const [snapshot, live, census, units] = await Promise.all([
    ensureWeeklySnapshot(db, cutoff, { persist: now.getTime() - cutoff.getTime() > SETTLE_MS }),
    repo.tallyBetween(db, cutoff, new Date(now.getTime() + 1)),
    cachedCensus(db, dateInMexico(now)),
    cachedUnits(db),
  ]);
  const snap = new Map(snapshot.map((r) => [r.unitId, r]));
  const liveBy = new Map(live.map((r) => [r.unitId, r]));
  const unitRows: ProgressRow[] = units
    .filter((u) => u.active || (snap.get(u.id)?.registered ?? 0) + (liveBy.get(u.id)?.registered ?? 0) > 0)
    .map((u) => {
      const b = snap.get(u.id);
      const l = liveBy.get(u.id);
      const pediatric = (b?.pediatric ?? 0) + (l?.pediatric ?? 0);
      const adult = (b?.adult ?? 0) + (l?.adult ?? 0);
      const expected = census.get(u.id)?.expected ?? 0;
      const registered = pediatric + adult;
      return {
        scope: 'unit',
        id: u.id,
        name: u.shortName,
        state: u.state,
        level: u.level,
        registered,
        expected,
        percent: percentOf(registered, expected),
        newThisWeek: l?.newInWeek ?? 0,
        newPreviousWeek: b?.newInWeek ?? 0,
        newThisWeekPediatric: l?.newPediatricInWeek ?? 0,
        newPreviousWeekPediatric: b?.newPediatricInWeek ?? 0,
        pediatric,
        adult,
        units: 1,
        unitsComplete: expected > 0 && registered >= expected ? 1 : 0,
        cutoff,
      };
    });
  let rows: ProgressRow[];
  if (input.scope === 'unit') {
    rows = input.id ? unitRows.filter((r) => r.id === input.id) : unitRows;
    if (input.id && !rows.length) throw notFound('No existe una unidad médica con ese identificador.', 'UNIT_NOT_FOUND');
  } else if (input.scope === 'state') {
    const byState = new Map<string, ProgressRow[]>();
    for (const r of unitRows) byState.set(r.state!, [...(byState.get(r.state!) ?? []), r]);
    rows = [...byState.entries()].map(([state, rs]) => sumRows('state', state, state, rs, cutoff)).sort((a, b) => a.name.localeCompare(b.name, 'es'));
    if (input.id) {
      rows = rows.filter((r) => r.id === input.id);
      if (!rows.length) throw notFound('No hay unidades de la red en esa entidad.', 'STATE_NOT_FOUND');
    }
  } else {
    rows = [sumRows('national', 'MX', 'Nacional', unitRows, cutoff)];
  }
  return { cutoff, previousCutoff: previousCutoff(cutoff), rows };
}

function sumRows(scope: ProgressScope, id: string, name: string, rs: ProgressRow[], cutoff: Date): ProgressRow {
  const sum = (k: keyof ProgressRow) => rs.reduce((acc, r) => acc + (r[k] as number), 0);
  const registered = sum('registered');
  const expected = sum('expected');
  return {
    scope,
    id,
    name,
    state: scope === 'state' ? id : null,
    level: null,
    registered,
    expected,
    percent: percentOf(registered, expected),
    newThisWeek: sum('newThisWeek'),
    newPreviousWeek: sum('newPreviousWeek'),
    newThisWeekPediatric: sum('newThisWeekPediatric'),
    newPreviousWeekPediatric: sum('newPreviousWeekPediatric'),
    pediatric: sum('pediatric'),
    adult: sum('adult'),
    units: rs.length,
    unitsComplete: sum('unitsComplete'),
    cutoff,
  };
}
