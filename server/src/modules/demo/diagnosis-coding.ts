import { deriveCodes } from '../clinical/diagnosis-codes.ts';

export interface DiagnosisCodes {
  icd10: string | null;
  icccGroup: string | null;
  icccSubgroup: string | null;
}

const cache = new Map<string, DiagnosisCodes>();

/** ICD-10 and ICCC-3 group/subgroup derived from ICD-O-3 exactly as the clinical module stores them (memoised). */
export function codeDiagnosis(topography: string, morphology: string, behaviour: number): DiagnosisCodes {
  const key = `${topography}|${morphology}|${behaviour}`;
  let c = cache.get(key);
  if (!c) cache.set(key, (c = deriveCodes(topography, morphology, behaviour)));
  return c;
}
