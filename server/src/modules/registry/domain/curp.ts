/**
 * CURP (Clave Única de Registro de Población): validation, decoding and construction.
 *
 * Sources: "Instructivo Normativo para la Asignación de la CURP" (RENAPO/SEGOB; construction rules,
 * the catalogue of "palabras inconvenientes" in its annex, the state-code catalogue); check-digit
 * algorithm as documented by python-stdnum `stdnum/mx/curp.py` (algorithm only; no code copied).
 * Sex 'X' (persona no binaria): RENAPO has issued CURPs with an X in the sex position since 2023
 * (first reported case: Jalisco, February 2023), so 'X' is accepted by `checkCurp`; `makeCurp`
 * only builds H/M keys.
 *
 * Pure module: no I/O, no clock.
 */

export interface CurpInfo {
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'H' | 'M' | 'X';
  stateCode: string;
}

export type CurpCheck =
  | { ok: true; curp: string; info: CurpInfo }
  | { ok: false; code: 'FORMAT' | 'DATE' | 'CHECK_DIGIT' | 'INCONVENIENT_WORD'; message: string };

/** Two-letter codes of the 32 federal entities plus NE (born abroad), as used in position 12–13. */
export const CURP_STATE_CODES: Record<string, string> = {
  AS: 'Aguascalientes',
  BC: 'Baja California',
  BS: 'Baja California Sur',
  CC: 'Campeche',
  CL: 'Coahuila',
  CM: 'Colima',
  CS: 'Chiapas',
  CH: 'Chihuahua',
  DF: 'Ciudad de México',
  DG: 'Durango',
  GT: 'Guanajuato',
  GR: 'Guerrero',
  HG: 'Hidalgo',
  JC: 'Jalisco',
  MC: 'Estado de México',
  MN: 'Michoacán',
  MS: 'Morelos',
  NT: 'Nayarit',
  NL: 'Nuevo León',
  OC: 'Oaxaca',
  PL: 'Puebla',
  QT: 'Querétaro',
  QR: 'Quintana Roo',
  SP: 'San Luis Potosí',
  SL: 'Sinaloa',
  SR: 'Sonora',
  TC: 'Tabasco',
  TS: 'Tamaulipas',
  TL: 'Tlaxcala',
  VZ: 'Veracruz',
  YN: 'Yucatán',
  ZS: 'Zacatecas',
  NE: 'Nacido en el extranjero',
};

/**
 * Catalogue of "palabras inconvenientes" (Instructivo Normativo, annex). When the first four
 * letters would form one of these, RENAPO replaces the second letter with X, so a CURP that
 * starts with one of them is never an official key.
 */
export const CURP_INCONVENIENT_WORDS: ReadonlySet<string> = new Set(
  `BACA BAKA BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COGI COJA COJE COJI COJO COLA CULO
   FALO FETO GETA GUEI GUEY JETA JOTO KACA KACO KAGA KAGO KAKA KAKO KOGE KOGI KOJA KOJE KOJI
   KOJO KOLA KULO LILO LOCA LOCO LOKA LOKO MAME MAMO MEAR MEAS MEON MIAR MION MOCO MOKO MULA
   MULO NACA NACO PEDA PEDO PENE PIPI PITO POPO PUTA PUTO QULO RATA ROBA ROBE ROBO RUIN SENO
   TETA VACA VAGA VAGO VAKA VUEI VUEY WUEI WUEY`.split(/\s+/),
);

const CHECK_ALPHABET = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ';

const MONTHS_ES = [
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio',
  'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre',
] as const;

/** '2015-03-01' → '1 de marzo de 2015' (no validation beyond shape). */
export function formatDateEs(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  return `${Number(m[3])} de ${MONTHS_ES[Number(m[2]) - 1] ?? m[2]} de ${m[1]}`;
}

/** True when y-m-d is a real Gregorian calendar date. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Check digit (0–9) over the first 17 characters; Ñ counts as '&' (index 24). */
export function curpCheckDigit(first17: string): number {
  const s = first17.toUpperCase().replace(/Ñ/g, '&');
  if (s.length !== 17) throw new RangeError('curpCheckDigit needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHECK_ALPHABET.indexOf(s[i]!);
    if (v < 0) throw new RangeError(`invalid CURP character '${s[i]}'`);
    sum += v * (18 - i);
  }
  return (10 - (sum % 10)) % 10;
}

const fail = (code: 'FORMAT' | 'DATE' | 'CHECK_DIGIT' | 'INCONVENIENT_WORD', message: string): CurpCheck => ({
  ok: false,
  code,
  message,
});

/**
 * Validates a CURP: shape (per segment, with a specific Spanish message), real birth date with the
 * century taken from position 17 (digit → 1900s, letter → 2000s), inconvenient words, check digit.
 */
export function checkCurp(input: string): CurpCheck {
  const curp = (input ?? '').trim().toUpperCase();
  if (curp.length === 0) return fail('FORMAT', 'la CURP está vacía');
  if (curp.length !== 18) return fail('FORMAT', `la CURP debe tener 18 caracteres (tiene ${curp.length})`);
  if (!/^[A-Z0-9]{18}$/.test(curp)) return fail('FORMAT', 'la CURP solo admite letras sin acento y dígitos');
  if (!/^[A-Z][AEIOUX][A-Z]{2}$/.test(curp.slice(0, 4))) {
    return fail('FORMAT', 'las primeras cuatro posiciones deben ser letras y la segunda una vocal o X');
  }
  if (!/^\d{6}$/.test(curp.slice(4, 10))) return fail('FORMAT', 'las posiciones 5 a 10 deben ser la fecha de nacimiento (AAMMDD)');
  const sex = curp[10]!;
  if (sex !== 'H' && sex !== 'M' && sex !== 'X') return fail('FORMAT', 'la posición 11 (sexo) debe ser H, M o X');
  const stateCode = curp.slice(11, 13);
  if (!(stateCode in CURP_STATE_CODES)) return fail('FORMAT', `la clave de entidad «${stateCode}» no existe`);
  if (!/^[B-DF-HJ-NP-TV-Z]{3}$/.test(curp.slice(13, 16))) {
    return fail('FORMAT', 'las posiciones 14 a 16 deben ser consonantes');
  }
  const diff = curp[16]!;
  if (!/^\d$/.test(curp[17]!)) return fail('FORMAT', 'la última posición (dígito verificador) debe ser un número');

  const yy = Number(curp.slice(4, 6));
  const mm = Number(curp.slice(6, 8));
  const dd = Number(curp.slice(8, 10));
  const year = (/\d/.test(diff) ? 1900 : 2000) + yy;
  if (!isRealDate(year, mm, dd)) {
    return fail('DATE', `la fecha de nacimiento de la CURP (${pad2(dd)}/${pad2(mm)}/${year}) no existe`);
  }
  if (CURP_INCONVENIENT_WORDS.has(curp.slice(0, 4))) {
    return fail(
      'INCONVENIENT_WORD',
      `las primeras cuatro letras forman una palabra inconveniente (${curp.slice(0, 4)}); la CURP oficial sustituye la segunda letra por X`,
    );
  }
  if (curpCheckDigit(curp.slice(0, 17)) !== Number(curp[17])) {
    return fail('CHECK_DIGIT', 'el dígito verificador no corresponde');
  }
  return {
    ok: true,
    curp,
    info: { birthDate: `${year}-${pad2(mm)}-${pad2(dd)}`, sex, stateCode },
  };
}

// ---------------------------------------------------------------------------------------------
// Construction (makeCurp)
// ---------------------------------------------------------------------------------------------

/** Particles ignored in compound names (Instructivo: prepositions, conjunctions, contractions). */
const NAME_PARTICLES = new Set(['DA', 'DAS', 'DE', 'DEL', 'DER', 'DI', 'DIE', 'DD', 'EL', 'LA', 'LOS', 'LAS', 'LE', 'LES', 'MAC', 'MC', 'VAN', 'VON', 'Y']);
/** Very common first given names skipped when a second given name exists. */
const SKIPPED_GIVEN = new Set(['MARIA', 'MA', 'M', 'JOSE', 'J']);
const VOWELS = 'AEIOU';

/** Upper-cases, turns Ñ into X, strips accents/diaeresis and anything that is not A–Z or a space. */
function normalizeName(raw: string): string[] {
  const s = raw
    .toUpperCase()
    .replace(/Ñ/g, 'X')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Z ]/g, ' ');
  return s.split(/\s+/).filter(Boolean);
}

function meaningfulWords(raw: string): string[] {
  const words = normalizeName(raw);
  const kept = words.filter((w) => !NAME_PARTICLES.has(w));
  return kept.length > 0 ? kept : words;
}

const firstInternal = (word: string, pick: (c: string) => boolean): string => {
  for (let i = 1; i < word.length; i++) if (pick(word[i]!)) return word[i]!;
  return 'X';
};
const isVowel = (c: string) => VOWELS.includes(c);
const isConsonant = (c: string) => c >= 'A' && c <= 'Z' && !VOWELS.includes(c);

export interface CurpParts {
  firstSurname: string;
  secondSurname?: string | null;
  givenNames: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'H' | 'M';
  stateCode: string;
  /** Position 17 (homonymy differentiator); defaults to '0' (born before 2000) or 'A' (2000 on). */
  homonymy?: string;
}

/**
 * Builds a CURP that `checkCurp` accepts, following the Instructivo's construction rules: first
 * letter + first internal vowel of the first surname, first letter of the second surname (X if
 * none), first letter of the given name (skipping MARÍA/JOSÉ when a second name exists), birth
 * date, sex, state, first internal consonants of the three names, differentiator, check digit.
 * Ñ becomes X, accents are removed, particles (DE, LA, DEL, …) are ignored, and an inconvenient
 * word in the first four letters gets its second letter replaced by X.
 */
export function makeCurp(parts: CurpParts): string {
  const surname1 = meaningfulWords(parts.firstSurname)[0] ?? '';
  const surname2 = parts.secondSurname ? (meaningfulWords(parts.secondSurname)[0] ?? '') : '';
  const givenWords = meaningfulWords(parts.givenNames);
  const given = (givenWords.length > 1 && SKIPPED_GIVEN.has(givenWords[0]!) ? givenWords[1] : givenWords[0]) ?? '';
  if (!surname1 || !given) throw new RangeError('makeCurp needs a first surname and a given name');

  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(parts.birthDate);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new RangeError(`invalid birth date ${parts.birthDate}`);
  const year = Number(m[1]);
  if (year < 1900 || year > 2099) throw new RangeError('CURP birth years run from 1900 to 2099');
  const state = parts.stateCode.toUpperCase();
  if (!(state in CURP_STATE_CODES)) throw new RangeError(`unknown state code ${parts.stateCode}`);
  if (parts.sex !== 'H' && parts.sex !== 'M') throw new RangeError('sex must be H or M');

  let first4 = surname1[0]! + firstInternal(surname1, isVowel) + (surname2 ? surname2[0]! : 'X') + given[0]!;
  if (CURP_INCONVENIENT_WORDS.has(first4)) first4 = first4[0] + 'X' + first4.slice(2);

  const consonants =
    firstInternal(surname1, isConsonant) + (surname2 ? firstInternal(surname2, isConsonant) : 'X') + firstInternal(given, isConsonant);

  const homonymy = (parts.homonymy ?? (year < 2000 ? '0' : 'A')).toUpperCase();
  const wantsDigit = year < 2000;
  if (!(wantsDigit ? /^\d$/ : /^[A-Z]$/).test(homonymy)) {
    throw new RangeError(wantsDigit ? 'homonymy must be a digit for births before 2000' : 'homonymy must be a letter for births from 2000');
  }
  const first17 = `${first4}${m[1]!.slice(2)}${m[2]}${m[3]}${parts.sex}${state}${consonants}${homonymy}`;
  return first17 + String(curpCheckDigit(first17));
}

// ---------------------------------------------------------------------------------------------
// Cross-check against entered data (warn, do not block)
// ---------------------------------------------------------------------------------------------

const SEX_WORDS_ES: Record<'H' | 'M' | 'X', string> = { H: 'hombre', M: 'mujer', X: 'no binario' };

function normalizeSex(s: string): 'H' | 'M' | 'X' | null {
  const v = s.trim().toUpperCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (v === 'H' || v === 'HOMBRE' || v === 'MASCULINO') return 'H';
  if (v === 'M' || v === 'MUJER' || v === 'FEMENINO' || v === 'F') return 'M';
  if (v === 'X' || v === 'NO BINARIO' || v === 'NO_BINARIO' || v === 'NB') return 'X';
  return null;
}

/**
 * Compares what the CURP encodes with what was typed in the form. Returns one warning per field
 * that disagrees (empty/absent fields are not compared).
 */
export function curpMismatches(
  info: CurpInfo,
  entered: { birthDate?: string | null; sex?: string | null },
): Array<{ field: 'birthDate' | 'sex'; message: string }> {
  const out: Array<{ field: 'birthDate' | 'sex'; message: string }> = [];
  if (entered.birthDate && entered.birthDate.slice(0, 10) !== info.birthDate) {
    out.push({ field: 'birthDate', message: `no coincide con la CURP (${formatDateEs(info.birthDate)})` });
  }
  if (entered.sex) {
    const sex = normalizeSex(entered.sex);
    if (sex !== info.sex) out.push({ field: 'sex', message: `no coincide con la CURP (${SEX_WORDS_ES[info.sex]})` });
  }
  return out;
}
