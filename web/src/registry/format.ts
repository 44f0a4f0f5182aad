import { TIME_ZONE } from '../lib/format.ts';
import { toIso } from '../patients/format.ts';

/** The weekly cut-off as people say it: "jueves, 19 de noviembre de 2026, 18:00". */
export function formatCutoff(ts: string | null | undefined, locale: string): string {
  if (!ts) return '';
  const d = new Date(toIso(ts));
  if (Number.isNaN(d.getTime())) return ts;
  return new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
}

/** Short day for chart axes: "19 nov". */
export function formatWeek(ts: string, locale: string): string {
  const d = new Date(toIso(ts));
  return new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, day: 'numeric', month: 'short' }).format(d);
}

/** A 0–100 percent as a colour that reads at a glance: green done, teal close, amber half, red far. */
export function progressColor(percent: number | null): string {
  if (percent === null) return '#8d9ca1';
  if (percent >= 100) return '#0d5c4f';
  if (percent >= 75) return '#3a9a8c';
  if (percent >= 50) return '#c98a1b';
  return '#a4262c';
}
