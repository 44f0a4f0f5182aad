/** Lower-case, accent-free, single-spaced text: what search compares (Ñ → n, Ü → u). */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The indexed name: surnames first, as registrars search ("garcia lopez maria"). */
export function searchNameOf(p: { firstSurname: string; secondSurname?: string | null; givenNames: string }): string {
  return normalizeForSearch(`${p.firstSurname} ${p.secondSurname ?? ''} ${p.givenNames}`);
}
