import type { TFunction } from 'i18next';
import { TIME_ZONE, todayInMexico } from '../lib/format.ts';

/** Whole years and months between a birth date and a day (both YYYY-MM-DD). */
export function ageParts(birthDate: string, on: string = todayInMexico()): { years: number; months: number } | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(on);
  if (!b || !d) return null;
  let months = (Number(d[1]) - Number(b[1])) * 12 + (Number(d[2]) - Number(b[2]));
  if (Number(d[3]) < Number(b[3])) months--;
  if (months < 0) return null;
  return { years: Math.floor(months / 12), months: months % 12 };
}

/** "7 años", "1 año 3 meses", "5 meses". */
export function ageText(t: TFunction, birthDate: string, on?: string): string {
  const a = ageParts(birthDate, on);
  if (!a) return '';
  if (a.years === 0) return t('patients.age.months', { count: a.months });
  if (a.years < 3 && a.months > 0) return `${t('patients.age.years', { count: a.years })} ${t('patients.age.months', { count: a.months })}`;
  return t('patients.age.years', { count: a.years });
}

export function fullName(p: { givenNames: string; firstSurname: string; secondSurname: string | null }): string {
  return [p.givenNames, p.firstSurname, p.secondSurname].filter(Boolean).join(' ');
}

/** "Pérez López, Ana Sofía" for sorted lists. */
export function sortName(p: { givenNames: string; firstSurname: string; secondSurname: string | null }): string {
  return `${[p.firstSurname, p.secondSurname].filter(Boolean).join(' ')}, ${p.givenNames}`;
}

/** Server timestamps come as ISO 8601 or as PostgreSQL text ("2026-11-23 06:26:25.694+00"). */
export function toIso(ts: string): string {
  if (/^\d{4}-\d{2}-\d{2} \d/.test(ts)) {
    let s = ts.replace(' ', 'T');
    if (/[+-]\d{2}$/.test(s)) s += ':00';
    return s;
  }
  return ts;
}

/** 525512345678 → "55 1234 5678". */
export function phoneText(e164: string | null): string {
  if (!e164) return '';
  const d = e164.startsWith('52') && e164.length === 12 ? e164.slice(2) : e164;
  return d.length === 10 ? `${d.slice(0, 2)} ${d.slice(2, 6)} ${d.slice(6)}` : e164;
}

export function formatNumber(n: number | null | undefined, locale: string, digits = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
}

export function formatPercent(n: number | null | undefined, locale: string, digits = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n)} %`;
}

/** The Mexico City calendar day of an instant, as a short date ("23 nov 2026"). */
export function formatDay(ts: string | null | undefined, locale: string): string {
  if (!ts) return '';
  const d = new Date(toIso(ts));
  if (Number.isNaN(d.getTime())) return ts;
  return new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}

/** Offset of Mexico City at an instant, "-06:00". */
function mexicoOffset(at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  const m = part?.match(/GMT([+-]\d{2}):?(\d{2})?/);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '-06:00';
}

/** A datetime-local value typed in Mexico City time ("2026-11-23T10:30") → ISO 8601 with offset. */
export function mexicoLocalToIso(local: string): string {
  const guess = new Date(`${local}:00Z`);
  return `${local}:00${mexicoOffset(guess)}`;
}

/** Now in Mexico City as a datetime-local value ("2026-11-23T10:30"). */
export function nowInMexicoLocal(now = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Date and time of an instant in Mexico City, short ("23 nov 2026, 10:30"). */
export function formatMoment(ts: string | null | undefined, locale: string): string {
  if (!ts) return '';
  const d = new Date(toIso(ts));
  if (Number.isNaN(d.getTime())) return ts;
  return new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

/** YYYY-MM-DD plus n days. */
export function addDays(ymd: string, n: number): string {
  const d = new Date(`${ymd}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
