/**
 * Kaplan–Meier product-limit survival with Greenwood variance and 95 % confidence intervals on
 * the log(−log S) scale (the default of Stata and of R's `survfit(conf.type = "log-log")`), so
 * the limits always stay inside [0, 1].
 *
 * Output: one row per distinct day on which at least one event or censoring happened, in
 * ascending order. `atRisk` is the number still followed just before that day; at tied times
 * events are counted before censorings (the usual convention). The curve starts at S = 1 before
 * the first row; add a { day: 0, survival: 1 } point when plotting if needed.
 */

export interface KmRow {
  day: number;
  atRisk: number;
  events: number;
  censored: number;
  survival: number;
  lower: number;
  upper: number;
}

const Z95 = 1.959963984540054;

/** Product-limit estimate from individual follow-up times (event = death/relapse; false = censored). */
export function kaplanMeier(rows: ReadonlyArray<{ days: number; event: boolean }>): KmRow[] {
  return kaplanMeierFromCounts(rows.map((r) => ({ day: r.days, events: r.event ? 1 : 0, censored: r.event ? 0 : 1 })));
}

/** Same estimate from pre-aggregated counts per day (duplicate days are merged). */
export function kaplanMeierFromCounts(counts: ReadonlyArray<{ day: number; events: number; censored: number }>): KmRow[] {
  const byDay = new Map<number, { events: number; censored: number }>();
  for (const c of counts) {
    if (!Number.isFinite(c.day) || c.day < 0) throw new RangeError(`invalid follow-up time ${c.day}`);
    if (!Number.isInteger(c.events) || !Number.isInteger(c.censored) || c.events < 0 || c.censored < 0) {
      throw new RangeError('events and censored must be non-negative integers');
    }
    const cur = byDay.get(c.day) ?? { events: 0, censored: 0 };
    cur.events += c.events;
    cur.censored += c.censored;
    byDay.set(c.day, cur);
  }
  const days = [...byDay.keys()].sort((a, b) => a - b);
  let atRisk = 0;
  for (const d of days) atRisk += byDay.get(d)!.events + byDay.get(d)!.censored;

  const out: KmRow[] = [];
  let survival = 1;
  let greenwood = 0; // Σ d / (n (n − d))
  for (const day of days) {
    const { events, censored } = byDay.get(day)!;
    if (events === 0 && censored === 0) continue;
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood = atRisk - events > 0 ? greenwood + events / (atRisk * (atRisk - events)) : Number.POSITIVE_INFINITY;
    }
    let lower: number;
    let upper: number;
    if (survival <= 0) {
      survival = 0;
      lower = 0;
      upper = 0;
    } else if (survival >= 1 || greenwood === 0) {
      lower = survival;
      upper = survival;
    } else {
      const se = Math.sqrt(greenwood) / Math.abs(Math.log(survival));
      lower = survival ** Math.exp(Z95 * se);
      upper = survival ** Math.exp(-Z95 * se);
    }
    out.push({ day, atRisk, events, censored, survival, lower, upper });
    atRisk -= events + censored;
  }
  return out;
}
