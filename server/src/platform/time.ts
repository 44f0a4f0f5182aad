/** Dates are stored in UTC and shown in Mexico City (design.md, "Time"). */
export const MEXICO_TIME_ZONE = 'America/Mexico_City';

const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: MEXICO_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Mexico City at an instant: what "today" means for users. */
export function dateInMexico(instant: Date): string {
  return ymd.format(instant);
}

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: MEXICO_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Mexico City wall-clock parts of an instant. */
export function mexicoWallTime(instant: Date): WallTime {
  const p: Record<string, number> = {};
  for (const part of partsFormatter.formatToParts(instant)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour! % 24, minute: p.minute!, second: p.second! };
}

/** Offset (ms) of Mexico City local time from UTC at an instant, e.g. −6 h. */
function offsetMs(instant: Date): number {
  const w = mexicoWallTime(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (instant.getTime() - instant.getUTCMilliseconds());
}

/** UTC instant of a Mexico City wall-clock time (day may overflow; Date.UTC normalizes it). */
export function fromMexicoWallTime(year: number, month: number, day: number, hour: number, minute = 0): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  let t = naive - offsetMs(new Date(naive));
  t = naive - offsetMs(new Date(t)); // second pass settles instants near an offset change
  return new Date(t);
}

