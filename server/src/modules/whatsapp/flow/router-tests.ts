/**
 * The tests a router's cases use. Each takes the operand's value (what the family typed, or a
 * result/contact fact) and the case's arguments, and says whether it matches and what to save:
 * the normalised value (an ISO date, a CURP in upper case, 52 + ten digits, the option's id…).
 */
import type { ContactFacts, RouterTest } from './types.ts';
import { normalize, phraseMatches, wordMatches, words } from './text.ts';

export interface TestSubject {
  /** The operand's value: the typed text (or the tapped option's title), or a result/fact. */
  text: string;
  /** The id of a tapped button or list row, for input operands. */
  replyId?: string;
  children: ContactFacts['children'];
  now: Date;
}

export interface TestMatch {
  match: boolean;
  /** Saved as results[saveAs]. */
  value?: string;
  /** Saved as results[`${saveAs}.${key}`]. */
  extra?: Record<string, string>;
}

const NO: TestMatch = { match: false };
const str = (args: (string | number)[], i: number) => (args[i] === undefined ? undefined : String(args[i]));

/** The option number typed: "2", "2.", "opción 2", "2️⃣". */
function typedNumber(text: string): string | null {
  const m = /^(?:(?:opcion|numero|num|no|la|el) )?(\d{1,3})$/.exec(normalize(text));
  return m ? String(Number(m[1])) : null;
}

function anyWord(text: string, keywords: string[]): string | null {
  const typed = words(text);
  for (const k of keywords) {
    const kw = words(k);
    if (kw.length === 1 && typed.some((w) => wordMatches(w, kw[0]!))) return kw[0]!;
    if (kw.length > 1 && phraseMatches(typed, k)) return kw.join(' ');
  }
  return null;
}

// ---------- CURP ----------

const CURP = /[A-Z]{4}\d{6}[HMX][A-Z]{5}[A-Z0-9]\d/;

/** An 18-character CURP in the text (any case, spaces or dashes inside), upper-cased. */
export function findCurp(text: string): string | null {
  const compact = text.toUpperCase().replace(/[\s-]+/g, '');
  const whole = /^[A-Z0-9]{18}$/.test(compact) ? CURP.exec(compact) : null;
  if (whole) return whole[0];
  for (const token of text.toUpperCase().split(/\s+/)) {
    const m = CURP.exec(token.replace(/[^A-Z0-9]/g, ''));
    if (m) return m[0];
  }
  const anywhere = CURP.exec(compact.replace(/[^A-Z0-9]/g, ''));
  return anywhere ? anywhere[0] : null;
}

// ---------- dates ----------

const MONTHS: [string, number][] = [
  ['enero', 1], ['febrero', 2], ['marzo', 3], ['abril', 4], ['mayo', 5], ['junio', 6],
  ['julio', 7], ['agosto', 8], ['septiembre', 9], ['setiembre', 9], ['octubre', 10], ['noviembre', 11], ['diciembre', 12],
];
const MONTH_ABBR: Record<string, number> = { ene: 1, feb: 2, mar: 3, abr: 4, may: 5, jun: 6, jul: 7, ago: 8, sep: 9, sept: 9, set: 9, oct: 10, nov: 11, dic: 12 };

function monthOf(word: string): number | null {
  if (MONTH_ABBR[word]) return MONTH_ABBR[word]!;
  for (const [name, n] of MONTHS) if (wordMatches(word, name)) return n;
  return null;
}

function fullYear(y: string, now: Date): number {
  if (y.length === 4) return Number(y);
  const yy = Number(y);
  const current = now.getUTCFullYear() % 100;
  return yy <= current ? 2000 + yy : 1900 + yy;
}

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date in the text as ISO yyyy-mm-dd: 03/05/2015, 3-5-2015, 3.5.15, 2015-05-03, "3 de mayo de 2015",
 * "3 mayo 2015", "3 de may del 2015". Day first (as in Mexico) unless the year comes first.
 * Impossible dates (31/02/2015) are no date.
 */
export function findDate(text: string, now: Date): string | null {
  const ymd = /(?<!\d)(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)/.exec(text);
  if (ymd) return isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const dmy = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})(?!\d)/.exec(text);
  if (dmy) return isoDate(fullYear(dmy[3]!, now), Number(dmy[2]), Number(dmy[1]));
  const n = normalize(text);
  const spaced = /(?:^| )(\d{1,2}) (\d{1,2}) (\d{4})(?: |$)/.exec(n);
  if (spaced) return isoDate(Number(spaced[3]), Number(spaced[2]), Number(spaced[1]));
  const named = /(?:^| )(\d{1,2}) (?:de )?([a-z]+) (?:de |del )?(\d{4}|\d{2})(?: |$)/.exec(n);
  if (named) {
    const m = monthOf(named[2]!);
    if (m) return isoDate(fullYear(named[3]!, now), m, Number(named[1]));
  }
  return null;
}

// ---------- phones ----------

/** A Mexican phone in the text as 52 + ten digits: 10 digits, or with +52 / 521 in front. */
export function findPhone(text: string): string | null {
  const digits = text.replace(/\D/g, '');
  if (digits.length === 10) return `52${digits}`;
  if (digits.length === 12 && digits.startsWith('52')) return digits;
  if (digits.length === 13 && digits.startsWith('521')) return `52${digits.slice(3)}`;
  return null;
}

// ---------- children ----------

function childMatch(subject: TestSubject): TestMatch {
  const { children } = subject;
  const hit = (c: ContactFacts['children'][number]): TestMatch => ({
    match: true,
    value: c.patientId,
    extra: { name: c.firstName, unitId: c.unitId, unitName: c.unitName },
  });
  if (subject.replyId?.startsWith('child:')) {
    const c = children.find((x) => x.patientId === subject.replyId!.slice(6));
    if (c) return hit(c);
  }
  const n = typedNumber(subject.text);
  if (n !== null) {
    const c = children[Number(n) - 1];
    return c ? hit(c) : NO;
  }
  const typed = words(subject.text);
  for (const c of children) {
    const name = words(c.firstName);
    if (!name.length) continue;
    if (typed.some((w) => wordMatches(w, name[0]!)) || phraseMatches(typed, c.firstName)) return hit(c);
  }
  return NO;
}

const TRUE = new Set(['true', 'yes', 'si', '1', 'verdadero']);

/** Runs one router test. Never throws (a bad regular expression simply does not match). */
export function runTest(test: RouterTest, args: (string | number)[], subject: TestSubject): TestMatch {
  const text = subject.text ?? '';
  switch (test) {
    case 'menu': {
      const optionId = str(args, 0);
      if (optionId !== undefined && subject.replyId === optionId) return { match: true, value: optionId };
      const number = str(args, 1);
      const typed = typedNumber(text);
      if (number && typed !== null) return typed === String(Number(number)) ? { match: true, value: optionId ?? number } : NO;
      const hit = anyWord(text, args.slice(2).map(String));
      return hit ? { match: true, value: optionId ?? hit } : NO;
    }
    case 'reply_id':
      return subject.replyId !== undefined && args.map(String).includes(subject.replyId) ? { match: true, value: subject.replyId } : NO;
    case 'has_any_word': {
      const hit = anyWord(text, args.map(String).flatMap((a) => a.split(/[\s,]+/)).filter(Boolean));
      return hit ? { match: true, value: hit } : NO;
    }
    case 'has_phrase': {
      const typed = words(text);
      const hit = args.map(String).find((p) => phraseMatches(typed, p));
      return hit !== undefined ? { match: true, value: normalize(hit) } : NO;
    }
    case 'has_pattern': {
      let re: RegExp;
      try {
        re = new RegExp(str(args, 0) ?? '', str(args, 1) ?? 'iu');
      } catch {
        return NO;
      }
      const m = re.exec(text.trim());
      return m ? { match: true, value: (m[1] ?? m[0]).trim() } : NO;
    }
    case 'has_curp': {
      const curp = findCurp(text);
      return curp ? { match: true, value: curp } : NO;
    }
    case 'has_date': {
      const date = findDate(text, subject.now);
      if (!date) return NO;
      if (args.map(String).includes('past') && date > subject.now.toISOString().slice(0, 10)) return NO;
      return { match: true, value: date };
    }
    case 'has_phone': {
      const phone = findPhone(text);
      return phone ? { match: true, value: phone } : NO;
    }
    case 'has_number_between': {
      const m = /-?\d+(?:[.,]\d+)?/.exec(text);
      if (!m) return NO;
      const n = Number(m[0].replace(',', '.'));
      const min = Number(str(args, 0) ?? -Infinity);
      const max = Number(str(args, 1) ?? Infinity);
      return n >= min && n <= max ? { match: true, value: String(n) } : NO;
    }
    case 'has_text': {
      const min = Number(str(args, 0) ?? 1) || 1;
      const letters = normalize(text).replace(/ /g, '').length;
      return letters >= min ? { match: true, value: text.trim() } : NO;
    }
    case 'is_child':
      return childMatch(subject);
    case 'equals': {
      const v = normalize(text);
      return args.some((a) => normalize(String(a)) === v) ? { match: true, value: text } : NO;
    }
    case 'is_true':
      return TRUE.has(normalize(text)) ? { match: true, value: 'true' } : NO;
    case 'is_false':
      return TRUE.has(normalize(text)) ? NO : { match: true, value: 'false' };
  }
}
