/**
 * The meetings' calendar: Thursdays at 18:00 Mexico City time; families send their participants and
 * their cases by the Tuesday before (seed 004, "Metodología de trabajo").
 */
import { fromMexicoWallTime, mexicoWallTime } from '../../platform/time.ts';

export const MEETING_WEEKDAY = 4; // Thursday (0 = Sunday)
export const MEETING_HOUR = 18;
const DEADLINE_WEEKDAY = 2; // Tuesday

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The instant of a meeting held on a Mexico City date (YYYY-MM-DD) at HH:MM (default 18:00). */
export function meetingInstant(date: string, time = '18:00'): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return fromMexicoWallTime(y, m, d, hh, mm);
}

/** True for the regular slot: a Thursday at 18:00 Mexico City. Other slots are extraordinary sessions. */
export function isRegularSlot(instant: Date): boolean {
  const w = mexicoWallTime(instant);
  return weekdayOf(w.year, w.month, w.day) === MEETING_WEEKDAY && w.hour === MEETING_HOUR && w.minute === 0;
}

/**
 * Families' deadline for a meeting: the end (23:59:59.999 Mexico City) of the last Tuesday strictly
 * before the meeting's date. The same instant closes the list of cases for the meeting's agenda.
 */
export function deadlineFor(scheduledAt: Date): Date {
  const w = mexicoWallTime(scheduledAt);
  const back = ((weekdayOf(w.year, w.month, w.day) - DEADLINE_WEEKDAY + 7) % 7) || 7;
  return new Date(fromMexicoWallTime(w.year, w.month, w.day - back + 1, 0, 0).getTime() - 1);
}

/** The next regular slot (Thursday 18:00 Mexico City) strictly after `instant`. */
export function nextRegularSlot(instant: Date): Date {
  const w = mexicoWallTime(instant);
  const ahead = (MEETING_WEEKDAY - weekdayOf(w.year, w.month, w.day) + 7) % 7;
  let slot = fromMexicoWallTime(w.year, w.month, w.day + ahead, MEETING_HOUR);
  if (slot.getTime() <= instant.getTime()) slot = fromMexicoWallTime(w.year, w.month, w.day + ahead + 7, MEETING_HOUR);
  return slot;
}

/** The standard agenda (orden del día) of seed 004; every meeting starts from it and may edit it. */
export const STANDARD_AGENDA: ReadonlyArray<{ key: string; title: string }> = [
  { key: 'welcome', title: 'Bienvenida y presentación de asistentes' },
  { key: 'agreements', title: 'Seguimiento de acuerdos' },
  { key: 'supply', title: 'Revisión de abasto general' },
  { key: 'cases', title: 'Revisión de casos específicos' },
  { key: 'general', title: 'Asuntos generales' },
  { key: 'reading', title: 'Lectura de acuerdos' },
  { key: 'closing', title: 'Cierre de sesión' },
];
