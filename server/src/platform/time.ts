/** Dates are stored in UTC and shown in Mexico City (design.md, "Time"). */
export const MEXICO_TIME_ZONE = 'America/Mexico_City';

const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: MEXICO_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Mexico City at an instant: what "today" means for users. */
export function dateInMexico(instant: Date): string {
  return ymd.format(instant);
}
