/**
 * Cumulative anthracycline exposure as doxorubicin-equivalent mg/m² (the figure late-effects
 * cardiology follows), and the dose arithmetic of one administration.
 *
 * Cardiotoxicity equivalence ratios to doxorubicin, as in the Children's Oncology Group Long-Term
 * Follow-Up Guidelines (version 5.0, 2018, and later: "doxorubicin isotoxic equivalent dose"),
 * which adopted the ratios derived by Feijen EAM et al., "Derivation of Anthracycline and
 * Anthraquinone Equivalence Ratios to Doxorubicin for Late-Onset Cardiotoxicity", JAMA Oncol
 * 2019;5(6):864–871 (doi:10.1001/jamaoncol.2018.6634, PMC6490232; CCSS + DCOG-LATER + SJLIFE,
 * 28 423 survivors; Table 3: daunorubicin 0.6, epirubicin 0.8, mitoxantrone 10.5):
 *   doxorubicin 1 · daunorubicin 0.6 · epirubicin 0.8 · idarubicin 5 · mitoxantrone 10
 * Idarubicin keeps the COG factor of 5 (Feijen: not estimable; the International Late Effects of
 * Childhood Cancer Guideline Harmonization Group panel, JACC CardioOncology, likewise made no
 * recommendation for it and endorsed ≈0.6 for daunorubicin and ≈10.5 for mitoxantrone).
 * These are the older 1:1 "hematologic" substitution rules they replace: do not use those here.
 */
export const ANTHRACYCLINE_FACTORS = {
  doxorubicin: 1,
  daunorubicin: 0.6,
  epirubicin: 0.8,
  idarubicin: 5,
  mitoxantrone: 10,
} as const;

export type Anthracycline = keyof typeof ANTHRACYCLINE_FACTORS;

/** Names as typed on the ward (Spanish, English, brand names) → the agent. */
const ALIASES: Record<string, Anthracycline> = {
  doxorubicina: 'doxorubicin',
  doxorrubicina: 'doxorubicin',
  doxorubicin: 'doxorubicin',
  adriamicina: 'doxorubicin',
  adriamycin: 'doxorubicin',
  daunorubicina: 'daunorubicin',
  daunorrubicina: 'daunorubicin',
  daunorubicin: 'daunorubicin',
  daunomicina: 'daunorubicin',
  epirubicina: 'epirubicin',
  epirrubicina: 'epirubicin',
  epirubicin: 'epirubicin',
  idarubicina: 'idarubicin',
  idarrubicina: 'idarubicin',
  idarubicin: 'idarubicin',
  mitoxantrona: 'mitoxantrone',
  mitoxantrone: 'mitoxantrone',
};

/** Liposomal formulations have different cardiotoxicity and no agreed factor: not counted. */
const LIPOSOMAL = /liposom|pegil|pegyl|caelyx|doxil|vyxeos|cpx-?351/;

export function normaliseDrugName(drug: string): string {
  return drug
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

/** The anthracycline (or mitoxantrone) a drug name designates, if any. */
export function anthracyclineOf(drug: string): Anthracycline | null {
  const n = normaliseDrugName(drug);
  if (LIPOSOMAL.test(n)) return null;
  for (const word of n.split(/[^a-z]+/)) {
    const hit = ALIASES[word];
    if (hit) return hit;
  }
  return null;
}

export type DoseUnit = 'mg' | 'mg/m2' | 'mg/kg' | 'g' | 'g/m2' | 'mcg' | 'UI' | 'UI/m2' | 'mL';

/** Units whose dose depends on body size: they need a dated weight and height. */
export function needsBodySize(unit: DoseUnit): boolean {
  return unit === 'mg/m2' || unit === 'mg/kg' || unit === 'g/m2' || unit === 'UI/m2';
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/**
 * The absolute dose actually given, in mg, after the dose reduction: `dose` is the protocol dose
 * in `unit`, reduced by `reductionPct`. Null for units that are not a mass (UI, mL).
 */
export function absoluteDoseMg(dose: number, unit: DoseUnit, reductionPct: number, body: { bsa: number; weightKg: number } | null): number | null {
  const factor = (100 - reductionPct) / 100;
  let mg: number | null;
  switch (unit) {
    case 'mg':
      mg = dose;
      break;
    case 'g':
      mg = dose * 1000;
      break;
    case 'mcg':
      mg = dose / 1000;
      break;
    case 'mg/m2':
      mg = body ? dose * body.bsa : null;
      break;
    case 'g/m2':
      mg = body ? dose * 1000 * body.bsa : null;
      break;
    case 'mg/kg':
      mg = body ? dose * body.weightKg : null;
      break;
    default:
      mg = null;
  }
  return mg === null ? null : round(mg * factor, 3);
}

/** The dose given per m² of body surface (after the reduction), in mg/m²; null when it cannot be known. */
export function dosePerM2(dose: number, unit: DoseUnit, reductionPct: number, body: { bsa: number; weightKg: number } | null): number | null {
  const factor = (100 - reductionPct) / 100;
  if (unit === 'mg/m2') return dose * factor;
  if (unit === 'g/m2') return dose * 1000 * factor;
  const mg = absoluteDoseMg(dose, unit, reductionPct, body);
  return mg === null || !body?.bsa ? null : mg / body.bsa;
}

/**
 * Doxorubicin-equivalent mg/m² of one administration, or null when the drug is not an
 * anthracycline (or its dose per m² cannot be known).
 */
export function doxorubicinEquivalentMgM2(drug: string, dose: number, unit: DoseUnit, reductionPct: number, body: { bsa: number; weightKg: number } | null): number | null {
  const agent = anthracyclineOf(drug);
  if (!agent) return null;
  const perM2 = dosePerM2(dose, unit, reductionPct, body);
  return perM2 === null ? null : round(perM2 * ANTHRACYCLINE_FACTORS[agent], 2);
}
