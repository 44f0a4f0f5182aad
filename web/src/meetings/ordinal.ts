/** Spanish ordinal of a meeting number ("decimonovena"), as the bulletins write it; up to 199. */
export function meetingOrdinal(n: number): string {
  const units = ['', 'primera', 'segunda', 'tercera', 'cuarta', 'quinta', 'sexta', 'séptima', 'octava', 'novena'];
  const tens = ['', 'décima', 'vigésima', 'trigésima', 'cuadragésima', 'quincuagésima', 'sexagésima', 'septuagésima', 'octogésima', 'nonagésima'];
  const special: Record<number, string> = {
    11: 'decimoprimera',
    12: 'decimosegunda',
    13: 'decimotercera',
    14: 'decimocuarta',
    15: 'decimoquinta',
    16: 'decimosexta',
    17: 'decimoséptima',
    18: 'decimoctava',
    19: 'decimonovena',
  };
  if (n <= 0 || n >= 200) return `${n}.ª`;
  const rest = n % 100;
  const words = special[rest] ?? [tens[Math.floor(rest / 10)]!, units[rest % 10]!].filter(Boolean).join(' ');
  return [n >= 100 ? 'centésima' : '', words].filter(Boolean).join(' ');
}
