/**
 * ICD-O-3 → ICD-10 (WHO edition, 2016 codes), following the conversion conventions of the
 * IARC/IACR tools and CanReg (Ferlay et al., IARC Technical Report No. 42, 2005):
 *
 * Malignant (/3)
 * - Haematolymphoid morphologies (9590–9993) map by morphology, whatever the site (C81–C96, and
 *   D45–D47 for the chronic myeloproliferative and myelodysplastic codes ICD-10 keeps outside
 *   chapter C). The WHO 2008 lymphoblastic codes (9811–9819, 9837) and CLL/SLL (9823) are split by
 *   site as in ICCC-3: blood/marrow/haematopoietic system (C42.0, C42.1, C42.4) or unknown site →
 *   leukaemia (C91.x), any other site → lymphoma (C83.5 / C83.0).
 * - Melanoma 8720–8790 on skin (C44.x) → C43.x with the same fourth digit; unknown primary → C43.9;
 *   elsewhere (eye, mucosa) by site.
 * - Kaposi sarcoma 9140 → C46.x (skin .0, soft tissue .1, palate .2, lymph nodes .3, other .7,
 *   unknown .9). Mesothelioma 9050–9055 → C45.x (pleura .0, peritoneum .1, pericardium .2,
 *   other .7, unknown .9).
 * - Liver (C22.x): ICD-10 subdivides by morphology: hepatocellular 8170–8175 → C22.0, bile-duct
 *   carcinomas 8160–8162 → C22.1, hepatoblastoma 8970 → C22.2, angiosarcoma 9120 and Kupffer-cell
 *   sarcoma 9124 → C22.3, other sarcomas → C22.4, other specified carcinomas → C22.7,
 *   unspecified (8000–8005, 8010) → C22.9.
 * - Solid tumours otherwise → 'C' + ICD-O topography, written as the 3-character ICD-10 category
 *   where ICD-10 has no subdivisions (C64, C73, C56, …). ICD-O C77.x (lymph node) and C42.x
 *   (other than spleen, C42.2 → C26.1) do not exist as primary sites in ICD-10 for solid tumours:
 *   they become C80.9.
 * In situ (/2): D00–D09 by site (D03 for melanoma; breast by morphology: lobular D05.0,
 * intraductal D05.1, other D05.7).
 * Benign (/0) and uncertain (/1): D10–D36 and D37–D48 by site, with morphology-driven categories
 * for naevi (D22), lipomas (D17.9), haemangiomas/lymphangiomas (D18.0/D18.1), benign mesothelial
 * tumours (D19) and uterine leiomyomas (D25.9); haematolymphoid /1 → D47.x.
 *
 * Simplified on purpose (documented so nobody trusts more than there is): lipomas are all D17.9
 * (ICD-10 splits them by body region); benign soft-tissue sites use the C49 fourth digit; a few
 * rare haematolymphoid entities without an exact ICD-10 category are sent to the nearest
 * "other specified" code (e.g. 9971 PTLD → C85.7, 9965–9968 → D47.7); 9714 ALCL "T and null
 * cell" → C84.6 (ALK-positive, the usual paediatric form). /6 and /9 return null.
 */

import { normalizeMorphology, normalizeTopography } from './icdo3.ts';

/** ICD-10 three-character categories with no fourth character (written without '.9'). */
const NO_SUBDIVISION = new Set(['C01', 'C07', 'C12', 'C19', 'C20', 'C23', 'C33', 'C37', 'C52', 'C55', 'C56', 'C58', 'C61', 'C64', 'C65', 'C66', 'C73']);

type Range = readonly [number, number];
const r = (lo: number, hi = lo): Range => [lo, hi];
const inRange = ([lo, hi]: Range, n: number) => n >= lo && n <= hi;

/** Haematolymphoid /3 by morphology (first match wins). */
const HAEM_MALIGNANT: ReadonlyArray<readonly [Range, string]> = [
  [r(9590), 'C85.9'],
  [r(9591), 'C85.9'],
  [r(9596), 'C85.7'],
  [r(9597), 'C82.6'],
  [r(9650), 'C81.9'],
  [r(9651), 'C81.4'],
  [r(9652), 'C81.2'],
  [r(9653, 9655), 'C81.3'],
  [r(9659), 'C81.0'],
  [r(9661, 9662), 'C81.7'],
  [r(9663, 9667), 'C81.1'],
  [r(9670, 9671), 'C83.0'],
  [r(9673), 'C83.1'],
  [r(9675), 'C83.8'],
  [r(9678), 'C83.8'],
  [r(9679), 'C85.2'],
  [r(9680), 'C83.3'],
  [r(9684), 'C83.3'],
  [r(9687), 'C83.7'],
  [r(9688), 'C83.3'],
  [r(9689), 'C83.0'],
  [r(9690), 'C82.9'],
  [r(9691), 'C82.1'],
  [r(9695), 'C82.0'],
  [r(9698), 'C82.2'],
  [r(9699), 'C88.4'],
  [r(9700), 'C84.0'],
  [r(9701), 'C84.1'],
  [r(9702), 'C84.4'],
  [r(9705), 'C86.5'],
  [r(9708), 'C86.3'],
  [r(9709), 'C84.8'],
  [r(9712), 'C83.8'],
  [r(9714), 'C84.6'],
  [r(9715), 'C84.7'],
  [r(9716), 'C86.1'],
  [r(9717), 'C86.2'],
  [r(9718), 'C86.6'],
  [r(9719), 'C86.0'],
  [r(9724, 9726), 'C84.8'],
  [r(9727), 'C86.4'],
  [r(9728, 9729), 'C83.5'],
  [r(9731), 'C90.3'],
  [r(9732), 'C90.0'],
  [r(9733), 'C90.1'],
  [r(9734), 'C90.2'],
  [r(9735), 'C83.3'],
  [r(9737, 9738), 'C83.3'],
  [r(9740, 9741), 'C96.2'],
  [r(9742), 'C94.3'],
  [r(9750), 'C96.8'],
  [r(9751), 'C96.6'],
  [r(9752), 'C96.6'],
  [r(9753), 'C96.5'],
  [r(9754), 'C96.0'],
  [r(9755), 'C96.8'],
  [r(9756, 9759), 'C96.4'],
  [r(9760), 'C88.9'],
  [r(9761), 'C88.0'],
  [r(9762), 'C88.2'],
  [r(9764), 'C88.3'],
  [r(9800), 'C95.9'],
  [r(9801), 'C95.0'],
  [r(9805, 9809), 'C95.0'],
  [r(9820), 'C91.9'],
  [r(9826), 'C91.8'],
  [r(9827), 'C91.5'],
  [r(9831), 'C91.7'],
  [r(9832, 9833), 'C91.3'],
  [r(9834), 'C91.6'],
  [r(9835, 9836), 'C91.0'],
  [r(9838), 'C91.0'],
  [r(9840), 'C94.0'],
  [r(9860), 'C92.9'],
  [r(9861), 'C92.0'],
  [r(9863), 'C92.1'],
  [r(9865), 'C92.0'],
  [r(9866), 'C92.4'],
  [r(9867), 'C92.5'],
  [r(9869, 9870), 'C92.0'],
  [r(9871), 'C92.5'],
  [r(9872, 9874), 'C92.0'],
  [r(9875), 'C92.1'],
  [r(9876), 'C92.2'],
  [r(9877, 9879), 'C92.0'],
  [r(9891), 'C93.0'],
  [r(9895), 'C92.8'],
  [r(9896), 'C92.0'],
  [r(9897), 'C92.6'],
  [r(9898), 'C92.0'],
  [r(9910, 9911), 'C94.2'],
  [r(9912), 'C92.0'],
  [r(9920), 'C92.0'],
  [r(9930), 'C92.3'],
  [r(9931), 'C94.4'],
  [r(9940), 'C91.4'],
  [r(9945), 'C93.1'],
  [r(9946), 'C93.3'],
  [r(9948), 'C94.7'],
  [r(9950), 'D45'],
  [r(9960), 'D47.1'],
  [r(9961), 'D47.4'],
  [r(9962), 'D47.3'],
  [r(9963), 'D47.1'],
  [r(9964), 'D47.5'],
  [r(9965, 9968), 'D47.7'],
  [r(9970), 'C85.9'],
  [r(9971), 'C85.7'],
  [r(9975), 'D47.1'],
  [r(9980), 'D46.0'],
  [r(9982), 'D46.1'],
  [r(9983), 'D46.2'],
  [r(9984), 'C92.0'],
  [r(9985), 'D46.5'],
  [r(9986), 'D46.6'],
  [r(9987), 'D46.7'],
  [r(9989), 'D46.9'],
  [r(9991, 9993), 'D46.7'],
];

/** Haematolymphoid /1 by morphology; anything else /1 in 9590–9993 → D47.9. */
const HAEM_UNCERTAIN: ReadonlyArray<readonly [Range, string]> = [
  [r(9740, 9741), 'D47.0'],
  [r(9751, 9752), 'C96.6'],
  [r(9753), 'C96.5'],
  [r(9765), 'D47.2'],
  [r(9766, 9769), 'D47.7'],
  [r(9898), 'D47.7'],
  [r(9970, 9971), 'D47.7'],
  [r(9975), 'D47.1'],
];

const HEME_SITES = new Set(['C42.0', 'C42.1', 'C42.4', 'C80.9']);

function haematolymphoid(m: number, behaviour: number, site: string): string | null {
  if (behaviour === 3) {
    if ((m >= 9811 && m <= 9819) || m === 9837) return HEME_SITES.has(site) ? 'C91.0' : 'C83.5';
    if (m === 9823) return HEME_SITES.has(site) ? 'C91.1' : 'C83.0';
    return HAEM_MALIGNANT.find(([range]) => inRange(range, m))?.[1] ?? 'C96.9';
  }
  if (behaviour === 1) return HAEM_UNCERTAIN.find(([range]) => inRange(range, m))?.[1] ?? 'D47.9';
  return null;
}

const siteParts = (site: string) => ({ cat: site.slice(0, 3), n: Number(site.slice(1, 3)), d: site.slice(4) });

function malignantBySite(site: string): string {
  const { cat, d } = siteParts(site);
  if (cat === 'C77') return 'C80.9';
  if (cat === 'C42') return site === 'C42.2' ? 'C26.1' : 'C80.9';
  if (NO_SUBDIVISION.has(cat)) return cat;
  return `${cat}.${d}`;
}

function liver(m: number, site: string): string {
  if (m >= 8170 && m <= 8175) return 'C22.0';
  if (m >= 8160 && m <= 8162) return 'C22.1';
  if (m === 8970) return 'C22.2';
  if (m === 9120 || m === 9124) return 'C22.3';
  if ((m >= 8800 && m <= 8991) || (m >= 9040 && m <= 9044) || (m >= 9120 && m <= 9373) || (m >= 9540 && m <= 9581)) return 'C22.4';
  if ((m >= 8000 && m <= 8005) || m === 8010) return site === 'C22.1' ? 'C22.1' : 'C22.9';
  if (m >= 8010 && m <= 8589) return 'C22.7';
  return site;
}

function malignantSolid(m: number, site: string): string {
  const { cat, d } = siteParts(site);
  if (m >= 8720 && m <= 8790) {
    if (cat === 'C44') return `C43.${d}`;
    if (site === 'C80.9') return 'C43.9';
    return malignantBySite(site);
  }
  if (m === 9140) {
    if (cat === 'C44') return 'C46.0';
    if (cat === 'C49' || cat === 'C47' || cat === 'C48') return 'C46.1';
    if (cat === 'C05') return 'C46.2';
    if (cat === 'C77') return 'C46.3';
    if (site === 'C80.9') return 'C46.9';
    return 'C46.7';
  }
  if (m >= 9050 && m <= 9055) {
    if (site === 'C38.4') return 'C45.0';
    if (cat === 'C48') return 'C45.1';
    if (site === 'C38.0') return 'C45.2';
    if (site === 'C80.9') return 'C45.9';
    return 'C45.7';
  }
  if (cat === 'C22') return liver(m, site);
  return malignantBySite(site);
}

// --------------------------------------------------------------------------------------------
// In situ (/2)
// --------------------------------------------------------------------------------------------

function inSitu(m: number, site: string): string {
  const { cat, n, d } = siteParts(site);
  if (m >= 8720 && m <= 8790) {
    if (cat === 'C44') return `D03.${d}`;
    return site === 'C80.9' ? 'D03.9' : 'D03.8';
  }
  if (cat === 'C44') return `D04.${d}`;
  if (cat === 'C50') {
    if (m === 8520 || m === 8519) return 'D05.0';
    if ([8500, 8501, 8503, 8504, 8507, 8230].includes(m)) return 'D05.1';
    if (m === 8010 || m === 8000) return 'D05.9';
    return 'D05.7';
  }
  if (n <= 14) return 'D00.0';
  if (n === 15) return 'D00.1';
  if (n === 16) return 'D00.2';
  if (n === 18) return 'D01.0';
  if (n === 19) return 'D01.1';
  if (n === 20) return 'D01.2';
  if (n === 21) return 'D01.3';
  if (n === 17 || site === 'C26.0') return 'D01.4';
  if (n >= 22 && n <= 24) return 'D01.5';
  if (n === 25 || site === 'C26.8') return 'D01.7';
  if (n === 26) return 'D01.9';
  if (n === 32) return 'D02.0';
  if (n === 33) return 'D02.1';
  if (n === 34) return 'D02.2';
  if (n === 30 || n === 31 || site === 'C38.4' || site === 'C39.0' || site === 'C39.8') return 'D02.3';
  if (site === 'C39.9') return 'D02.4';
  if (n === 53) return d === '0' ? 'D06.0' : d === '1' ? 'D06.1' : d === '8' ? 'D06.7' : 'D06.9';
  if (site === 'C54.1') return 'D07.0';
  if (n === 51) return 'D07.1';
  if (n === 52) return 'D07.2';
  if (n === 54 || n === 55 || n === 56 || n === 57 || n === 58) return 'D07.3';
  if (n === 60) return 'D07.4';
  if (n === 61) return 'D07.5';
  if (n === 62 || n === 63) return 'D07.6';
  if (n === 67) return 'D09.0';
  if (n >= 64 && n <= 68) return 'D09.1';
  if (n === 69) return 'D09.2';
  if (n >= 73 && n <= 75) return 'D09.3';
  if (site === 'C80.9') return 'D09.9';
  return 'D09.7';
}

// --------------------------------------------------------------------------------------------
// Benign (/0)
// --------------------------------------------------------------------------------------------

const SKIN_DIGIT = (d: string) => (d === '8' ? '9' : d);

function brainDigit(site: string): '0' | '1' | '2' {
  const d = Number(site.slice(4));
  if (d >= 0 && d <= 4) return '0';
  if (d === 6 || d === 7) return '1';
  return '2';
}

function benign(m: number, site: string): string {
  const { cat, n, d } = siteParts(site);
  // Morphology-driven categories first.
  if (m >= 8720 && m <= 8790 && cat === 'C44') return `D22.${SKIN_DIGIT(d)}`;
  if (m >= 8850 && m <= 8881) return 'D17.9';
  if (m >= 9120 && m <= 9161) return 'D18.0';
  if (m >= 9170 && m <= 9175) return 'D18.1';
  if (m >= 9050 && m <= 9055) return site === 'C38.4' ? 'D19.0' : cat === 'C48' ? 'D19.1' : 'D19.7';
  if (m >= 8890 && m <= 8898 && (n === 54 || n === 55)) return 'D25.9';
  // Then by site.
  if (n === 0) return 'D10.0';
  if (n === 1 || n === 2) return 'D10.1';
  if (n === 4) return 'D10.2';
  if (n === 3 || n === 5 || n === 6) return 'D10.3';
  if (n === 9) return 'D10.4';
  if (n === 10) return 'D10.5';
  if (n === 11) return 'D10.6';
  if (n === 12 || n === 13) return 'D10.7';
  if (n === 14) return 'D10.9';
  if (n === 7) return 'D11.0';
  if (n === 8) return d === '0' || d === '1' ? 'D11.7' : 'D11.9';
  if (n === 18) return ({ '0': 'D12.0', '1': 'D12.1', '2': 'D12.2', '3': 'D12.3', '4': 'D12.3', '5': 'D12.3', '6': 'D12.4', '7': 'D12.5' } as Record<string, string>)[d] ?? 'D12.6';
  if (n === 19) return 'D12.7';
  if (n === 20) return 'D12.8';
  if (n === 21) return 'D12.9';
  if (n === 15) return 'D13.0';
  if (n === 16) return 'D13.1';
  if (n === 17) return d === '0' ? 'D13.2' : 'D13.3';
  if (n === 22) return 'D13.4';
  if (n === 23 || n === 24) return 'D13.5';
  if (n === 25) return d === '4' ? 'D13.7' : 'D13.6';
  if (n === 26) return 'D13.9';
  if (n === 30 || n === 31) return 'D14.0';
  if (n === 32) return 'D14.1';
  if (n === 33) return 'D14.2';
  if (n === 34) return 'D14.3';
  if (n === 39) return 'D14.4';
  if (n === 37) return 'D15.0';
  if (site === 'C38.0') return 'D15.1';
  if (n === 38) return d === '1' || d === '2' || d === '3' ? 'D15.2' : 'D15.7';
  if (n === 40) return ['0', '1', '2', '3'].includes(d) ? `D16.${d}` : 'D16.9';
  if (n === 41) return ({ '0': 'D16.4', '1': 'D16.5', '2': 'D16.6', '3': 'D16.7', '4': 'D16.8' } as Record<string, string>)[d] ?? 'D16.9';
  if (n === 48) return d === '0' ? 'D20.0' : 'D20.1';
  if (n === 49) return d === '8' ? 'D21.9' : `D21.${d}`;
  if (n === 44) return `D23.${SKIN_DIGIT(d)}`;
  if (n === 50) return 'D24';
  if (n === 53) return 'D26.0';
  if (n === 54) return 'D26.1';
  if (n === 55) return 'D26.9';
  if (n === 56) return 'D27';
  if (n === 51) return 'D28.0';
  if (n === 52) return 'D28.1';
  if (n === 57) return ['0', '1', '2', '3', '4'].includes(d) ? 'D28.2' : d === '9' ? 'D28.9' : 'D28.7';
  if (n === 58) return 'D28.7';
  if (n === 60) return 'D29.0';
  if (n === 61) return 'D29.1';
  if (n === 62) return 'D29.2';
  if (n === 63) return d === '0' ? 'D29.3' : d === '2' ? 'D29.4' : d === '9' ? 'D29.9' : 'D29.7';
  if (n === 64) return 'D30.0';
  if (n === 65) return 'D30.1';
  if (n === 66) return 'D30.2';
  if (n === 67) return 'D30.3';
  if (n === 68) return d === '0' ? 'D30.4' : d === '9' ? 'D30.9' : 'D30.7';
  if (n === 69) return d === '8' ? 'D31.9' : `D31.${d}`;
  if (n === 70) return d === '0' ? 'D32.0' : d === '1' ? 'D32.1' : 'D32.9';
  if (n === 71) return `D33.${brainDigit(site)}`;
  if (n === 72) return d === '0' || d === '1' ? 'D33.4' : ['2', '3', '4', '5'].includes(d) ? 'D33.3' : d === '8' ? 'D33.7' : 'D33.9';
  if (n === 73) return 'D34';
  if (n === 74) return 'D35.0';
  if (n === 75) return ({ '0': 'D35.1', '1': 'D35.2', '2': 'D35.3', '3': 'D35.4', '4': 'D35.5', '5': 'D35.6', '8': 'D35.8' } as Record<string, string>)[d] ?? 'D35.9';
  if (n === 77) return 'D36.0';
  if (n === 47) return 'D36.1';
  if (site === 'C80.9') return 'D36.9';
  return 'D36.7';
}

// --------------------------------------------------------------------------------------------
// Uncertain or unknown behaviour (/1)
// --------------------------------------------------------------------------------------------

function uncertain(site: string): string {
  const { n, d } = siteParts(site);
  if (n <= 14) return 'D37.0';
  if (n === 16) return 'D37.1';
  if (n === 17) return 'D37.2';
  if (site === 'C18.1') return 'D37.3';
  if (n === 18) return 'D37.4';
  if (n === 19 || n === 20) return 'D37.5';
  if (n >= 22 && n <= 24) return 'D37.6';
  if (n === 15 || n === 21 || n === 25 || n === 26) return site === 'C26.9' ? 'D37.9' : 'D37.7';
  if (n === 32) return 'D38.0';
  if (n === 33 || n === 34) return 'D38.1';
  if (site === 'C38.4') return 'D38.2';
  if (n === 38 && (d === '1' || d === '2' || d === '3')) return 'D38.3';
  if (n === 37) return 'D38.4';
  if (n === 30 || n === 31 || n === 38 || site === 'C39.0' || site === 'C39.8') return 'D38.5';
  if (n === 39) return 'D38.6';
  if (n >= 53 && n <= 55) return 'D39.0';
  if (n === 56) return 'D39.1';
  if (n === 58) return 'D39.2';
  if (n === 51 || n === 52 || n === 57) return 'D39.7';
  if (n === 61) return 'D40.0';
  if (n === 62) return 'D40.1';
  if (n === 60 || n === 63) return 'D40.7';
  if (n === 64) return 'D41.0';
  if (n === 65) return 'D41.1';
  if (n === 66) return 'D41.2';
  if (site === 'C68.0') return 'D41.3';
  if (n === 67) return 'D41.4';
  if (n === 68) return d === '9' ? 'D41.9' : 'D41.7';
  if (n === 70) return d === '0' ? 'D42.0' : d === '1' ? 'D42.1' : 'D42.9';
  if (n === 71) return `D43.${brainDigit(site)}`;
  if (n === 72) return d === '0' || d === '1' ? 'D43.4' : ['2', '3', '4', '5'].includes(d) ? 'D43.3' : d === '8' ? 'D43.7' : 'D43.9';
  if (n === 73) return 'D44.0';
  if (n === 74) return 'D44.1';
  if (n === 75) return ({ '0': 'D44.2', '1': 'D44.3', '2': 'D44.4', '3': 'D44.5', '4': 'D44.6', '5': 'D44.7', '8': 'D44.8' } as Record<string, string>)[d] ?? 'D44.9';
  if (n === 40 || n === 41) return 'D48.0';
  if (n === 49) return 'D48.1';
  if (n === 47) return 'D48.2';
  if (site === 'C48.0') return 'D48.3';
  if (n === 48) return 'D48.4';
  if (n === 44) return 'D48.5';
  if (n === 50) return 'D48.6';
  if (site === 'C80.9') return 'D48.9';
  return 'D48.7';
}

/**
 * ICD-10 code derived from an ICD-O-3 diagnosis, or null when the input is malformed or the
 * behaviour is /6 or /9. See the module comment for the rules and simplifications.
 */
export function toIcd10(topography: string, morphology: string, behaviour: number): string | null {
  const site = normalizeTopography(topography);
  const morph = normalizeMorphology(morphology);
  if (!site || !morph) return null;
  const m = Number(morph.code);
  if (m < 8000 || m > 9993) return null;
  if (m >= 9590) return haematolymphoid(m, behaviour, site);
  switch (behaviour) {
    case 3:
      return malignantSolid(m, site);
    case 2:
      return inSitu(m, site);
    case 1:
      return uncertain(site);
    case 0:
      return benign(m, site);
    default:
      return null;
  }
}
