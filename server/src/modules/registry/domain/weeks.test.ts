import { describe, expect, it } from 'vitest';
import { cutoffLabel, nextWeekCutoff, previousCutoff, registryWeek, weekCutoffAtOrBefore } from './weeks.ts';

const iso = (d: Date) => d.toISOString();
const at = (s: string) => new Date(s);

describe('weekCutoffAtOrBefore', () => {
  it('winter (UTC−6): Thursday 14 Jan 2021 18:00 local = 15 Jan 00:00 UTC', () => {
    expect(iso(weekCutoffAtOrBefore(at('2021-01-18T12:00:00Z')))).toBe('2021-01-15T00:00:00.000Z');
  });

  it('an instant exactly at 18:00 is its own cutoff', () => {
    expect(iso(weekCutoffAtOrBefore(at('2021-01-15T00:00:00Z')))).toBe('2021-01-15T00:00:00.000Z');
  });

  it('Thursday 17:59 local belongs to the previous week', () => {
    // 2021-01-14 17:59 CST = 23:59 UTC
    expect(iso(weekCutoffAtOrBefore(at('2021-01-14T23:59:00Z')))).toBe('2021-01-08T00:00:00.000Z');
    expect(iso(weekCutoffAtOrBefore(at('2021-01-14T23:59:59.999Z')))).toBe('2021-01-08T00:00:00.000Z');
  });

  it('Thursday 18:00 UTC is still Thursday noon in Mexico City', () => {
    expect(iso(weekCutoffAtOrBefore(at('2021-01-14T18:00:00Z')))).toBe('2021-01-08T00:00:00.000Z');
  });

  it('summer 2021 had DST (UTC−5): 15 Jul 2021 18:00 CDT = 23:00 UTC', () => {
    expect(iso(weekCutoffAtOrBefore(at('2021-07-20T10:00:00Z')))).toBe('2021-07-15T23:00:00.000Z');
    expect(iso(weekCutoffAtOrBefore(at('2021-07-15T23:00:00Z')))).toBe('2021-07-15T23:00:00.000Z');
    expect(iso(weekCutoffAtOrBefore(at('2021-07-15T22:59:00Z')))).toBe('2021-07-08T23:00:00.000Z');
  });

  it('summer after the 2022 abolition of DST stays UTC−6', () => {
    expect(iso(weekCutoffAtOrBefore(at('2024-07-19T03:00:00Z')))).toBe('2024-07-19T00:00:00.000Z');
    expect(iso(weekCutoffAtOrBefore(at('2024-07-18T23:30:00Z')))).toBe('2024-07-12T00:00:00.000Z');
  });

  it('late Wednesday night UTC that is still Wednesday in Mexico', () => {
    // Thu 2025-03-06 03:00 UTC = Wed 2025-03-05 21:00 local → previous Thursday 27 Feb
    expect(iso(weekCutoffAtOrBefore(at('2025-03-06T03:00:00Z')))).toBe('2025-02-28T00:00:00.000Z');
  });
});

describe('nextWeekCutoff / previousCutoff / registryWeek', () => {
  it('next is strictly after the instant', () => {
    expect(iso(nextWeekCutoff(at('2021-01-15T00:00:00Z')))).toBe('2021-01-22T00:00:00.000Z');
    expect(iso(nextWeekCutoff(at('2021-01-14T23:59:00Z')))).toBe('2021-01-15T00:00:00.000Z');
  });

  it('keeps 18:00 local across the April 2021 DST start (a 167-hour week)', () => {
    const apr8 = weekCutoffAtOrBefore(at('2021-04-09T12:00:00Z'));
    expect(iso(apr8)).toBe('2021-04-08T23:00:00.000Z');
    const apr1 = previousCutoff(apr8);
    expect(iso(apr1)).toBe('2021-04-02T00:00:00.000Z');
    expect((apr8.getTime() - apr1.getTime()) / 3_600_000).toBe(167);
  });

  it('keeps 18:00 local across the last DST end (30 Oct 2022)', () => {
    const oct27 = at('2022-10-27T23:00:00Z'); // Thursday 18:00 CDT
    expect(iso(weekCutoffAtOrBefore(oct27))).toBe(iso(oct27));
    expect(iso(nextWeekCutoff(oct27))).toBe('2022-11-04T00:00:00.000Z'); // 3 Nov 18:00 CST
  });

  it('registryWeek is [cutoff, next cutoff)', () => {
    expect(registryWeek(at('2021-01-18T12:00:00Z'))).toEqual({ start: at('2021-01-15T00:00:00Z'), end: at('2021-01-22T00:00:00Z') });
  });

  it('walks back a whole year one week at a time without drifting', () => {
    let c = weekCutoffAtOrBefore(at('2022-01-01T00:00:00Z'));
    for (let i = 0; i < 53; i++) {
      expect(cutoffLabel(c)).toMatch(/^jueves \d{1,2} de [a-z]+ de \d{4}, 18:00$/);
      c = previousCutoff(c);
    }
  });
});

describe('cutoffLabel', () => {
  it('formats in Spanish, Mexico City time', () => {
    expect(cutoffLabel(at('2021-01-15T00:00:00Z'))).toBe('jueves 14 de enero de 2021, 18:00');
    expect(cutoffLabel(at('2021-07-15T23:00:00Z'))).toBe('jueves 15 de julio de 2021, 18:00');
    expect(cutoffLabel(at('2024-02-02T00:00:00Z'))).toBe('jueves 1 de febrero de 2024, 18:00');
  });
});
