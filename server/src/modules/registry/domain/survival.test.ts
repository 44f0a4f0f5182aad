import { describe, expect, it } from 'vitest';
import { kaplanMeier, kaplanMeierFromCounts } from './survival.ts';

// Freireich et al. (1963) / Gehan (1965) remission data, 6-MP arm (weeks; + = censored): the
// classic textbook example (Kleinbaum & Klein, "Survival Analysis", ch. 2; R `survfit` output
// with conf.type = "log-log").
const SIX_MP = '6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+'
  .split(' ')
  .map((t) => ({ days: Number.parseInt(t, 10), event: !t.endsWith('+') }));

describe('kaplanMeier', () => {
  it('reproduces the 6-MP textbook table (survival, Greenwood, log-log 95 % CI)', () => {
    const km = kaplanMeier(SIX_MP);
    const events = km.filter((r) => r.events > 0).map((r) => ({
      day: r.day,
      atRisk: r.atRisk,
      events: r.events,
      survival: Number(r.survival.toFixed(3)),
      lower: Number(r.lower.toFixed(3)),
      upper: Number(r.upper.toFixed(3)),
    }));
    expect(events).toEqual([
      { day: 6, atRisk: 21, events: 3, survival: 0.857, lower: 0.62, upper: 0.952 },
      { day: 7, atRisk: 17, events: 1, survival: 0.807, lower: 0.563, upper: 0.923 },
      { day: 10, atRisk: 15, events: 1, survival: 0.753, lower: 0.503, upper: 0.889 },
      { day: 13, atRisk: 12, events: 1, survival: 0.69, lower: 0.432, upper: 0.849 },
      { day: 16, atRisk: 11, events: 1, survival: 0.627, lower: 0.368, upper: 0.805 },
      { day: 22, atRisk: 7, events: 1, survival: 0.538, lower: 0.268, upper: 0.747 },
      { day: 23, atRisk: 6, events: 1, survival: 0.448, lower: 0.188, upper: 0.68 },
    ]);
  });

  it('lists censor-only days with the survival unchanged, ties counting events first', () => {
    const km = kaplanMeier(SIX_MP);
    expect(km.map((r) => r.day)).toEqual([6, 7, 9, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 34, 35]);
    const d6 = km[0]!;
    expect(d6).toMatchObject({ day: 6, atRisk: 21, events: 3, censored: 1 });
    const d9 = km.find((r) => r.day === 9)!;
    expect(d9).toMatchObject({ atRisk: 16, events: 0, censored: 1 });
    expect(d9.survival).toBeCloseTo(0.8067, 4);
    expect(km.at(-1)).toMatchObject({ day: 35, atRisk: 1, events: 0, censored: 1 });
    expect(km.at(-1)!.survival).toBeCloseTo(0.4482, 4);
  });

  it('exact product-limit values: 18/21 × 16/17 = 0.806723', () => {
    const km = kaplanMeier(SIX_MP);
    expect(km[1]!.survival).toBeCloseTo((18 / 21) * (16 / 17), 12);
  });

  it('handles no events, everybody dying and empty input', () => {
    expect(kaplanMeier([])).toEqual([]);
    expect(kaplanMeier([{ days: 5, event: false }, { days: 9, event: false }])).toEqual([
      { day: 5, atRisk: 2, events: 0, censored: 1, survival: 1, lower: 1, upper: 1 },
      { day: 9, atRisk: 1, events: 0, censored: 1, survival: 1, lower: 1, upper: 1 },
    ]);
    const all = kaplanMeier([{ days: 1, event: true }, { days: 2, event: true }]);
    expect(all[0]).toMatchObject({ survival: 0.5 });
    expect(all[1]).toEqual({ day: 2, atRisk: 1, events: 1, censored: 0, survival: 0, lower: 0, upper: 0 });
  });

  it('refuses negative or non-finite times', () => {
    expect(() => kaplanMeier([{ days: -1, event: true }])).toThrow(RangeError);
    expect(() => kaplanMeier([{ days: Number.NaN, event: true }])).toThrow(RangeError);
  });
});

describe('kaplanMeierFromCounts', () => {
  it('gives the same table as individual rows, merging duplicate days in any order', () => {
    const counts = [
      { day: 23, events: 1, censored: 0 },
      { day: 6, events: 2, censored: 1 },
      { day: 6, events: 1, censored: 0 },
      { day: 7, events: 1, censored: 0 },
      { day: 9, events: 0, censored: 1 },
      { day: 10, events: 1, censored: 1 },
      { day: 11, events: 0, censored: 1 },
      { day: 13, events: 1, censored: 0 },
      { day: 16, events: 1, censored: 0 },
      { day: 17, events: 0, censored: 1 },
      { day: 19, events: 0, censored: 1 },
      { day: 20, events: 0, censored: 1 },
      { day: 22, events: 1, censored: 0 },
      { day: 25, events: 0, censored: 1 },
      { day: 32, events: 0, censored: 2 },
      { day: 34, events: 0, censored: 1 },
      { day: 35, events: 0, censored: 1 },
      { day: 40, events: 0, censored: 0 },
    ];
    expect(kaplanMeierFromCounts(counts)).toEqual(kaplanMeier(SIX_MP));
  });
});
