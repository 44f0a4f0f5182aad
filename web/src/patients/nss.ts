/**
 * NSS (Número de Seguridad Social, IMSS) checks for the form: 11 digits, the last one a
 * Luhn-style check digit over the first 10 (weights 1, 2, 1, 2…, digits of each product added).
 * The server validates again. Spaces and hyphens are ignored.
 */
export type NssProblem = { key: 'chars' } | { key: 'length'; count: number } | { key: 'checkDigit' };

export function normalizeNss(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

export function nssCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const p = Number(first10[i]) * (i % 2 === 0 ? 1 : 2);
    sum += p > 9 ? p - 9 : p;
  }
  return (10 - (sum % 10)) % 10;
}

/** null when the NSS is empty (it is optional) or valid. */
export function nssProblem(input: string, complete: boolean): NssProblem | null {
  const nss = normalizeNss(input);
  if (!nss) return null;
  if (!/^\d+$/.test(nss)) return { key: 'chars' };
  if (nss.length > 11 || (complete && nss.length !== 11)) return { key: 'length', count: nss.length };
  if (nss.length < 11) return null;
  return nssCheckDigit(nss.slice(0, 10)) === Number(nss[10]) ? null : { key: 'checkDigit' };
}
