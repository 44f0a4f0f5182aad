/** Dates of the meetings' calendar, shown in Mexico City time (Thursday 18:00; Tuesday deadline). */
import { TIME_ZONE, todayInMexico } from '../lib/format.ts';

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(key: string, locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `${key}|${locale}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...opts });
    cache.set(k, f);
  }
  return f;
}

/** "jueves, 21 de enero de 2021, 18:00" */
export function formatMeetingDateTime(iso: string, locale = 'es-MX'): string {
  return fmt('meetingDT', locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** "jue 21 ene 2021" (compact, for tables). */
export function formatShortDay(iso: string, locale = 'es-MX'): string {
  return fmt('shortDay', locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

/** "18:00" */
export function formatTime(iso: string, locale = 'es-MX'): string {
  return fmt('time', locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** "martes 19 de enero, 23:59" */
export function formatDeadline(iso: string, locale = 'es-MX'): string {
  return fmt('deadline', locale, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** "21 ene 2021, 09:30" */
export function formatMoment(iso: string, locale = 'es-MX'): string {
  return fmt('moment', locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** A 'YYYY-MM-DD' calendar date as "jueves 28 de enero de 2021". */
export function formatLongDate(ymd: string, locale = 'es-MX'): string {
  const [y, m, d] = ymd.split('-').map(Number);
  if (!y || !m || !d) return ymd;
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The Mexico City calendar date of an instant. */
export function mexicoDate(iso: string | Date): string {
  return todayInMexico(typeof iso === 'string' ? new Date(iso) : iso);
}

const toUtcNoon = (ymd: string) => {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
};
const ymdOf = (d: Date) => d.toISOString().slice(0, 10);

export function weekdayOf(ymd: string): number {
  return toUtcNoon(ymd).getUTCDay();
}

export function addDays(ymd: string, days: number): string {
  const d = toUtcNoon(ymd);
  d.setUTCDate(d.getUTCDate() + days);
  return ymdOf(d);
}

export const isThursday = (ymd: string) => /^\d{4}-\d{2}-\d{2}$/.test(ymd) && weekdayOf(ymd) === 4;

/** The first Thursday strictly after `ymd`. */
export function thursdayAfter(ymd: string): string {
  const ahead = (4 - weekdayOf(ymd) + 7) % 7 || 7;
  return addDays(ymd, ahead);
}

/**
 * The Thursday whose agenda takes a case received on `ymd` (Mexico City): cases received up to
 * the end of a Tuesday go to that week's Thursday; from Wednesday on, to the next one.
 */
export function meetingDayForReceived(ymd: string): string {
  const toTuesday = (2 - weekdayOf(ymd) + 7) % 7;
  return addDays(ymd, toTuesday + 2);
}

/** "1.2 MB", "350 kB" */
export function formatBytes(n: number, locale = 'es-MX'): string {
  if (n < 1024) return `${n} B`;
  const units = ['kB', 'MB', 'GB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: v < 10 ? 1 : 0 }).format(v)} ${units[i]}`;
}

/** "CE 19.61" */
export const caseCode = (code: string) => `CE ${code}`;

/** The current moment as a datetime-local value in Mexico City ("2021-01-21T18:05"). */
export function nowMexicoLocal(now = new Date()): string {
  const parts = fmt('local', 'en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
