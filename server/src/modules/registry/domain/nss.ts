/**
 * IMSS Número de Seguridad Social (NSS) and "agregado médico".
 *
 * NSS: 11 digits = subdelegación (2) + year of affiliation (2) + year of birth (2) + sequence (4)
 * + check digit (1). The check digit is Luhn-style: weights 1,2,1,2,… from the left over the first
 * 10 digits, the digits of each product are added (12 → 1 + 2), and the check digit brings the
 * total to the next multiple of 10. This is the algorithm IMSS's own derechohabientes code uses
 * (`generaDigitoVerificador` in IMSS's public "delta" sources) and the one described by public
 * validators (pyfiscal, doc-validator).
 *
 * Agregado médico: the suffix IMSS prints after the NSS to tell apart the members of the insured
 * person's family group (e.g. '1M2015OR'). Its construction in IMSS's public sources
 * (`DeltaUtils.getAgregadoMedico`) is:
 *   1. one digit for the member's "calidad" in the family group: 1 the insured person, 2–4 the
 *      beneficiaries of an insured worker (by kinship class), 5 a pensioner, 6 a pensioner's
 *      beneficiary;
 *   2. one letter for sex: H (hombre), M (mujer), X (no binario). Older cards use M/F
 *      (masculino/femenino), so 'M' is ambiguous and F is accepted too; the sex is therefore not
 *      decoded here;
 *   3. the 4-digit year of birth (2-digit years on old cards are read as 19xx);
 *   4. two letters for the insurance regime/modality: OR (ordinario), PE (pensionado), ES
 *      (estudiante), SA, ME, SF, and other modality acronyms.
 * We validate that structure (1–6, H/M/F/X, 1900–2099, two letters), after removing spaces.
 */

const LUHN_WEIGHTS = [1, 2] as const;

/** Check digit for the first 10 NSS digits. */
export function nssCheckDigit(first10: string): number {
  if (!/^\d{10}$/.test(first10)) throw new RangeError('nssCheckDigit needs exactly 10 digits');
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const p = Number(first10[i]) * LUHN_WEIGHTS[i % 2]!;
    sum += p > 9 ? p - 9 : p; // digit sum of a product ≤ 18
  }
  return (10 - (sum % 10)) % 10;
}

/** Appends the check digit to 10 digits. */
export function makeNss(first10: string): string {
  return first10 + String(nssCheckDigit(first10));
}

/** Validates an NSS; spaces and hyphens are ignored. */
export function checkNss(input: string): { ok: true; nss: string } | { ok: false; message: string } {
  const nss = (input ?? '').replace(/[\s-]/g, '');
  if (nss === '') return { ok: false, message: 'el NSS está vacío' };
  if (!/^\d+$/.test(nss)) return { ok: false, message: 'el NSS solo admite dígitos' };
  if (nss.length !== 11) return { ok: false, message: `el NSS debe tener 11 dígitos (tiene ${nss.length})` };
  if (nssCheckDigit(nss.slice(0, 10)) !== Number(nss[10])) return { ok: false, message: 'el dígito verificador del NSS no corresponde' };
  return { ok: true, nss };
}

export type AgregadoCheck =
  | { ok: true; agregado: string; memberDigit: number; sexLetter: 'H' | 'M' | 'F' | 'X'; birthYear: number; regime: string }
  | { ok: false; message: string };

/** Validates an agregado médico such as '1M2015OR' (see the module comment for the layout). */
export function checkAgregado(input: string): AgregadoCheck {
  const a = (input ?? '').replace(/\s+/g, '').toUpperCase();
  if (a === '') return { ok: false, message: 'el agregado médico está vacío' };
  const m = /^([1-6])([HMFX])(\d{4}|\d{2})([A-Z]{2})$/.exec(a);
  if (!m) {
    return {
      ok: false,
      message: 'el agregado médico debe tener la forma 1M2015OR: dígito de calidad (1–6), sexo (H, M o X), año de nacimiento y régimen (2 letras)',
    };
  }
  const year = m[3]!.length === 2 ? 1900 + Number(m[3]) : Number(m[3]);
  if (year < 1900 || year > 2099) return { ok: false, message: `el año de nacimiento del agregado médico (${year}) no es válido` };
  return { ok: true, agregado: a, memberDigit: Number(m[1]), sexLetter: m[2] as 'H' | 'M' | 'F' | 'X', birthYear: year, regime: m[4]! };
}
