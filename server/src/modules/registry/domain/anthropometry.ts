/**
 * Anthropometry for dosing and data-entry checks: body surface area, calendar age and
 * plausibility bounds for weight and height by age.
 *
 * The bounds are deliberately wide: they catch impossible values and unit mix-ups (grams or
 * pounds typed as kilograms, metres typed as centimetres), not unusual children. They were set
 * from the WHO Child Growth Standards (0–5 years) and WHO 2007 references (5–19 years), taking
 * well below the 0.1st centile and well above the 99.9th centile of each age band, and widened
 * further for severe malnutrition, oedema, obesity and tall stature. Adults (the registry also
 * holds young adults followed since childhood) use world-record-level limits.
 */

interface Band {
  /** Band applies from this age (years, inclusive) up to the next band. */
  fromAge: number;
  minWeightKg: number;
  maxWeightKg: number;
  minHeightCm: number;
  maxHeightCm: number;
}

/**
 * Reasoning per band (centiles from WHO tables, boys and girls pooled):
 * - < 1 y: extremely preterm survivors weigh from ~0.3 kg and measure ~25 cm; a 12-month-old at
 *   +4 SD weighs ~15 kg and measures ~85 cm.
 * - 1–2 y: +4 SD ~18 kg / 98 cm; severe wasting can bring a 1-year-old down to ~4 kg.
 * - 2–5 y: +4 SD at 5 y ~30 kg / 125 cm; obesity can double that.
 * - 5–10 y: 99.9th centile at 10 y ~55 kg / 155 cm; morbid obesity in this band reaches ~100 kg.
 * - 10–15 y: adolescents with morbid obesity reach 150–180 kg; tall ones 200 cm.
 * - 15–18 y / adults: adult extremes.
 */
const BANDS: readonly Band[] = [
  { fromAge: 0, minWeightKg: 0.3, maxWeightKg: 20, minHeightCm: 20, maxHeightCm: 100 },
  { fromAge: 1, minWeightKg: 3, maxWeightKg: 30, minHeightCm: 45, maxHeightCm: 120 },
  { fromAge: 2, minWeightKg: 5, maxWeightKg: 60, minHeightCm: 60, maxHeightCm: 145 },
  { fromAge: 5, minWeightKg: 8, maxWeightKg: 120, minHeightCm: 80, maxHeightCm: 185 },
  { fromAge: 10, minWeightKg: 12, maxWeightKg: 200, minHeightCm: 95, maxHeightCm: 215 },
  { fromAge: 15, minWeightKg: 20, maxWeightKg: 300, minHeightCm: 110, maxHeightCm: 240 },
  { fromAge: 18, minWeightKg: 20, maxWeightKg: 350, minHeightCm: 110, maxHeightCm: 250 },
];

function bandFor(ageYears: number): Band {
  let band = BANDS[0]!;
  for (const b of BANDS) if (ageYears >= b.fromAge) band = b;
  return band;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');
const ageText = (a: number) => (a < 1 ? 'menores de 1 año' : `${Math.floor(a)} ${Math.floor(a) === 1 ? 'año' : 'años'}`);

/** Body surface area in m² by Mosteller: √(kg × cm / 3600), rounded to 2 decimals. */
export function bodySurfaceArea(weightKg: number, heightCm: number): number {
  if (!Number.isFinite(weightKg) || weightKg <= 0) throw new RangeError('weight must be a positive number of kilograms');
  if (!Number.isFinite(heightCm) || heightCm <= 0) throw new RangeError('height must be a positive number of centimetres');
  return Math.round(Math.sqrt((weightKg * heightCm) / 3600) * 100) / 100;
}

function checkAge(ageYears: number): string | null {
  if (!Number.isFinite(ageYears) || ageYears < 0) return 'la edad no es válida';
  if (ageYears > 120) return 'la edad no es válida';
  return null;
}

/**
 * Plausibility of a weight (kg) at an age (years). Returns null when plausible, otherwise a
 * Spanish message for the form.
 */
export function checkWeight(kg: number, ageYears: number): string | null {
  if (typeof kg !== 'number' || !Number.isFinite(kg)) return 'el peso debe ser un número';
  if (kg <= 0) return 'el peso debe ser mayor que 0 kg';
  const ageErr = checkAge(ageYears);
  if (ageErr) return ageErr;
  const b = bandFor(ageYears);
  if (kg < b.minWeightKg) return `un peso de ${fmt(kg)} kg no es posible para ${ageText(ageYears)} (mínimo ${fmt(b.minWeightKg)} kg); revise las unidades`;
  if (kg > b.maxWeightKg) return `un peso de ${fmt(kg)} kg no es posible para ${ageText(ageYears)} (máximo ${fmt(b.maxWeightKg)} kg); revise las unidades`;
  return null;
}

/**
 * Plausibility of a height/length (cm) at an age (years). Returns null when plausible, otherwise
 * a Spanish message.
 */
export function checkHeight(cm: number, ageYears: number): string | null {
  if (typeof cm !== 'number' || !Number.isFinite(cm)) return 'la talla debe ser un número';
  if (cm <= 0) return 'la talla debe ser mayor que 0 cm';
  const ageErr = checkAge(ageYears);
  if (ageErr) return ageErr;
  const b = bandFor(ageYears);
  if (cm < b.minHeightCm) return `una talla de ${fmt(cm)} cm no es posible para ${ageText(ageYears)} (mínimo ${fmt(b.minHeightCm)} cm); revise las unidades`;
  if (cm > b.maxHeightCm) return `una talla de ${fmt(cm)} cm no es posible para ${ageText(ageYears)} (máximo ${fmt(b.maxHeightCm)} cm); revise las unidades`;
  return null;
}

function calendarParts(d: string | Date): [number, number, number] {
  if (d instanceof Date) {
    if (Number.isNaN(d.getTime())) throw new RangeError('invalid date');
    return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  if (!m) throw new RangeError(`invalid date ${d}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * Completed years between two calendar dates ('YYYY-MM-DD', or Date objects read by their UTC
 * calendar date), the way ages are counted on birthdays — not days / 365. Someone born on 29
 * February turns a year older on 1 March in common years.
 */
export function ageInYears(birthDate: string | Date, onDate: string | Date): number {
  const [by, bm, bd] = calendarParts(birthDate);
  const [y, m, d] = calendarParts(onDate);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}
