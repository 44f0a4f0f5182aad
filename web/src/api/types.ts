/** Shapes of the OncoPed API (see /api/openapi.json). */
export type Level = 'UMAE' | 'SECOND_LEVEL';
export type Scope = 'ALL_UNITS' | 'ASSIGNED_UNITS' | 'OWN_FAMILY' | 'NONE';
export type Outcome = 'SUCCESS' | 'DENIED' | 'FAILURE';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  /** Display name of each role, by key (custom roles have no catalog entry). */
  roleNames: Record<string, string>;
  permissions: string[];
  allUnits: boolean;
  units: { id: string; clues: string; shortName: string; name: string }[];
  mustChangePassword: boolean;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Unit {
  id: string;
  clues: string;
  name: string;
  shortName: string;
  level: Level;
  state: string;
  delegation: string;
  isOncocrean: boolean;
  activeFrom: string;
  active: boolean;
  version: number;
}

export type UnitInput = Pick<Unit, 'clues' | 'name' | 'shortName' | 'level' | 'state' | 'delegation' | 'isOncocrean' | 'activeFrom'>;

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
  roles: string[];
  units: { id: string; clues: string; shortName: string }[];
}

export interface Role {
  key: string;
  name: string;
  description: string;
  scope: Scope;
  permissions: string[];
  builtIn: boolean;
}

export interface PermissionInfo {
  key: string;
  description: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  roles: string[];
  unitId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  outcome: Outcome;
  ip: string | null;
  requestId: string | null;
  detail: unknown;
}

// ---------------------------------------------------------------------------------------------
// Registro de pacientes (APO)
// ---------------------------------------------------------------------------------------------

export type Sex = 'H' | 'M';
export type TreatmentStatus = 'NEW' | 'ON_TREATMENT' | 'SURVEILLANCE' | 'COMPLETED' | 'REFUSED' | 'ABANDONED' | 'PALLIATIVE' | 'DECEASED' | 'TRANSFERRED';
export const TREATMENT_STATUSES: readonly TreatmentStatus[] = [
  'NEW',
  'ON_TREATMENT',
  'SURVEILLANCE',
  'COMPLETED',
  'REFUSED',
  'ABANDONED',
  'PALLIATIVE',
  'DECEASED',
  'TRANSFERRED',
];
export type VitalStatus = 'ALIVE' | 'DECEASED' | 'UNKNOWN';
export type Relationship = 'MOTHER' | 'FATHER' | 'TUTOR' | 'GRANDPARENT' | 'OTHER';
export const RELATIONSHIPS: readonly Relationship[] = ['MOTHER', 'FATHER', 'TUTOR', 'GRANDPARENT', 'OTHER'];
export type ConsentKind = 'PRIVACY_NOTICE' | 'TREATMENT' | 'DATA_SHARING';

export interface PatientSummary {
  id: string;
  curp: string;
  nss: string | null;
  givenNames: string;
  firstSurname: string;
  secondSurname: string | null;
  birthDate: string;
  sex: Sex;
  unitId: string;
  unitName: string;
  pediatric: boolean;
  treatmentStatus: TreatmentStatus;
  vitalStatus: VitalStatus;
  registeredAt: string;
}

export interface PatientSearchPage extends Page<PatientSummary> {
  fuzzy: boolean;
}

export interface Guardian {
  id: string;
  name: string;
  relationship: Relationship;
  phone: string | null;
  whatsapp: boolean;
  email: string | null;
  isPrimary: boolean;
}

export interface Consent {
  id: string;
  kind: ConsentKind;
  grantedBy: string;
  grantedOn: string;
  documentVersion: string | null;
  revokedOn: string | null;
}

export interface Patient extends PatientSummary {
  agregado: string | null;
  state: string | null;
  municipality: string | null;
  address: string | null;
  physicianName: string | null;
  unitClues: string;
  statusSince: string;
  deathDate: string | null;
  lastContactOn: string | null;
  lastTreatmentOn: string | null;
  curativeIntent: boolean;
  mergedInto: string | null;
  version: number;
  guardians: Guardian[];
  consents: Consent[];
  transfers: { id: string; fromUnitId: string; fromUnitName: string; toUnitId: string; toUnitName: string; transferredOn: string; reason: string }[];
  merges: { mergedId: string; mergedCurp: string; reason: string; mergedAt: string }[];
}

export interface GuardianInput {
  name: string;
  relationship: Relationship;
  phone?: string;
  whatsapp: boolean;
  email?: string;
  isPrimary: boolean;
}

export interface PatientInput {
  curp: string;
  nss?: string;
  agregado?: string;
  givenNames: string;
  firstSurname: string;
  secondSurname?: string;
  birthDate: string;
  sex: Sex;
  state?: string;
  municipality?: string;
  address?: string;
  unitId: string;
  physicianName?: string;
  guardians: GuardianInput[];
  consents: { kind: ConsentKind; grantedBy: string; grantedOn: string }[];
  acceptCurpMismatch?: boolean;
}

export interface DuplicateCandidate {
  /** null: the record is in a unit the user may not see (only the unit is named). */
  id: string | null;
  reason: 'SAME_CURP' | 'SIMILAR_NAME_SAME_BIRTH_DATE';
  similarity: number;
  unitName: string;
  fullName: string | null;
  curp: string | null;
  birthDate: string | null;
}

// ---------------------------------------------------------------------------------------------
// Expediente clínico
// ---------------------------------------------------------------------------------------------

export type Laterality = 'NOT_APPLICABLE' | 'RIGHT' | 'LEFT' | 'BILATERAL' | 'UNKNOWN';
export const LATERALITIES: readonly Laterality[] = ['NOT_APPLICABLE', 'RIGHT', 'LEFT', 'BILATERAL', 'UNKNOWN'];
export const DIAGNOSIS_BASES = [0, 1, 2, 4, 5, 6, 7, 9] as const;
export type DiagnosisBasis = (typeof DIAGNOSIS_BASES)[number];
export type TreatmentIntent = 'CURATIVE' | 'PALLIATIVE';
export type CycleStatus = 'PLANNED' | 'GIVEN' | 'DELAYED' | 'CANCELLED';
export const CYCLE_STATUSES: readonly CycleStatus[] = ['PLANNED', 'GIVEN', 'DELAYED', 'CANCELLED'];
export type AdministrationGroup = 'PREMEDICATION' | 'CHEMOTHERAPY' | 'POSTMEDICATION';
export const ADMINISTRATION_GROUPS: readonly AdministrationGroup[] = ['PREMEDICATION', 'CHEMOTHERAPY', 'POSTMEDICATION'];
export type DrugRoute = 'IV' | 'VO' | 'IT' | 'IM' | 'SC' | 'OTHER';
export const DRUG_ROUTES: readonly DrugRoute[] = ['IV', 'VO', 'IT', 'IM', 'SC', 'OTHER'];
export const DOSE_UNITS = ['mg', 'mg/m2', 'mg/kg', 'g', 'g/m2', 'mcg', 'UI', 'UI/m2', 'mL'] as const;
export type DoseUnit = (typeof DOSE_UNITS)[number];
export type OtherTreatmentKind = 'RADIOTHERAPY' | 'SURGERY' | 'TRANSPLANT';
export const OTHER_TREATMENT_KINDS: readonly OtherTreatmentKind[] = ['RADIOTHERAPY', 'SURGERY', 'TRANSPLANT'];
export type FollowUpKind = 'VISIT' | 'PHONE' | 'HOME_VISIT' | 'ABANDONMENT_TRACE' | 'OTHER';
export const FOLLOW_UP_KINDS: readonly FollowUpKind[] = ['VISIT', 'PHONE', 'HOME_VISIT', 'ABANDONMENT_TRACE', 'OTHER'];
export type DiseaseStatus = 'REMISSION' | 'STABLE' | 'RELAPSE' | 'PROGRESSION' | 'UNKNOWN';
export const DISEASE_STATUSES: readonly DiseaseStatus[] = ['REMISSION', 'STABLE', 'RELAPSE', 'PROGRESSION', 'UNKNOWN'];
export type ComplicationKind = 'FEBRILE_NEUTROPENIA' | 'INFECTION' | 'TOXICITY' | 'BLEEDING' | 'OTHER';
export const COMPLICATION_KINDS: readonly ComplicationKind[] = ['FEBRILE_NEUTROPENIA', 'INFECTION', 'TOXICITY', 'BLEEDING', 'OTHER'];
/** Statuses a user may set (NEW belongs to the registration). */
export const STATUS_CHANGES: readonly TreatmentStatus[] = ['ON_TREATMENT', 'SURVEILLANCE', 'COMPLETED', 'REFUSED', 'ABANDONED', 'PALLIATIVE', 'DECEASED', 'TRANSFERRED'];

export interface Diagnosis {
  id: string;
  sequence: number;
  topography: string;
  topographyName: string | null;
  morphology: string;
  morphologyName: string | null;
  behaviour: number;
  basis: number;
  diagnosisDate: string;
  ageAtDiagnosis: number;
  laterality: Laterality;
  stage: string | null;
  riskGroup: string | null;
  icd10: string | null;
  icd10Name: string | null;
  icccGroup: string | null;
  icccGroupName: string | null;
  icccSubgroup: string | null;
  icccSubgroupName: string | null;
  unitId: string;
  version: number;
}

export interface Administration {
  id: string;
  cycleId: string;
  drug: string;
  dose: number;
  doseUnit: DoseUnit;
  doseMg: number | null;
  route: DrugRoute;
  groupKind: AdministrationGroup;
  doseReductionPct: number;
  administeredAt: string;
  bsaUsed: number | null;
  measuredOn: string | null;
  anthracyclineMgM2: number | null;
}

export interface Cycle {
  id: string;
  planId: string;
  course: string;
  cycleNumber: number;
  previousCycleId: string | null;
  plannedDate: string;
  actualDate: string | null;
  status: CycleStatus;
  notes: string | null;
  unitId: string;
  version: number;
  administrations: Administration[];
}

export interface Plan {
  id: string;
  diagnosisId: string | null;
  protocol: string;
  intent: TreatmentIntent;
  startDate: string;
  plannedCycles: number | null;
  cycleLengthDays: number | null;
  endDate: string | null;
  cycles: Cycle[];
}

export interface Measurement {
  id: string;
  measuredOn: string;
  weightKg: number;
  heightCm: number;
  bsa: number;
}

export interface OtherTreatment {
  id: string;
  kind: OtherTreatmentKind;
  startDate: string;
  endDate: string | null;
  description: string;
  doseGy: number | null;
  fractions: number | null;
  subtype: string | null;
  unitId: string | null;
}

export interface StatusChange {
  id: string;
  status: TreatmentStatus;
  since: string;
  reason: string | null;
}

export interface FollowUp {
  id: string;
  contactDate: string;
  kind: FollowUpKind;
  vitalStatus: VitalStatus;
  diseaseStatus: DiseaseStatus | null;
  traceReason: string | null;
  notes: string | null;
  unitId: string | null;
}

export interface Complication {
  id: string;
  kind: ComplicationKind;
  onsetAt: string;
  triageAt: string | null;
  antibioticAt: string | null;
  grade: number | null;
  description: string;
  unitId: string | null;
  unitName: string | null;
  minutesToAntibiotic: number | null;
  withinGoldenHour: boolean | null;
}

export interface ClinicalRecord {
  patientId: string;
  treatmentStatus: TreatmentStatus;
  statusSince: string;
  vitalStatus: VitalStatus;
  deathDate: string | null;
  pediatric: boolean;
  curativeIntent: boolean;
  lastTreatmentOn: string | null;
  lastContactOn: string | null;
  traceReasonOn: string | null;
  version: number;
  diagnoses: Diagnosis[];
  plans: Plan[];
  latestMeasurement: Measurement | null;
  measurements: Measurement[];
  cumulativeAnthracyclineMgM2: number;
  otherTreatments: OtherTreatment[];
  statusHistory: StatusChange[];
  followUps: FollowUp[];
  complications: Complication[];
}

export type TimelineKind =
  | 'REGISTRATION'
  | 'DIAGNOSIS'
  | 'PLAN_START'
  | 'CYCLE_PLANNED'
  | 'CYCLE_GIVEN'
  | 'ADMINISTRATION'
  | 'MEASUREMENT'
  | 'RADIOTHERAPY'
  | 'SURGERY'
  | 'TRANSPLANT'
  | 'STATUS'
  | 'FOLLOW_UP'
  | 'COMPLICATION'
  | 'TRANSFER';

export interface TimelineEvent {
  kind: TimelineKind;
  id: string;
  at: string;
  /** Mexico City day, YYYY-MM-DD */
  date: string;
  label: string;
}

export type WorklistKind = 'missing-data' | 'overdue-cycles' | 'abandonment-suspects' | 'no-follow-up';
export const WORKLIST_KINDS: readonly WorklistKind[] = ['missing-data', 'overdue-cycles', 'abandonment-suspects', 'no-follow-up'];
export type MissingItem = 'DIAGNOSIS' | 'GUARDIAN_PHONE' | 'PRIVACY_NOTICE' | 'RECENT_MEASUREMENT';

export interface WorklistItem {
  patientId: string;
  curp: string;
  fullName: string;
  unitId: string;
  unitName: string;
  treatmentStatus: TreatmentStatus;
  label: string;
  since: string | null;
  days: number | null;
  missing: MissingItem[];
  cycle: { id: string; planId: string; protocol: string; course: string; cycleNumber: number; status: CycleStatus; plannedDate: string } | null;
}

// ---------------------------------------------------------------------------------------------
// Avance de registro y tableros
// ---------------------------------------------------------------------------------------------

export type RegistryScope = 'national' | 'state' | 'unit';

export interface ProgressRow {
  scope: RegistryScope;
  id: string;
  name: string;
  state: string | null;
  level: Level | null;
  registered: number;
  expected: number;
  percent: number | null;
  newThisWeek: number;
  newPreviousWeek: number;
  newThisWeekPediatric: number;
  newPreviousWeekPediatric: number;
  pediatric: number;
  adult: number;
  units: number;
  unitsComplete: number;
  cutoff: string;
}

export interface Progress {
  cutoff: string;
  previousCutoff: string;
  rows: ProgressRow[];
}

export interface WeeklyPoint {
  cutoff: string;
  registered: number;
  expected: number;
  percent: number | null;
  newInWeek: number;
  newPediatricInWeek: number;
  pediatric: number;
  adult: number;
}

export interface AbandonmentSide {
  denominator: number;
  refused: number;
  abandoned: number;
}

export interface SurvivalGroup {
  group: string;
  name: string;
  n: number;
  events: number;
  oneYear: number | null;
  threeYear: number | null;
  points: { day: number; survival: number; lower: number; upper: number; atRisk: number }[];
}

export interface DashboardFigures {
  definitionsVersion: number;
  caseMix: {
    definition: string;
    count: number;
    denominator: number;
    byIccc: { group: string; name: string; pediatric: number; adult: number }[];
    byAgeBand: { band: string; H: number; M: number }[];
    bySex: { H: number; M: number };
    withoutDiagnosis: number;
  };
  timeToTreatment: {
    definition: string;
    count: number;
    denominator: number;
    percentWithin3Days: number | null;
    medianDays: number | null;
    histogram: { days: string; n: number }[];
  };
  abandonment: {
    definition: string;
    denominator: number;
    refused: number;
    abandoned: number;
    refusalPercent: number | null;
    abandonmentPercent: number | null;
    pediatric: AbandonmentSide;
    adult: AbandonmentSide;
  };
  survival: { definition: string; count: number; events: number; groups: SurvivalGroup[] };
}

export interface Dashboard {
  scope: RegistryScope;
  scopeKey: string;
  scopeName: string;
  scopeLabel: string;
  progress: ProgressRow;
  progressCutoff: string;
  figuresCutoff: string | null;
  computedAt: string | null;
  figures: DashboardFigures | null;
}

export interface CensusEntry {
  id: string;
  unitId: string;
  unitName: string;
  expected: number;
  expectedPediatric: number | null;
  effectiveFrom: string;
  notes: string | null;
}

export interface Training {
  id: string;
  unitId: string;
  unitName: string;
  trainedOn: string;
  modality: 'REMOTE' | 'IN_PERSON';
  peopleTrained: number;
  topic: string;
}
