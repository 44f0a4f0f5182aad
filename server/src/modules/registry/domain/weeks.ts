/**
 * Registry weeks. Every unit's weekly registry closes at the Thursday meeting, 18:00 Mexico City
 * time; a "registry week" runs from one cutoff (inclusive) to the next (exclusive).
 *
 * Mexico City observed daylight-saving time until 30 October 2022 (first Sunday of April to last
 * Sunday of October, UTC−5) and has been UTC−6 all year since. The UTC offset of any instant is
 * read from the runtime's time-zone database through Intl.DateTimeFormat, so past dates with DST
 * are right too. Thursday 18:00 never falls in a DST transition (those happened on Sundays at
 * 02:00), so local → UTC conversion is unambiguous.
 */

import { fromMexicoWallTime, mexicoWallTime } from '../../../platform/time.ts';

export const REGISTRY_TIME_ZONE = 'America/Mexico_City';
const CUTOFF_WEEKDAY = 4; // Thursday (0 = Sunday)
const CUTOFF_HOUR = 18;

function assertDate(d: Date): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError('invalid date');
}

/** The most recent Thursday 18:00 (Mexico City) at or before `instant`, as a UTC Date. */
export function weekCutoffAtOrBefore(instant: Date): Date {
  assertDate(instant);
  const w = mexicoWallTime(instant);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const back = (weekday - CUTOFF_WEEKDAY + 7) % 7;
  let cutoff = fromMexicoWallTime(w.year, w.month, w.day - back, CUTOFF_HOUR);
  if (cutoff.getTime() > instant.getTime()) cutoff = fromMexicoWallTime(w.year, w.month, w.day - back - 7, CUTOFF_HOUR);
  return cutoff;
}

/** Shift a cutoff by whole local weeks (keeps 18:00 local time across DST changes). */
function shiftWeeks(cutoff: Date, weeks: number): Date {
  const w = mexicoWallTime(cutoff);
  return fromMexicoWallTime(w.year, w.month, w.day + 7 * weeks, w.hour, w.minute);
}

/** The first Thursday 18:00 strictly after `instant`: the cutoff that closes its registry week. */
export function nextWeekCutoff(instant: Date): Date {
  return shiftWeeks(weekCutoffAtOrBefore(instant), 1);
}

/** The cutoff one week (7 local days) before `cutoff`. */
export function previousCutoff(cutoff: Date): Date {
  assertDate(cutoff);
  return shiftWeeks(cutoff, -1);
}

/** The registry week containing `instant`: [start, end). */
export function registryWeek(instant: Date): { start: Date; end: Date } {
  const start = weekCutoffAtOrBefore(instant);
  return { start, end: shiftWeeks(start, 1) };
}

const WEEKDAYS_ES = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'] as const;
const MONTHS_ES = [
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio',
  'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre',
] as const;

/** Spanish label in Mexico City time, e.g. 'jueves 14 de enero de 2021, 18:00'. */
export function cutoffLabel(cutoff: Date): string {
  assertDate(cutoff);
  const w = mexicoWallTime(cutoff);
  const weekday = WEEKDAYS_ES[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()]!;
  const hh = String(w.hour).padStart(2, '0');
  const mm = String(w.minute).padStart(2, '0');
  return `${weekday} ${w.day} de ${MONTHS_ES[w.month - 1]} de ${w.year}, ${hh}:${mm}`;
}
