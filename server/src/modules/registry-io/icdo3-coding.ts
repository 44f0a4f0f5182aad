import type { FieldError } from '../../platform/errors.ts';
import { toIccc3 } from '../registry/domain/iccc3.ts';
import { toIcd10 } from '../registry/domain/icd10.ts';
import { parseIcdO3 } from '../registry/domain/icdo3.ts';

export type CodedDiagnosis =
  | { ok: true; topography: string; morphology: string; behaviour: number; icd10: string | null; icccGroup: string | null; icccSubgroup: string | null }
  | { ok: false; errors: FieldError[] };

const COLUMN = { topography: 'topografia', morphology: 'morfologia', behaviour: 'comportamiento' } as const;

/**
 * ICD-O-3 topography + morphology (+ behaviour, which may also come inside the morphology as
 * '9836/3') checked against the catalogues, with ICD-10 and ICCC-3 derived, as for a diagnosis
 * recorded one at a time. Errors name the spreadsheet columns.
 */
export function codeDiagnosis(topography: string, morphology: string, behaviour: number | null): CodedDiagnosis {
  const parsed = parseIcdO3({ topography, morphology, behaviour });
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => ({ field: COLUMN[e.field], message: e.message })) };
  const iccc = toIccc3(parsed.topography, parsed.morphology, parsed.behaviour);
  return {
    ok: true,
    topography: parsed.topography,
    morphology: parsed.morphology,
    behaviour: parsed.behaviour,
    icd10: toIcd10(parsed.topography, parsed.morphology, parsed.behaviour),
    icccGroup: iccc?.group ?? null,
    icccSubgroup: iccc?.subgroup ?? null,
  };
}
