import { describe, expect, it } from 'vitest';
import { ICCC3_EXTENDED, ICCC3_GROUPS, ICCC3_RULES, ICCC3_SUBGROUPS, toIccc3 } from './iccc3.ts';
import { MORPHOLOGIES, TOPOGRAPHIES } from './icdo3.ts';

type Case = [topography: string, morphology: string, behaviour: number, subgroup: string | null, extended?: string];

// One or more cases for every subgroup, including the boundaries that decide between subgroups.
const CASES: Case[] = [
  // I Leukaemias
  ['C42.1', '9811', 3, 'Ia', 'Ia.1'], // B-lymphoblastic leukaemia, marrow
  ['C42.1', '9836', 3, 'Ia', 'Ia.1'],
  ['C42.0', '9837', 3, 'Ia', 'Ia.1'], // T-lymphoblastic, blood
  ['C42.0', '9823', 3, 'Ia', 'Ia.2'], // CLL, blood
  ['C42.1', '9826', 3, 'Ia', 'Ia.2'],
  ['C42.1', '9827', 3, 'Ia', 'Ia.3'],
  ['C42.1', '9820', 3, 'Ia', 'Ia.4'],
  ['C42.1', '9861', 3, 'Ib'],
  ['C42.1', '9866', 3, 'Ib'],
  ['C42.1', '9898', 3, 'Ib'], // myeloid leukaemia of Down syndrome
  ['C42.1', '9875', 3, 'Ic'],
  ['C42.1', '9946', 3, 'Id'], // JMML
  ['C42.1', '9989', 3, 'Id'],
  ['C42.1', '9801', 3, 'Ie'],
  ['C41.0', '9930', 3, 'Ie'], // myeloid sarcoma, any site
  // II Lymphomas
  ['C77.0', '9650', 3, 'IIa'],
  ['C77.1', '9663', 3, 'IIa'],
  ['C77.0', '9811', 3, 'IIb', 'IIb.1'], // same code as Ia, but in a lymph node → lymphoma
  ['C38.1', '9837', 3, 'IIb', 'IIb.1'], // T-lymphoblastic lymphoma of the mediastinum
  ['C77.2', '9680', 3, 'IIb', 'IIb.2'],
  ['C77.0', '9823', 3, 'IIb', 'IIb.2'], // small lymphocytic lymphoma
  ['C77.9', '9714', 3, 'IIb', 'IIb.3'],
  ['C77.9', '9591', 3, 'IIb', 'IIb.4'],
  ['C77.9', '9687', 3, 'IIc'],
  ['C18.0', '9687', 3, 'IIc'],
  ['C41.0', '9754', 3, 'IId'],
  ['C77.9', '9590', 3, 'IIe'],
  // III CNS
  ['C71.7', '9391', 3, 'IIIa', 'IIIa.1'],
  ['C71.5', '9390', 0, 'IIIa', 'IIIa.2'], // choroid plexus papilloma, benign
  ['C71.6', '9421', 1, 'IIIb'], // pilocytic astrocytoma
  ['C72.3', '9380', 3, 'IIIb'], // optic glioma
  ['C71.7', '9385', 3, 'IIIb'], // diffuse midline glioma (ext)
  ['C71.1', '9440', 3, 'IIIb'],
  ['C71.6', '9470', 3, 'IIIc', 'IIIc.1'],
  ['C71.0', '9473', 3, 'IIIc', 'IIIc.2'],
  ['C71.0', '9501', 3, 'IIIc', 'IIIc.3'],
  ['C71.6', '9508', 3, 'IIIc', 'IIIc.4'],
  ['C71.1', '9450', 3, 'IIId', 'IIId.1'],
  ['C71.7', '9380', 3, 'IIId', 'IIId.2'], // glioma NOS of the brain stem
  ['C71.0', '9430', 3, 'IIId', 'IIId.3'],
  ['C75.1', '8272', 0, 'IIIe', 'IIIe.1'], // pituitary adenoma
  ['C75.2', '9350', 1, 'IIIe', 'IIIe.2'], // craniopharyngioma
  ['C75.3', '9362', 3, 'IIIe', 'IIIe.3'], // pineoblastoma
  ['C71.2', '9505', 1, 'IIIe', 'IIIe.4'], // ganglioglioma
  ['C70.0', '9530', 0, 'IIIe', 'IIIe.5'], // meningioma
  ['C71.9', '8000', 3, 'IIIf'],
  ['C71.9', '8000', 1, 'IIIf'],
  // IV Neuroblastoma
  ['C74.9', '9500', 3, 'IVa'],
  ['C48.0', '9490', 3, 'IVa'],
  ['C47.3', '9501', 3, 'IVb'], // medulloepithelioma outside the CNS
  ['C30.0', '9522', 3, 'IVb'],
  ['C74.1', '8700', 3, 'IVb'],
  // V Retinoblastoma
  ['C69.2', '9510', 3, 'V'],
  ['C69.9', '9511', 3, 'V'],
  // VI Renal
  ['C64.9', '8960', 3, 'VIa', 'VIa.1'],
  ['C64.9', '8963', 3, 'VIa', 'VIa.2'],
  ['C64.9', '8964', 3, 'VIa', 'VIa.3'],
  ['C64.9', '9364', 3, 'VIa', 'VIa.4'],
  ['C64.9', '8312', 3, 'VIb'],
  ['C64.9', '8010', 3, 'VIb'],
  ['C64.9', '8000', 3, 'VIc'],
  // VII Hepatic
  ['C22.0', '8970', 3, 'VIIa'],
  ['C22.0', '8170', 3, 'VIIb'],
  ['C22.0', '8171', 3, 'VIIb'], // fibrolamellar
  ['C22.1', '8140', 3, 'VIIb'],
  ['C22.0', '8000', 3, 'VIIc'],
  // VIII Bone
  ['C40.2', '9180', 3, 'VIIIa'],
  ['C41.4', '9220', 3, 'VIIIb'],
  ['C41.4', '9260', 3, 'VIIIc', 'VIIIc.1'],
  ['C80.9', '9260', 3, 'VIIIc', 'VIIIc.1'], // Ewing, unknown primary: counted as bone
  ['C40.2', '9364', 3, 'VIIIc', 'VIIIc.2'],
  ['C41.2', '9370', 3, 'VIIId'], // chordoma
  ['C40.2', '8830', 3, 'VIIId'],
  ['C40.2', '8800', 3, 'VIIIe'],
  ['C41.9', '8000', 3, 'VIIIe'],
  // IX Soft tissue
  ['C49.1', '8900', 3, 'IXa'],
  ['C49.0', '8910', 3, 'IXa'],
  ['C49.2', '8920', 3, 'IXa'],
  ['C49.2', '8810', 3, 'IXb'],
  ['C47.2', '9540', 3, 'IXb'], // MPNST
  ['C44.7', '9140', 3, 'IXc'],
  ['C49.2', '9040', 3, 'IXd'], // synovial sarcoma
  ['C49.3', '9260', 3, 'IXd'], // extraosseous Ewing
  ['C48.0', '8963', 3, 'IXd'], // extrarenal rhabdoid
  ['C49.2', '9180', 3, 'IXd'], // extraskeletal osteosarcoma
  ['C49.4', '8800', 3, 'IXe'],
  // X Germ cell, trophoblastic and gonadal
  ['C75.3', '9064', 3, 'Xa'], // pineal germinoma
  ['C75.3', '9080', 0, 'Xa'], // benign intracranial teratoma
  ['C71.0', '9080', 1, 'Xa'],
  ['C49.5', '9071', 3, 'Xb'], // pelvic yolk sac tumour
  ['C38.1', '9080', 3, 'Xb'],
  ['C62.9', '9071', 3, 'Xc'],
  ['C56.9', '9060', 3, 'Xc'],
  ['C56.9', '8441', 3, 'Xd'],
  ['C56.9', '8140', 3, 'Xd'],
  ['C56.9', '8620', 3, 'Xe'],
  ['C62.9', '8000', 3, 'Xe'],
  // XI Other epithelial and melanoma
  ['C74.0', '8370', 3, 'XIa'],
  ['C73.9', '8260', 3, 'XIb'],
  ['C73.9', '8340', 3, 'XIb'],
  ['C73.9', '8345', 3, 'XIb'], // medullary thyroid carcinoma
  ['C11.9', '8070', 3, 'XIc'],
  ['C11.9', '8082', 3, 'XIc'],
  ['C44.5', '8720', 3, 'XId'],
  ['C69.3', '8720', 3, 'XId'], // uveal melanoma
  ['C44.3', '8090', 3, 'XIe'],
  ['C18.2', '8140', 3, 'XIf'],
  ['C18.1', '8240', 3, 'XIf'], // appendiceal carcinoid coded malignant
  ['C34.9', '8246', 3, 'XIf'],
  // XII Other and unspecified
  ['C34.9', '8973', 3, 'XIIa'], // pleuropulmonary blastoma
  ['C25.9', '8971', 3, 'XIIa'],
  ['C38.4', '9050', 3, 'XIIa'],
  ['C80.9', '8000', 3, 'XIIb'],
  ['C76.2', '8000', 3, 'XIIb'],
  // Behaviour exceptions and not classifiable
  ['C49.0', '9421', 1, null], // pilocytic astrocytoma /1 outside the CNS
  ['C56.9', '9080', 0, null], // mature ovarian teratoma
  ['C53.9', '8010', 2, null], // carcinoma in situ
  ['C50.9', '8500', 2, null],
  ['C42.1', '9811', 2, null],
  ['C49.2', '8810', 0, null], // fibroma
  ['C48.0', '9490', 0, null], // ganglioneuroma
  ['C41.0', '9530', 0, null], // benign meningioma outside the CNS
  ['C70.0', '8815', 1, null], // /1 inside the CNS but not group III
  ['C75.3', '9080', 2, null],
  ['C30.0', '9380', 3, null], // glioma outside the CNS: no row
];

describe('toIccc3', () => {
  it.each(CASES)('%s %s/%i → %s', (topography, morphology, behaviour, subgroup, extended) => {
    const r = toIccc3(topography, morphology, behaviour);
    if (subgroup === null) {
      expect(r).toBeNull();
      return;
    }
    expect(r).not.toBeNull();
    expect(r!.subgroup).toBe(subgroup);
    const sub = ICCC3_SUBGROUPS.find((s) => s.code === subgroup)!;
    expect(r!.group).toBe(sub.group);
    expect(r!.subgroupName).toBe(sub.name);
    expect(r!.groupName).toBe(ICCC3_GROUPS.find((g) => g.code === sub.group)!.name);
    if (extended) {
      expect(r!.extended).toBe(extended);
      expect(r!.extendedName).toBe(ICCC3_EXTENDED[extended]);
    }
  });

  it('covers every main group and every subgroup', () => {
    const hit = new Set(CASES.map((c) => c[3]).filter(Boolean));
    for (const s of ICCC3_SUBGROUPS) expect(hit.has(s.code), s.code).toBe(true);
    const groups = new Set(CASES.filter((c) => c[3]).map((c) => toIccc3(c[0], c[1], c[2])!.group));
    expect(groups.size).toBe(12);
  });

  it('returns the full shape, in Spanish', () => {
    expect(toIccc3('C42.1', '9811', 3)).toEqual({
      group: 'I',
      subgroup: 'Ia',
      extended: 'Ia.1',
      extendedName: 'Leucemias de células precursoras',
      groupName: 'Leucemias, enfermedades mieloproliferativas y enfermedades mielodisplásicas',
      subgroupName: 'Leucemias linfoides',
    });
    expect(toIccc3('C69.2', '9510', 3)).toEqual({ group: 'V', subgroup: 'V', groupName: 'Retinoblastoma', subgroupName: 'Retinoblastoma' });
  });

  it('accepts compact spellings and rejects malformed input or other behaviours', () => {
    expect(toIccc3('C716', '9470/3', 3)?.subgroup).toBe('IIIc');
    expect(toIccc3('c71.6', 'M9470', 3)?.subgroup).toBe('IIIc');
    expect(toIccc3('C71', '9470', 3)).toBeNull();
    expect(toIccc3('C71.6', '947', 3)).toBeNull();
    expect(toIccc3('C71.6', '9470', 6)).toBeNull();
    expect(toIccc3('C71.6', '9470', 9)).toBeNull();
  });
});

describe('ICCC3 tables', () => {
  it('has 12 groups and 47 subgroups (+ V, which has none)', () => {
    expect(ICCC3_GROUPS.map((g) => g.code)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']);
    expect(ICCC3_SUBGROUPS.filter((s) => s.code !== s.group)).toHaveLength(47);
    expect(ICCC3_SUBGROUPS).toHaveLength(48);
    for (const s of ICCC3_SUBGROUPS) expect(s.code.startsWith(s.group)).toBe(true);
  });

  const codes = [...MORPHOLOGIES.keys()].map(Number);
  const sites = [...TOPOGRAPHIES.keys()].map((t) => Number(t.slice(1).replace('.', '')));
  const inRanges = (rs: readonly (readonly [number, number])[], n: number) => rs.some(([a, b]) => n >= a && n <= b);

  it('never sends one morphology × site pair to two subgroups', () => {
    const overlaps: string[] = [];
    ICCC3_RULES.forEach((a, i) => {
      for (const b of ICCC3_RULES.slice(i + 1)) {
        const m = codes.find((c) => inRanges(a.morphologies, c) && inRanges(b.morphologies, c));
        if (m === undefined) continue;
        const s = sites.find((x) => inRanges(a.sites, x) && inRanges(b.sites, x));
        if (s !== undefined) overlaps.push(`${a.subgroup}/${b.subgroup} ${m} C${s}`);
      }
    });
    expect(overlaps).toEqual([]);
  });

  it('only names morphology codes that exist in the ICD-O-3 catalogue', () => {
    for (const r of ICCC3_RULES) {
      for (const [lo, hi] of r.morphologies) {
        expect(MORPHOLOGIES.has(String(lo)), `${r.subgroup} ${lo}`).toBe(true);
        expect(MORPHOLOGIES.has(String(hi)), `${r.subgroup} ${hi}`).toBe(true);
      }
    }
  });

  it('classifies every malignant morphology of the catalogue at some site', () => {
    const orphans = [...MORPHOLOGIES].filter(([c, m]) => m.behaviours.includes(3) && !ICCC3_RULES.some((r) => inRanges(r.morphologies, Number(c))));
    expect(orphans.map(([c]) => c)).toEqual([]);
  });
});
