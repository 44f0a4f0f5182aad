/**
 * Text helpers of the flow engine: the comparison form of what a family types (no accents, no
 * case, no emoji or punctuation), typo-tolerant word matching, {{…}} templates and WhatsApp's
 * length limits.
 */

/** WhatsApp Cloud API limits (interactive messages). */
export const LIMITS = {
  text: 4096,
  interactiveBody: 1024,
  buttons: 3,
  buttonTitle: 20,
  listButton: 20,
  listRows: 10,
  rowTitle: 24,
  rowDescription: 72,
  sectionTitle: 24,
} as const;

/** "¡Médicamento 😀, AÑO!" → "medicamento ano": lower case, no accents, letters and digits only. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function words(text: string): string[] {
  const n = normalize(text);
  return n ? n.split(' ') : [];
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function levenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Typos tolerated in a word of this length: none below 5 letters, one from 5, two from 8. */
export function typoAllowance(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

/** Does a typed word (normalised) match a keyword (normalised), allowing for typos by the keyword's length? */
export function wordMatches(typed: string, keyword: string): boolean {
  if (typed === keyword) return true;
  const allowed = typoAllowance(Math.min(typed.length, keyword.length));
  return allowed > 0 && levenshtein(typed, keyword, allowed) <= allowed;
}

/** Do the keyword's words appear one after another among the typed words (each allowing typos)? */
export function phraseMatches(typedWords: string[], phrase: string): boolean {
  const p = words(phrase);
  if (!p.length) return false;
  for (let i = 0; i + p.length <= typedWords.length; i++) {
    if (p.every((w, k) => wordMatches(typedWords[i + k]!, w))) return true;
  }
  return false;
}

/** Cuts a text to `max` characters (by code point, so an emoji is never split), ending in "…". */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

const TEMPLATE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The variables a text uses, e.g. ["contact.name", "results.case.code"]. */
export function templateVariables(text: string): string[] {
  return [...text.matchAll(TEMPLATE)].map((m) => m[1]!);
}

/** Whether a template variable names something the engine knows. */
export function isKnownVariable(path: string): boolean {
  return /^(contact\.(name|firstName|verified)|children\.count|input|(results|fields)\.[A-Za-z0-9_.:-]+)$/.test(path);
}

/** Replaces {{…}} with values from `lookup`; anything missing renders as an empty string. */
export function renderTemplate(text: string, lookup: (path: string) => string | undefined | null): string {
  return text.replace(TEMPLATE, (_, path: string) => lookup(path) ?? '');
}
