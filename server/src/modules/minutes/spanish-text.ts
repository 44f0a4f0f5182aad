/** Spanish wording shared by the minute and the bulletin: dates, times, lists, numerals, articles. */
import { mexicoWallTime } from '../../platform/time.ts';

const WEEKDAYS = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];
const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** "jueves 21 de enero de 2021" (the Mexico City date of an instant). */
export function spanishDate(instant: Date): string {
  const w = mexicoWallTime(instant);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return `${WEEKDAYS[weekday]} ${w.day} de ${MONTHS[w.month - 1]} de ${w.year}`;
}

/** "28 de enero de 2021" for a calendar date YYYY-MM-DD. */
export function spanishCalendarDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} de ${MONTHS[m - 1]} de ${y}`;
}

/** "18:00" (Mexico City wall time). */
export function clockTime(instant: Date): string {
  const w = mexicoWallTime(instant);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

/** I, II, III… (agenda items of the minute). */
export function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/** "a, b y c"; "y" becomes "e" before an /i/ sound ("Juan e Isabel"). `separator` "; " for items with commas. */
export function joinSpanish(items: string[], conjunction: 'y' | 'o' = 'y', separator = ', '): string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0]!;
  const last = items[items.length - 1]!;
  let c: string = conjunction;
  if (conjunction === 'y' && /^h?[iíIÍ](?![aeoáéó])/.test(last)) c = 'e';
  if (conjunction === 'o' && /^h?[oóOÓ]/.test(last)) c = 'u';
  return `${items.slice(0, -1).join(separator)} ${c} ${last}`;
}

const FEMININE_TITLES = /^(dra|mtra|profra|sra|srita|lcda|ing\.?a)\.?\s/i;

/**
 * "El" or "La" before a position, guessed from the name's honorific ("Dra.", "Mtra.") and the
 * position's first word ("Coordinadora", "Directora", "Encargada"); "El" when nothing tells.
 */
export function articleFor(name: string | null, position: string | null): 'El' | 'La' {
  if (name && FEMININE_TITLES.test(name.trim())) return 'La';
  const first = position?.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (/a$/.test(first) && !/ista$/.test(first)) return 'La';
  return 'El';
}

const FUNCTION_WORDS = new Set(['el', 'la', 'los', 'las', 'un', 'una', 'se', 'en', 'con', 'por', 'para', 'al', 'del', 'de', 'durante', 'asimismo', 'además', 'también', 'respecto', 'sobre', 'dar', 'realizar', 'presentar', 'informar', 'revisar']);

/**
 * The first word in lower case when it is an article, a preposition or "se" ("Se dará…" → "se
 * dará…", "El Lic. …" → "el Lic. …"); names and acronyms keep their capitals.
 */
export function lowerFirst(s: string): string {
  const m = /^(\S+)/.exec(s);
  if (!m || !FUNCTION_WORDS.has(m[1]!.toLowerCase()) || m[1] === m[1]!.toUpperCase()) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Without the final period, to be joined into a sentence. */
export function withoutFinalPeriod(s: string): string {
  return s.trim().replace(/[.;]+$/, '');
}

/** "1 caso", "3 casos". */
export function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Paragraphs of a free text: every non-empty line (staff type one item or paragraph per line). */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}
