import { ICCC3_GROUPS, ICCC3_SUBGROUPS, toIccc3 } from '../registry/domain/iccc3.ts';
import { toIcd10 } from '../registry/domain/icd10.ts';
import { MORPHOLOGIES, TOPOGRAPHIES } from '../registry/domain/icdo3.ts';

const GROUP_NAMES = new Map(ICCC3_GROUPS.map((g) => [g.code, g.name]));
const SUBGROUP_NAMES = new Map(ICCC3_SUBGROUPS.map((g) => [g.code, g.name]));

/** ICD-10 and ICCC-3 derived from an ICD-O-3 diagnosis (stored with it). */
export function deriveCodes(topography: string, morphology: string, behaviour: number) {
  const iccc = toIccc3(topography, morphology, behaviour);
  return { icd10: toIcd10(topography, morphology, behaviour), icccGroup: iccc?.group ?? null, icccSubgroup: iccc?.subgroup ?? null };
}

/** Spanish names of a diagnosis's codes, from the catalogues. */
export function diagnosisNames(d: { topography: string; morphology: string; icd10: string | null; icccGroup: string | null; icccSubgroup: string | null }) {
  return {
    topographyName: TOPOGRAPHIES.get(d.topography) ?? null,
    morphologyName: MORPHOLOGIES.get(d.morphology)?.name ?? null,
    icccGroupName: d.icccGroup ? (GROUP_NAMES.get(d.icccGroup) ?? null) : null,
    icccSubgroupName: d.icccSubgroup ? (SUBGROUP_NAMES.get(d.icccSubgroup) ?? null) : null,
  };
}
