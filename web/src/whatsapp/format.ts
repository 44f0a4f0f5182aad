import { TIME_ZONE } from '../lib/format.ts';

const timeFormats = new Map<string, Intl.DateTimeFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "14:05" in Mexico City. */
export function chatTime(iso: string, lang: string): string {
  let f = timeFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormats.set(lang, f);
  }
  return f.format(new Date(iso));
}

/** "martes, 17 de noviembre de 2026" in Mexico City. */
export function chatDay(iso: string, lang: string): string {
  let f = dayFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    dayFormats.set(lang, f);
  }
  return f.format(new Date(iso));
}

/** The Mexico City day of an instant (YYYY-MM-DD), to group messages by day. */
export function dayKey(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** The 10 national digits of a canonical (52…) or mobile (521…) number. */
export function nationalDigits(phone: string): string {
  const d = phone.replace(/\D/g, '');
  if (d.startsWith('521') && d.length === 13) return d.slice(3);
  if (d.startsWith('52') && d.length === 12) return d.slice(2);
  return d;
}

/** "55 12•• ••78": the middle digits hidden (lists shown to several people). */
export function maskedPhone(phone: string): string {
  const d = nationalDigits(phone);
  if (d.length !== 10) return d.replace(/\d(?=\d{2})/g, '•');
  return `${d.slice(0, 2)} ${d.slice(2, 4)}•• ••${d.slice(8)}`;
}

/** "55 1234 5678". */
export function phoneDisplay(phone: string): string {
  const d = nationalDigits(phone);
  return d.length === 10 ? `${d.slice(0, 2)} ${d.slice(2, 6)} ${d.slice(6)}` : d;
}

/** A waited time in words: "3 min", "2 h 05 min", "3 d 4 h". */
export function waitedText(fromIso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
