/**
 * The safety net of published documents (design.md: "parents by first name only, no patient
 * identifiers"). From the protected columns of a meeting's record it builds the words and values
 * that must never be published, then finds them in a text (to refuse a bulletin's approval) or
 * replaces them (to redact the free text that staff typed into a minute's agenda notes).
 *
 * Words are compared without accents or case, whole words only. Particles (de, la, del…) and
 * words under three letters are never protected; a family attendee's given names are never
 * protected either (the bulletin names them), even when a child or a reporter shares them.
 */
import type { ProtectedRows } from './repo.ts';

export type ProtectedKind = 'FAMILY_SURNAME' | 'PATIENT_NAME' | 'REPORTER_NAME' | 'CURP' | 'NSS' | 'PHONE' | 'CASE_CODE';

export interface Finding {
  kind: ProtectedKind;
  /** The text as found in the document. */
  found: string;
}

export interface ProtectedTerms {
  words: Map<string, ProtectedKind>;
  /** CURP and NSS values of the meeting's children (upper case). */
  values: Map<string, ProtectedKind>;
  /** Reporters' phones as patterns that allow separators between digits. */
  phones: RegExp[];
  /**
   * Institutional phrases, lower case (officials' names and positions, unit names): a protected
   * word inside one of them is not personal data ("Hospital General «Dr. Gaudencio González
   * Garza»" while a reporter is a González).
   */
  safePhrases: string[];
}

const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'da', 'das', 'do', 'dos', 'di', 'san', 'santa', 'van', 'von', 'mc', 'le', 'lo']);
const WORD = /[\p{L}\p{N}]+/gu;
const CURP_SHAPE = /^[A-Z][AEIOUX][A-Z]{2}\d{6}[HMX][A-Z]{5}[A-Z0-9]\d$/;
const CASE_CODE = /\bCE\s*\d{1,4}\.\d{1,6}\b/gi;

/** Lower case, no accents: "Hernández" and "HERNANDEZ" are the same word. */
export function normalizeWord(w: string): string {
  return w.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

function wordsOf(text: string | null | undefined): string[] {
  return text ? [...text.matchAll(WORD)].map((m) => normalizeWord(m[0])) : [];
}

const protectable = (w: string) => w.length >= 3 && !PARTICLES.has(w) && !/^\d+$/.test(w);

export function buildProtectedTerms(rows: ProtectedRows): ProtectedTerms {
  const allowed = new Set<string>();
  for (const f of rows.families) {
    const surnames = new Set(wordsOf(f.surnames));
    for (const w of wordsOf(f.name)) if (!surnames.has(w)) allowed.add(w);
  }
  const words = new Map<string, ProtectedKind>();
  const add = (text: string | null | undefined, kind: ProtectedKind) => {
    for (const w of wordsOf(text)) if (protectable(w) && !allowed.has(w) && !words.has(w)) words.set(w, kind);
  };
  // Order sets the reported kind when a word is several things (a child shares the family's surname).
  for (const f of rows.families) add(f.surnames, 'FAMILY_SURNAME');
  for (const p of rows.patients) {
    add(p.firstSurname, 'PATIENT_NAME');
    add(p.secondSurname, 'PATIENT_NAME');
    add(p.givenNames, 'PATIENT_NAME');
    add(p.patientName, 'PATIENT_NAME');
  }
  for (const p of rows.patients) add(p.reporterName, 'REPORTER_NAME');
  const values = new Map<string, ProtectedKind>();
  const phones: RegExp[] = [];
  for (const p of rows.patients) {
    if (p.curp) values.set(p.curp.toUpperCase(), 'CURP');
    if (p.nss) values.set(p.nss, 'NSS');
    const digits = p.reporterPhone?.replace(/\D/g, '').slice(-10);
    if (digits && digits.length >= 7) phones.push(new RegExp(`(?<!\\d)${digits.split('').join('[\\s.()-]*')}(?!\\d)`));
  }
  const safePhrases = [...new Set(rows.safePhrases.map((p) => p.trim().toLowerCase()).filter((p) => p.length >= 4))];
  return { words, values, phones, safePhrases };
}

interface Hit extends Finding {
  index: number;
  length: number;
}

/** [start, end) ranges of the text covered by institutional phrases. */
function safeRanges(text: string, phrases: string[]): [number, number][] {
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const p of phrases) {
    for (let at = lower.indexOf(p); at >= 0; at = lower.indexOf(p, at + 1)) ranges.push([at, at + p.length]);
  }
  return ranges;
}

function hits(text: string, terms: ProtectedTerms, opts: { caseCodes: boolean }): Hit[] {
  const out: Hit[] = [];
  const safe = safeRanges(text, terms.safePhrases);
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    if (safe.some(([a, b]) => m.index >= a && m.index + raw.length <= b)) continue;
    const upper = raw.toUpperCase();
    const kind = terms.values.get(upper) ?? (CURP_SHAPE.test(upper) ? 'CURP' : terms.words.get(normalizeWord(raw)));
    if (kind) out.push({ kind, found: raw, index: m.index, length: raw.length });
  }
  for (const re of terms.phones) {
    for (const m of text.matchAll(new RegExp(re.source, 'g'))) out.push({ kind: 'PHONE', found: m[0], index: m.index, length: m[0].length });
  }
  if (opts.caseCodes) {
    for (const m of text.matchAll(CASE_CODE)) out.push({ kind: 'CASE_CODE', found: m[0], index: m.index, length: m[0].length });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Every protected term in a text, in order of appearance. */
export function findProtected(text: string, terms: ProtectedTerms, opts: { caseCodes?: boolean } = {}): Finding[] {
  return hits(text, terms, { caseCodes: opts.caseCodes ?? false }).map(({ kind, found }) => ({ kind, found }));
}

export const REDACTED = '[dato protegido]';

/** The text with every protected term replaced by «[dato protegido]» (adjacent ones merged). */
export function redact(text: string, terms: ProtectedTerms): string {
  const found = hits(text, terms, { caseCodes: false });
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const h of found) {
    if (h.index < at) continue;
    const between = text.slice(at, h.index);
    // "Pérez López" → one marker, not two.
    if (!(out.endsWith(REDACTED) && /^\s+$/.test(between))) out += between + REDACTED;
    at = h.index + h.length;
  }
  return out + text.slice(at);
}

/** Spanish explanation of a finding for the field error of an approval. */
export function describeFinding(f: Finding): string {
  switch (f.kind) {
    case 'FAMILY_SURNAME':
      return `contiene «${f.found}», apellido de un familiar que asistió a la reunión; en el boletín las familias se nombran solo por su nombre de pila`;
    case 'PATIENT_NAME':
      return `contiene «${f.found}», nombre o apellido de un paciente de los casos de la reunión`;
    case 'REPORTER_NAME':
      return `contiene «${f.found}», nombre de quien reportó un caso de la reunión`;
    case 'CURP':
      return 'contiene una CURP; los boletines no publican identificadores de pacientes';
    case 'NSS':
      return 'contiene el NSS de un paciente; los boletines no publican identificadores de pacientes';
    case 'PHONE':
      return 'contiene el teléfono de quien reportó un caso';
    case 'CASE_CODE':
      return `contiene el código de caso «${f.found}»; los códigos de los casos son internos y no se publican`;
  }
}
