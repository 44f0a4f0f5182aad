/** Dates and times are stored in UTC and shown in central Mexico time. */
export const TIME_ZONE = 'America/Mexico_City';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(iso: string | null | undefined, locale = 'es-MX'): string {
  if (!iso) return '';
  let f = dateTimeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23', // midnight is 00:00 in every ICU build (hour12:false may give 24:00)
    });
    dateTimeFormats.set(locale, f);
  }
  return f.format(new Date(iso));
}

/** A calendar date 'YYYY-MM-DD' shown as a local date, without time-zone shifts. */
export function formatDate(ymd: string, locale = 'es-MX'): string {
  const [y, m, d] = ymd.split('-').map(Number);
  if (!y || !m || !d) return ymd;
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Offset of Mexico City at a given instant, e.g. "-06:00". */
function mexicoOffset(at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = part?.match(/GMT([+-]\d{2}):?(\d{2})?/);
  if (!m) return '-06:00';
  return `${m[1]}:${m[2] ?? '00'}`;
}

/**
 * The instant a Mexico City calendar day starts, as ISO 8601 with its offset. With `endOfDay`, the
 * start of the next day (so a "to" date includes the whole day).
 */
export function mexicoDayToIso(ymd: string, endOfDay = false): string | undefined {
  const [y, m, d] = ymd.split('-').map(Number);
  if (!y || !m || !d) return undefined;
  const day = new Date(Date.UTC(y, m - 1, d + (endOfDay ? 1 : 0), 12));
  const ys = String(day.getUTCFullYear()).padStart(4, '0');
  const ms = String(day.getUTCMonth() + 1).padStart(2, '0');
  const ds = String(day.getUTCDate()).padStart(2, '0');
  return `${ys}-${ms}-${ds}T00:00:00${mexicoOffset(day)}`;
}

/** The hour (0-23) now in Mexico City, for the greeting. */
export function mexicoHour(now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, hour: 'numeric', hour12: false }).format(now)) % 24;
}

export function todayInMexico(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
