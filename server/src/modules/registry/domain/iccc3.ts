/**
 * ICD-O-3 → ICCC-3 (International Classification of Childhood Cancer, third edition).
 *
 * Definition: Steliarova-Foucher E, Stiller C, Lacour B, Kaatsch P. "International Classification
 * of Childhood Cancer, third edition". Cancer 2005;103:1457–67, main classification table, in the
 * form SEER publishes as "ICCC Recode Third Edition ICD-O-3/WHO 2008" (US government work). The
 * table below was written from that published definition (it is data, not code taken from any
 * implementation; CanReg5's ICCC table is GPL and was not used). The WHO 2008 update splits the
 * lymphoblastic and CLL/ATLL codes 9811–9819, 9823, 9827, 9837 by site: blood, bone marrow or
 * haematopoietic system (C42.0, C42.1, C42.4) → leukaemia (Ia), any other site → lymphoma (IIb).
 *
 * Extensions beyond the 2005/2008 table, added by analogy with the nearest published code and
 * marked "(ext)" below: ICD-O-3.1/3.2 codes for entities that the 2005 table places elsewhere
 * under older codes (e.g. 9385 diffuse midline glioma → IIIb, 9475–9477 molecular medulloblastoma
 * subtypes → IIIc, 9396 RELA ependymoma → IIIa, 9877–9879/9912 AML with mutations → Ib,
 * 9819/9838 lymphoblastic leukaemias → Ia, 9965–9968 myeloid/lymphoid neoplasms with
 * eosinophilia → Ic, 9993 → Id, 9222 → VIIIb, the HPV-related squamous codes 8085/8086 with the
 * other squamous carcinomas, 8265 micropapillary adenocarcinoma → XIf).
 *
 * Behaviour rule (as in ICCC-3): malignant tumours (/3) everywhere; non-malignant (/0, /1)
 * intracranial and intraspinal tumours are included only in group III and subgroup Xa, and only
 * when the site is intracranial or intraspinal (C70.0–C72.9, C75.1–C75.3); /2 (in situ) and
 * anything matching no row are not classifiable (null).
 *
 * Extended-classification codes (e.g. 'Ia.1') are given for the subgroups of groups I–III, VIa
 * and VIIIc; elsewhere `extended` is absent.
 */

import { normalizeMorphology, normalizeTopography } from './icdo3.ts';

export interface Iccc3Group {
  code: string;
  name: string;
}
export interface Iccc3Subgroup {
  code: string;
  group: string;
  name: string;
}

/** The 12 main diagnostic groups, in order, with Spanish names. */
export const ICCC3_GROUPS: readonly Iccc3Group[] = [
  { code: 'I', name: 'Leucemias, enfermedades mieloproliferativas y enfermedades mielodisplásicas' },
  { code: 'II', name: 'Linfomas y neoplasias reticuloendoteliales' },
  { code: 'III', name: 'Neoplasias del SNC y neoplasias intracraneales e intraespinales misceláneas' },
  { code: 'IV', name: 'Neuroblastoma y otros tumores de células nerviosas periféricas' },
  { code: 'V', name: 'Retinoblastoma' },
  { code: 'VI', name: 'Tumores renales' },
  { code: 'VII', name: 'Tumores hepáticos' },
  { code: 'VIII', name: 'Tumores óseos malignos' },
  { code: 'IX', name: 'Sarcomas de tejidos blandos y otros sarcomas extraóseos' },
  { code: 'X', name: 'Tumores de células germinales, tumores trofoblásticos y neoplasias de las gónadas' },
  { code: 'XI', name: 'Otras neoplasias epiteliales malignas y melanomas malignos' },
  { code: 'XII', name: 'Otras neoplasias malignas y las no especificadas' },
];

/**
 * The 47 ICCC-3 subgroups with Spanish names, plus group V (retinoblastoma), which has no
 * subgroups and is listed with code 'V' so that every `subgroup` returned by `toIccc3` has an
 * entry here (48 entries).
 */
export const ICCC3_SUBGROUPS: readonly Iccc3Subgroup[] = [
  { code: 'Ia', group: 'I', name: 'Leucemias linfoides' },
  { code: 'Ib', group: 'I', name: 'Leucemias mieloides agudas' },
  { code: 'Ic', group: 'I', name: 'Enfermedades mieloproliferativas crónicas' },
  { code: 'Id', group: 'I', name: 'Síndrome mielodisplásico y otras enfermedades mieloproliferativas' },
  { code: 'Ie', group: 'I', name: 'Leucemias no especificadas y otras leucemias especificadas' },
  { code: 'IIa', group: 'II', name: 'Linfomas de Hodgkin' },
  { code: 'IIb', group: 'II', name: 'Linfomas no Hodgkin (excepto linfoma de Burkitt)' },
  { code: 'IIc', group: 'II', name: 'Linfoma de Burkitt' },
  { code: 'IId', group: 'II', name: 'Neoplasias linforreticulares misceláneas' },
  { code: 'IIe', group: 'II', name: 'Linfomas no especificados' },
  { code: 'IIIa', group: 'III', name: 'Ependimomas y tumores de plexos coroideos' },
  { code: 'IIIb', group: 'III', name: 'Astrocitomas' },
  { code: 'IIIc', group: 'III', name: 'Tumores embrionarios intracraneales e intraespinales' },
  { code: 'IIId', group: 'III', name: 'Otros gliomas' },
  { code: 'IIIe', group: 'III', name: 'Otras neoplasias intracraneales e intraespinales especificadas' },
  { code: 'IIIf', group: 'III', name: 'Neoplasias intracraneales e intraespinales no especificadas' },
  { code: 'IVa', group: 'IV', name: 'Neuroblastoma y ganglioneuroblastoma' },
  { code: 'IVb', group: 'IV', name: 'Otros tumores de células nerviosas periféricas' },
  { code: 'V', group: 'V', name: 'Retinoblastoma' },
  { code: 'VIa', group: 'VI', name: 'Nefroblastoma y otros tumores renales no epiteliales' },
  { code: 'VIb', group: 'VI', name: 'Carcinomas renales' },
  { code: 'VIc', group: 'VI', name: 'Tumores renales malignos no especificados' },
  { code: 'VIIa', group: 'VII', name: 'Hepatoblastoma' },
  { code: 'VIIb', group: 'VII', name: 'Carcinomas hepáticos' },
  { code: 'VIIc', group: 'VII', name: 'Tumores hepáticos malignos no especificados' },
  { code: 'VIIIa', group: 'VIII', name: 'Osteosarcomas' },
  { code: 'VIIIb', group: 'VIII', name: 'Condrosarcomas' },
  { code: 'VIIIc', group: 'VIII', name: 'Tumor de Ewing y sarcomas óseos relacionados' },
  { code: 'VIIId', group: 'VIII', name: 'Otros tumores óseos malignos especificados' },
  { code: 'VIIIe', group: 'VIII', name: 'Tumores óseos malignos no especificados' },
  { code: 'IXa', group: 'IX', name: 'Rabdomiosarcomas' },
  { code: 'IXb', group: 'IX', name: 'Fibrosarcomas, tumores de la vaina de nervio periférico y otras neoplasias fibrosas' },
  { code: 'IXc', group: 'IX', name: 'Sarcoma de Kaposi' },
  { code: 'IXd', group: 'IX', name: 'Otros sarcomas de tejidos blandos especificados' },
  { code: 'IXe', group: 'IX', name: 'Sarcomas de tejidos blandos no especificados' },
  { code: 'Xa', group: 'X', name: 'Tumores de células germinales intracraneales e intraespinales' },
  { code: 'Xb', group: 'X', name: 'Tumores de células germinales malignos extracraneales y extragonadales' },
  { code: 'Xc', group: 'X', name: 'Tumores de células germinales malignos gonadales' },
  { code: 'Xd', group: 'X', name: 'Carcinomas gonadales' },
  { code: 'Xe', group: 'X', name: 'Otros tumores gonadales malignos y los no especificados' },
  { code: 'XIa', group: 'XI', name: 'Carcinomas corticosuprarrenales' },
  { code: 'XIb', group: 'XI', name: 'Carcinomas de tiroides' },
  { code: 'XIc', group: 'XI', name: 'Carcinomas nasofaríngeos' },
  { code: 'XId', group: 'XI', name: 'Melanomas malignos' },
  { code: 'XIe', group: 'XI', name: 'Carcinomas de piel' },
  { code: 'XIf', group: 'XI', name: 'Otros carcinomas y los no especificados' },
  { code: 'XIIa', group: 'XII', name: 'Otros tumores malignos especificados' },
  { code: 'XIIb', group: 'XII', name: 'Otros tumores malignos no especificados' },
];

/** Extended-classification codes used here, with Spanish names. */
export const ICCC3_EXTENDED: Readonly<Record<string, string>> = {
  'Ia.1': 'Leucemias de células precursoras',
  'Ia.2': 'Leucemias de células B maduras',
  'Ia.3': 'Leucemias de células T y NK maduras',
  'Ia.4': 'Leucemia linfoide, SAI',
  'IIb.1': 'Linfomas de células precursoras',
  'IIb.2': 'Linfomas de células B maduras (excepto linfoma de Burkitt)',
  'IIb.3': 'Linfomas de células T y NK maduras',
  'IIb.4': 'Linfomas no Hodgkin, SAI',
  'IIIa.1': 'Ependimomas',
  'IIIa.2': 'Tumores de plexos coroideos',
  'IIIc.1': 'Meduloblastomas',
  'IIIc.2': 'Tumor neuroectodérmico primitivo (PNET)',
  'IIIc.3': 'Meduloepitelioma',
  'IIIc.4': 'Tumor teratoide/rabdoide atípico',
  'IIId.1': 'Oligodendrogliomas',
  'IIId.2': 'Gliomas mixtos y no especificados',
  'IIId.3': 'Tumores gliales neuroepiteliales de origen incierto',
  'IIIe.1': 'Adenomas y carcinomas hipofisarios',
  'IIIe.2': 'Tumores de la región selar (craneofaringiomas)',
  'IIIe.3': 'Tumores del parénquima pineal',
  'IIIe.4': 'Tumores neuronales y neuronales-gliales mixtos',
  'IIIe.5': 'Meningiomas',
  'VIa.1': 'Nefroblastoma',
  'VIa.2': 'Tumor rabdoide renal',
  'VIa.3': 'Sarcomas renales',
  'VIa.4': 'Tumor neuroectodérmico periférico (pPNET) renal',
  'VIIIc.1': 'Tumor de Ewing y tumor de Askin del hueso',
  'VIIIc.2': 'Tumor neuroectodérmico periférico (pPNET) del hueso',
};

// Site sets in SEER notation (topography without the dot: C716 = C71.6).
const ALL = 'C000-C809';
const CNS = 'C700-C729,C751-C753';
const HEME = 'C420,C421,C424';
const NOT_HEME = 'C000-C419,C422-C423,C425-C809';
const BONE = 'C400-C419';
const KIDNEY = 'C649';
const LIVER = 'C220-C221';
const GONAD = 'C569,C620-C629';
/** "Soft tissue" site list of IXb/IXd: everything but bone, C42 and lymph nodes. */
const SOFT = 'C000-C399,C440-C768,C809';
const SOFT_NOT_KIDNEY = 'C000-C399,C440-C639,C659-C768,C809';

const CARCINOMA_KIDNEY =
  '8010-8041,8050-8075,8085,8086,8082,8120-8122,8130-8141,8143,8155,8190-8201,8210,8211,8221-8231,8240,8241,8244-8246,8260-8263,8290,8310,8320,8323,8401,8430,8440,8480-8490,8504,8510,8550,8560-8576';
const CARCINOMA_LIVER =
  '8010-8041,8050-8075,8085,8086,8082,8120-8122,8140,8141,8143,8155,8190-8201,8210,8211,8230,8231,8240,8241,8244-8246,8260-8264,8310,8320,8323,8401,8430,8440,8480-8490,8504,8510,8550,8560-8576';
const CARCINOMA_GONAD =
  '8010-8041,8050-8075,8085,8086,8082,8120-8122,8130-8141,8143,8190-8201,8210,8211,8221-8241,8244-8246,8260-8263,8290,8310,8313,8320,8323,8380-8384,8430,8440,8480-8490,8504,8510,8550,8560-8573,9000,9014,9015';
const CARCINOMA_THYROID =
  '8010-8041,8050-8075,8085,8086,8082,8120-8122,8130-8141,8190,8200,8201,8211,8230,8231,8244-8246,8260-8263,8290,8310,8320,8323,8430,8480,8481,8510,8560-8573';
const CARCINOMA_NASOPHARYNX =
  '8010-8041,8050-8075,8085,8086,8082,8083,8120-8122,8130-8141,8190,8200,8201,8211,8230,8231,8244-8246,8260-8263,8290,8310,8320,8323,8430,8480,8481,8500-8576';
const CARCINOMA_SKIN =
  '8010-8041,8050-8075,8085,8086,8078,8082,8090-8110,8140,8143,8147,8190,8200,8240,8246,8247,8260,8310,8320,8323,8390-8420,8430,8480,8542,8560,8570-8573,8940,8941';
const CARCINOMA_OTHER =
  '8010-8086,8120-8157,8190-8265,8290,8310,8313-8315,8320-8325,8360,8380-8384,8430-8440,8452-8454,8480-8586,8588-8589,8940,8941,8983,9000,9010-9016,9020,9030';
const CARCINOMA_OTHER_SITES = 'C000-C109,C129-C218,C239-C399,C480-C488,C500-C559,C570-C619,C630-C639,C659-C729,C750-C768,C809';
const GERM_CELL = '9060-9065,9070-9072,9080-9086';

interface RuleSource {
  sub: string;
  ext?: string;
  m: string;
  s?: string;
}

/** The definition table: morphology list × site list → subgroup (SEER notation). */
const RULE_SOURCE: readonly RuleSource[] = [
  // I Leukaemias, myeloproliferative and myelodysplastic diseases
  { sub: 'Ia', ext: 'Ia.1', m: '9835,9836,9838', s: ALL }, // 9838 (ext)
  { sub: 'Ia', ext: 'Ia.1', m: '9811-9819,9837', s: HEME }, // 9819 (ext)
  { sub: 'Ia', ext: 'Ia.2', m: '9826,9832,9833,9940', s: ALL },
  { sub: 'Ia', ext: 'Ia.2', m: '9823', s: HEME },
  { sub: 'Ia', ext: 'Ia.3', m: '9831,9834,9948', s: ALL },
  { sub: 'Ia', ext: 'Ia.3', m: '9827', s: HEME },
  { sub: 'Ia', ext: 'Ia.4', m: '9820', s: ALL },
  { sub: 'Ib', m: '9840,9861,9865-9867,9869-9874,9877-9879,9891,9895-9898,9910-9912,9920,9931', s: ALL }, // 9877-9879, 9912 (ext)
  { sub: 'Ic', m: '9863,9875,9876,9950,9960-9968', s: ALL }, // 9965-9968 (ext)
  { sub: 'Id', m: '9945,9946,9975,9980,9982-9987,9989,9991-9993', s: ALL }, // 9993 (ext)
  { sub: 'Ie', m: '9800,9801,9805-9809,9860,9930', s: ALL },
  // II Lymphomas and reticuloendothelial neoplasms
  { sub: 'IIa', m: '9650-9655,9659,9661-9665,9667', s: ALL },
  { sub: 'IIb', ext: 'IIb.1', m: '9727-9729', s: ALL },
  { sub: 'IIb', ext: 'IIb.1', m: '9811-9819,9837', s: NOT_HEME },
  {
    sub: 'IIb',
    ext: 'IIb.2',
    m: '9597,9670,9671,9673,9675,9678-9680,9684,9688-9691,9695,9698,9699,9712,9731-9735,9737,9738,9761,9762,9764-9766,9769,9970,9971',
    s: ALL,
  },
  { sub: 'IIb', ext: 'IIb.2', m: '9823', s: NOT_HEME },
  { sub: 'IIb', ext: 'IIb.3', m: '9700-9702,9705,9708,9709,9714-9719,9724-9726,9767,9768', s: ALL }, // 9715 (ext)
  { sub: 'IIb', ext: 'IIb.3', m: '9827', s: NOT_HEME },
  { sub: 'IIb', ext: 'IIb.4', m: '9591,9760', s: ALL },
  { sub: 'IIc', m: '9687', s: ALL },
  { sub: 'IId', m: '9740-9742,9750-9759', s: ALL },
  { sub: 'IIe', m: '9590,9596', s: ALL },
  // III CNS and miscellaneous intracranial and intraspinal neoplasms
  { sub: 'IIIa', ext: 'IIIa.1', m: '9383,9391-9394,9396', s: ALL }, // 9396 (ext)
  { sub: 'IIIa', ext: 'IIIa.2', m: '9390', s: ALL },
  { sub: 'IIIb', m: '9380', s: 'C723' },
  { sub: 'IIIb', m: '9384,9385,9400-9411,9420-9425,9440-9442,9445', s: ALL }, // 9385, 9425, 9445 (ext)
  { sub: 'IIIc', ext: 'IIIc.1', m: '9470-9472,9474-9477', s: ALL }, // 9475-9477 (ext)
  { sub: 'IIIc', ext: 'IIIc.2', m: '9473', s: ALL },
  { sub: 'IIIc', ext: 'IIIc.3', m: '9501-9504', s: 'C700-C729' },
  { sub: 'IIIc', ext: 'IIIc.4', m: '9508', s: ALL },
  { sub: 'IIIc', m: '9478,9480', s: ALL }, // 9478 (ext)
  { sub: 'IIId', ext: 'IIId.1', m: '9450,9451,9460', s: ALL },
  { sub: 'IIId', ext: 'IIId.2', m: '9380', s: 'C700-C722,C724-C729,C751,C753' },
  { sub: 'IIId', ext: 'IIId.2', m: '9382', s: ALL },
  { sub: 'IIId', ext: 'IIId.3', m: '9381,9430,9431,9444', s: ALL }, // 9431 (ext)
  { sub: 'IIIe', ext: 'IIIe.1', m: '8270-8281,8300', s: ALL },
  { sub: 'IIIe', ext: 'IIIe.2', m: '9350-9352,9582', s: ALL },
  { sub: 'IIIe', ext: 'IIIe.3', m: '9360-9362,9395', s: ALL }, // 9395 (ext)
  { sub: 'IIIe', ext: 'IIIe.4', m: '9412,9413,9492,9493,9505-9507,9509', s: ALL }, // 9509 (ext)
  { sub: 'IIIe', ext: 'IIIe.5', m: '9530-9539', s: ALL },
  { sub: 'IIIe', m: '9432', s: ALL }, // 9432 pituicytoma (ext)
  { sub: 'IIIf', m: '8000-8005', s: CNS },
  // IV Neuroblastoma and other peripheral nervous cell tumours
  { sub: 'IVa', m: '9490,9500', s: ALL },
  { sub: 'IVb', m: '8680-8683,8690-8693,8700,9520-9523', s: ALL },
  { sub: 'IVb', m: '9501-9504', s: 'C000-C699,C739-C768,C809' },
  // V Retinoblastoma
  { sub: 'V', m: '9510-9514', s: ALL },
  // VI Renal tumours
  { sub: 'VIa', ext: 'VIa.1', m: '8959,8960', s: ALL },
  { sub: 'VIa', ext: 'VIa.2', m: '8963', s: KIDNEY },
  { sub: 'VIa', ext: 'VIa.3', m: '8964-8967', s: ALL },
  { sub: 'VIa', ext: 'VIa.3', m: '8800-8805,8830', s: KIDNEY },
  { sub: 'VIa', ext: 'VIa.4', m: '9364', s: KIDNEY },
  { sub: 'VIb', m: CARCINOMA_KIDNEY, s: KIDNEY },
  { sub: 'VIb', m: '8311,8312,8316-8319,8361', s: ALL },
  { sub: 'VIc', m: '8000-8005', s: KIDNEY },
  // VII Hepatic tumours
  { sub: 'VIIa', m: '8970', s: ALL },
  { sub: 'VIIb', m: CARCINOMA_LIVER, s: LIVER },
  { sub: 'VIIb', m: '8160-8180', s: ALL },
  { sub: 'VIIc', m: '8000-8005', s: LIVER },
  // VIII Malignant bone tumours
  { sub: 'VIIIa', m: '9180-9187,9191-9195,9200', s: BONE },
  { sub: 'VIIIb', m: '9210,9220,9222,9240', s: BONE }, // 9222 (ext)
  { sub: 'VIIIb', m: '9221,9230,9241-9243', s: ALL },
  { sub: 'VIIIc', ext: 'VIIIc.1', m: '9260', s: 'C400-C419,C760-C768,C809' },
  { sub: 'VIIIc', ext: 'VIIIc.1', m: '9365', s: BONE },
  { sub: 'VIIIc', ext: 'VIIIc.2', m: '9364', s: BONE },
  { sub: 'VIIIc', m: '9363', s: BONE },
  { sub: 'VIIId', m: '8810,8811,8823,8830', s: BONE },
  {
    sub: 'VIIId',
    m: '8812,9250,9261,9262,9270-9275,9280-9282,9290,9300-9302,9310-9312,9320-9322,9330,9340-9342,9370-9372',
    s: ALL,
  },
  { sub: 'VIIIe', m: '8000-8005,8800,8801,8803-8805', s: BONE },
  // IX Soft tissue and other extraosseous sarcomas
  { sub: 'IXa', m: '8900-8905,8910,8912,8920,8991', s: ALL },
  { sub: 'IXb', m: '8810,8811,8813-8815,8821,8823,8834,8835', s: SOFT },
  { sub: 'IXb', m: '8820,8822,8824-8827,9150,9160,9491,9540-9571,9580', s: ALL },
  { sub: 'IXc', m: '9140', s: ALL },
  {
    sub: 'IXd',
    m: '8587,8710-8713,8806,8831-8833,8836,8840-8842,8850-8858,8860-8862,8870,8880,8881,8890-8898,8921,8982,8990,9040-9045,9120-9125,9130-9133,9135-9137,9141,9142,9161,9170-9175,9231,9251,9252,9373,9581',
    s: ALL,
  }, // 9045, 9137 (ext)
  { sub: 'IXd', m: '8830', s: SOFT_NOT_KIDNEY },
  { sub: 'IXd', m: '8963', s: 'C000-C639,C659-C809' },
  { sub: 'IXd', m: '9180,9210,9220,9240', s: 'C490-C499' },
  { sub: 'IXd', m: '9260', s: 'C000-C399,C470-C759' },
  { sub: 'IXd', m: '9364', s: 'C000-C399,C470-C639,C659-C699,C739-C768,C809' },
  { sub: 'IXd', m: '9365', s: 'C000-C399,C470-C639,C659-C768,C809' },
  { sub: 'IXe', m: '8800-8805', s: SOFT_NOT_KIDNEY },
  // X Germ cell tumours, trophoblastic tumours and neoplasms of gonads
  { sub: 'Xa', m: `${GERM_CELL},9100,9101`, s: CNS }, // 9086 (ext)
  { sub: 'Xb', m: `${GERM_CELL},9100-9105`, s: 'C000-C559,C570-C619,C630-C699,C739-C750,C754-C768,C809' },
  { sub: 'Xc', m: `${GERM_CELL},9073,9090,9091,9100,9101`, s: GONAD },
  { sub: 'Xd', m: CARCINOMA_GONAD, s: GONAD },
  { sub: 'Xd', m: '8441-8444,8450,8451,8460-8473', s: ALL },
  { sub: 'Xe', m: '8590-8671', s: ALL },
  { sub: 'Xe', m: '8000-8005', s: GONAD },
  // XI Other malignant epithelial neoplasms and malignant melanomas
  { sub: 'XIa', m: '8370-8375', s: ALL },
  { sub: 'XIb', m: CARCINOMA_THYROID, s: 'C739' },
  { sub: 'XIb', m: '8330-8337,8339-8347,8350', s: ALL }, // 8339 (ext)
  { sub: 'XIc', m: CARCINOMA_NASOPHARYNX, s: 'C110-C119' },
  { sub: 'XId', m: '8720-8780,8790', s: ALL },
  { sub: 'XIe', m: CARCINOMA_SKIN, s: 'C440-C449' },
  { sub: 'XIf', m: CARCINOMA_OTHER, s: CARCINOMA_OTHER_SITES },
  // XII Other and unspecified malignant neoplasms
  { sub: 'XIIa', m: '8930-8936,8950,8951,8971-8981,9050-9055,9110', s: ALL },
  { sub: 'XIIa', m: '9363', s: 'C000-C399,C420-C809' },
  { sub: 'XIIb', m: '8000-8005', s: 'C000-C218,C239-C399,C420-C559,C570-C619,C630-C639,C659-C699,C739-C750,C754-C809' },
];

type Range = readonly [number, number];

function parseList(list: string, parse: (s: string) => number): Range[] {
  return list.split(',').map((part) => {
    const [a, b] = part.trim().split('-');
    const lo = parse(a!);
    return [lo, b === undefined ? lo : parse(b)] as const;
  });
}
const siteNumber = (s: string) => Number(s.replace(/^C/, ''));

export interface Iccc3Rule {
  subgroup: string;
  extended?: string;
  morphologies: readonly Range[];
  sites: readonly Range[];
  /** The source row in SEER notation, for display and audits. */
  source: { morphology: string; site: string };
}

/** The parsed definition table (exported for tests and for documentation screens). */
export const ICCC3_RULES: readonly Iccc3Rule[] = RULE_SOURCE.map((r) => ({
  subgroup: r.sub,
  ...(r.ext ? { extended: r.ext } : {}),
  morphologies: parseList(r.m, Number),
  sites: parseList(r.s ?? ALL, siteNumber),
  source: { morphology: r.m, site: r.s ?? ALL },
}));

const inRanges = (ranges: readonly Range[], n: number) => ranges.some(([lo, hi]) => n >= lo && n <= hi);

const GROUP_BY_CODE = new Map(ICCC3_GROUPS.map((g) => [g.code, g]));
const SUBGROUP_BY_CODE = new Map(ICCC3_SUBGROUPS.map((s) => [s.code, s]));
const CNS_SITES = parseList(CNS, siteNumber);

export interface Iccc3Result {
  group: string;
  subgroup: string;
  extended?: string;
  groupName: string;
  subgroupName: string;
  extendedName?: string;
}

/**
 * Classifies an ICD-O-3 tumour into ICCC-3. `topography` as 'C71.6' or 'C716'; `morphology` as
 * '9470' or '9470/3' (the explicit `behaviour` argument is what counts). Returns null for in-situ
 * tumours, for non-malignant tumours outside group III / Xa or outside the CNS, for malformed codes
 * and for combinations the table does not classify.
 */
export function toIccc3(topography: string, morphology: string, behaviour: number): Iccc3Result | null {
  const topo = normalizeTopography(topography);
  const morph = normalizeMorphology(morphology);
  if (!topo || !morph) return null;
  if (behaviour !== 0 && behaviour !== 1 && behaviour !== 3) return null;
  const site = Number(topo.slice(1).replace('.', ''));
  const code = Number(morph.code);

  const rule = ICCC3_RULES.find((r) => inRanges(r.morphologies, code) && inRanges(r.sites, site));
  if (!rule) return null;
  const sub = SUBGROUP_BY_CODE.get(rule.subgroup)!;
  if (behaviour !== 3) {
    const nonMalignantAllowed = (sub.group === 'III' || sub.code === 'Xa') && inRanges(CNS_SITES, site);
    if (!nonMalignantAllowed) return null;
  }
  const group = GROUP_BY_CODE.get(sub.group)!;
  return {
    group: group.code,
    subgroup: sub.code,
    ...(rule.extended ? { extended: rule.extended, extendedName: ICCC3_EXTENDED[rule.extended] } : {}),
    groupName: group.name,
    subgroupName: sub.name,
  };
}
