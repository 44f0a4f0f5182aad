/**
 * CURP checks in the browser, so the registration form can answer while the person types:
 * format by segment, real birth date with the century from position 17 (digit → 1900s,
 * letter → 2000s), "palabras inconvenientes", check digit. The server validates again; the rules
 * (RENAPO, "Instructivo Normativo para la Asignación de la CURP") are the same, written here
 * independently of the server module. Messages are keys of `patients.curp.*` in the catalogues.
 */

export type CurpSex = 'H' | 'M' | 'X';

export interface CurpInfo {
  /** YYYY-MM-DD */
  birthDate: string;
  sex: CurpSex;
  /** Two-letter entity code (positions 12–13); NE = born abroad. */
  stateCode: string;
}

export type CurpProblem =
  | { key: 'empty' }
  | { key: 'length'; count: number }
  | { key: 'chars' }
  | { key: 'initials' }
  | { key: 'date' }
  | { key: 'sex' }
  | { key: 'state'; code: string }
  | { key: 'consonants' }
  | { key: 'checkDigitShape' }
  | { key: 'impossibleDate'; date: string }
  | { key: 'inconvenient'; word: string }
  | { key: 'checkDigit' };

export type CurpResult = { ok: true; curp: string; info: CurpInfo } | { ok: false; problem: CurpProblem };

/** Entity codes of positions 12–13 and the state name used by the address catalogue. */
export const CURP_STATES: Record<string, string | null> = {
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
  NE: null,
};

/** Four-letter words RENAPO never issues (it replaces the second letter with X). */
const INCONVENIENT = new Set(
  `BACA BAKA BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COGI COJA COJE COJI COJO COLA CULO
   FALO FETO GETA GUEI GUEY JETA JOTO KACA KACO KAGA KAGO KAKA KAKO KOGE KOGI KOJA KOJE KOJI
   KOJO KOLA KULO LILO LOCA LOCO LOKA LOKO MAME MAMO MEAR MEAS MEON MIAR MION MOCO MOKO MULA
   MULO NACA NACO PEDA PEDO PENE PIPI PITO POPO PUTA PUTO QULO RATA ROBA ROBE ROBO RUIN SENO
   TETA VACA VAGA VAGO VAKA VUEI VUEY WUEI WUEY`.split(/\s+/),
);

/** Values of the characters in the check-digit sum: 0–9, A–N, Ñ (written &), O–Z. */
const ALPHABET = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ';

function realDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The check digit (0–9) of the first 17 characters: Σ value × (18 − position), 10 − sum mod 10. */
export function curpCheckDigit(first17: string): number {
  const s = first17.toUpperCase().replace(/Ñ/g, '&');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(s[i] ?? '');
    if (v < 0) return -1;
    sum += v * (18 - i);
  }
  return (10 - (sum % 10)) % 10;
}

/** Upper-case, no spaces: what the CURP field keeps as the person types. */
export function normalizeCurp(raw: string): string {
  return raw.toUpperCase().replace(/\s+/g, '');
}

export function checkCurp(input: string): CurpResult {
  const curp = normalizeCurp(input);
  const no = (problem: CurpProblem): CurpResult => ({ ok: false, problem });
  if (!curp) return no({ key: 'empty' });
  if (!/^[A-Z0-9]*$/.test(curp)) return no({ key: 'chars' });
  if (curp.length !== 18) return no({ key: 'length', count: curp.length });
  if (!/^[A-Z][AEIOUX][A-Z]{2}$/.test(curp.slice(0, 4))) return no({ key: 'initials' });
  if (!/^\d{6}$/.test(curp.slice(4, 10))) return no({ key: 'date' });
  const sex = curp[10]!;
  if (sex !== 'H' && sex !== 'M' && sex !== 'X') return no({ key: 'sex' });
  const stateCode = curp.slice(11, 13);
  if (!(stateCode in CURP_STATES)) return no({ key: 'state', code: stateCode });
  if (!/^[B-DF-HJ-NP-TV-Z]{3}$/.test(curp.slice(13, 16))) return no({ key: 'consonants' });
  if (!/^\d$/.test(curp[17]!)) return no({ key: 'checkDigitShape' });
  const year = (/\d/.test(curp[16]!) ? 1900 : 2000) + Number(curp.slice(4, 6));
  const month = Number(curp.slice(6, 8));
  const day = Number(curp.slice(8, 10));
  if (!realDate(year, month, day)) return no({ key: 'impossibleDate', date: `${pad(day)}/${pad(month)}/${year}` });
  if (INCONVENIENT.has(curp.slice(0, 4))) return no({ key: 'inconvenient', word: curp.slice(0, 4) });
  if (curpCheckDigit(curp.slice(0, 17)) !== Number(curp[17])) return no({ key: 'checkDigit' });
  return { ok: true, curp, info: { birthDate: `${year}-${pad(month)}-${pad(day)}`, sex, stateCode } };
}

/**
 * What to say while the CURP is still being typed: nothing for a short prefix that can still
 * become valid, the problem once it cannot (a wrong character, a bad segment already complete)
 * or once all 18 characters are there.
 */
export function liveCurpProblem(input: string): CurpProblem | null {
  const curp = normalizeCurp(input);
  if (!curp) return null;
  if (curp.length >= 18) {
    const r = checkCurp(curp);
    return r.ok ? null : r.problem;
  }
  if (!/^[A-Z0-9]*$/.test(curp)) return { key: 'chars' };
  // Check each segment as soon as it is complete.
  if (curp.length >= 4 && !/^[A-Z][AEIOUX][A-Z]{2}$/.test(curp.slice(0, 4))) return { key: 'initials' };
  if (curp.length >= 10 && !/^\d{6}$/.test(curp.slice(4, 10))) return { key: 'date' };
  if (curp.length >= 11 && !/^[HMX]$/.test(curp[10]!)) return { key: 'sex' };
  if (curp.length >= 13 && !(curp.slice(11, 13) in CURP_STATES)) return { key: 'state', code: curp.slice(11, 13) };
  if (curp.length >= 16 && !/^[B-DF-HJ-NP-TV-Z]{3}$/.test(curp.slice(13, 16))) return { key: 'consonants' };
  return null;
}
