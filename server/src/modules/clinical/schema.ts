import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { patients, TREATMENT_STATUSES } from '../patients/schema.ts';
import { units } from '../units/schema.ts';

/** Soft delete of clinical facts: never removed, only marked with a reason (NOM-004). */
const softDelete = {
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
  deletedReason: text('deleted_reason'),
  deletedBy: uuid('deleted_by').references(() => users.id),
};
const recorded = {
  recordedBy: uuid('recorded_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
};

/** IARC basis of diagnosis codes (CanReg5 BasisDiagnosis). */
export const DIAGNOSIS_BASES = [0, 1, 2, 4, 5, 6, 7, 9] as const;
export const LATERALITIES = ['NOT_APPLICABLE', 'RIGHT', 'LEFT', 'BILATERAL', 'UNKNOWN'] as const;

/** A primary tumour coded in ICD-O-3; ICD-10 and ICCC-3 are derived on write. */
export const diagnoses = pgTable(
  'diagnoses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    /** Multiple primaries: 1, 2, … in order of diagnosis. */
    sequence: smallint('sequence').notNull(),
    topography: varchar('topography', { length: 5 }).notNull(),
    morphology: varchar('morphology', { length: 4 }).notNull(),
    behaviour: smallint('behaviour').notNull(),
    basis: smallint('basis').notNull(),
    diagnosisDate: date('diagnosis_date').notNull(),
    laterality: text('laterality', { enum: LATERALITIES }).notNull().default('NOT_APPLICABLE'),
    stage: text('stage'),
    riskGroup: text('risk_group'),
    icd10: varchar('icd10', { length: 6 }),
    icccGroup: varchar('iccc_group', { length: 4 }),
    icccSubgroup: varchar('iccc_subgroup', { length: 6 }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** Compare-and-swap for corrections (PATCH). */
    version: integer('version').notNull().default(1),
    ...recorded,
    ...softDelete,
  },
  (t) => [
    index('diagnoses_patient_idx').on(t.patientId),
    check('diagnoses_behaviour_check', sql`${t.behaviour} BETWEEN 0 AND 3`),
    check('diagnoses_basis_check', sql`${t.basis} IN (0, 1, 2, 4, 5, 6, 7, 9)`),
  ],
);

export const TREATMENT_INTENTS = ['CURATIVE', 'PALLIATIVE'] as const;

/** A protocol/regimen for one diagnosis (e.g. "ALL IC-BFM 2009, riesgo intermedio"). */
export const treatmentPlans = pgTable(
  'treatment_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    diagnosisId: uuid('diagnosis_id').references(() => diagnoses.id),
    protocol: text('protocol').notNull(),
    intent: text('intent', { enum: TREATMENT_INTENTS }).notNull(),
    startDate: date('start_date').notNull(),
    plannedCycles: smallint('planned_cycles'),
    cycleLengthDays: smallint('cycle_length_days'),
    endDate: date('end_date'),
    ...recorded,
    ...softDelete,
  },
  (t) => [index('treatment_plans_patient_idx').on(t.patientId)],
);

export const CYCLE_STATUSES = ['PLANNED', 'GIVEN', 'DELAYED', 'CANCELLED'] as const;

/** Course (inducción, consolidación…) and cycle n, each linked to the previous cycle. */
export const treatmentCycles = pgTable(
  'treatment_cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => treatmentPlans.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    course: text('course').notNull(),
    cycleNumber: smallint('cycle_number').notNull(),
    previousCycleId: uuid('previous_cycle_id'),
    plannedDate: date('planned_date').notNull(),
    actualDate: date('actual_date'),
    status: text('status', { enum: CYCLE_STATUSES }).notNull().default('PLANNED'),
    notes: text('notes'),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    version: integer('version').notNull().default(1),
    ...recorded,
    ...softDelete,
  },
  (t) => [
    index('treatment_cycles_patient_idx').on(t.patientId, t.plannedDate),
    /** One live cycle per number in a plan: a duplicate is refused by the database (409). */
    uniqueIndex('treatment_cycles_plan_number_idx').on(t.planId, t.cycleNumber).where(sql`${t.deletedAt} IS NULL`),
    index('treatment_cycles_overdue_idx').on(t.unitId, t.plannedDate).where(sql`${t.status} IN ('PLANNED', 'DELAYED') AND ${t.deletedAt} IS NULL`),
  ],
);

export const ADMINISTRATION_GROUPS = ['PREMEDICATION', 'CHEMOTHERAPY', 'POSTMEDICATION'] as const;
export const ROUTES = ['IV', 'VO', 'IT', 'IM', 'SC', 'OTHER'] as const;
export const DOSE_UNITS = ['mg', 'mg/m2', 'mg/kg', 'g', 'g/m2', 'mcg', 'UI', 'UI/m2', 'mL'] as const;

/** One drug given in a cycle. `doseMg` is the absolute dose resolved with the BSA/weight used. */
export const chemoAdministrations = pgTable(
  'chemo_administrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => treatmentCycles.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    drug: text('drug').notNull(),
    dose: numeric('dose', { precision: 10, scale: 3 }).notNull(),
    doseUnit: text('dose_unit', { enum: DOSE_UNITS }).notNull(),
    /** Absolute dose given in mg (after reduction), when the unit resolves to mass. */
    doseMg: numeric('dose_mg', { precision: 10, scale: 3 }),
    route: text('route', { enum: ROUTES }).notNull(),
    groupKind: text('group_kind', { enum: ADMINISTRATION_GROUPS }).notNull(),
    doseReductionPct: smallint('dose_reduction_pct').notNull().default(0),
    administeredAt: timestamp('administered_at', { withTimezone: true }).notNull(),
    /** Body-surface area and the measurement date it came from (shown with the dose). */
    bsaUsed: numeric('bsa_used', { precision: 4, scale: 2 }),
    measuredOn: date('measured_on'),
    /** Doxorubicin-equivalent mg/m² when the drug is an anthracycline. */
    anthracyclineMgM2: numeric('anthracycline_mg_m2', { precision: 8, scale: 2 }),
    ...recorded,
    ...softDelete,
  },
  (t) => [
    index('chemo_administrations_cycle_idx').on(t.cycleId),
    index('chemo_administrations_patient_idx').on(t.patientId),
    check('chemo_administrations_reduction_check', sql`${t.doseReductionPct} BETWEEN 0 AND 100`),
  ],
);

/** Weight and height with their date; BSA (Mosteller) stored with them. */
export const measurements = pgTable(
  'measurements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    measuredOn: date('measured_on').notNull(),
    weightKg: numeric('weight_kg', { precision: 5, scale: 2 }).notNull(),
    heightCm: numeric('height_cm', { precision: 5, scale: 1 }).notNull(),
    bsa: numeric('bsa', { precision: 4, scale: 2 }).notNull(),
    ...recorded,
    ...softDelete,
  },
  (t) => [index('measurements_patient_idx').on(t.patientId, t.measuredOn)],
);

export const OTHER_TREATMENT_KINDS = ['RADIOTHERAPY', 'SURGERY', 'TRANSPLANT'] as const;

export const otherTreatments = pgTable(
  'other_treatments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    kind: text('kind', { enum: OTHER_TREATMENT_KINDS }).notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    description: text('description').notNull(),
    /** Radiotherapy total dose. */
    doseGy: numeric('dose_gy', { precision: 6, scale: 2 }),
    fractions: smallint('fractions'),
    /** Transplant: AUTOLOGOUS / ALLOGENEIC; surgery: procedure. */
    subtype: text('subtype'),
    unitId: uuid('unit_id').references(() => units.id),
    ...recorded,
    ...softDelete,
  },
  (t) => [index('other_treatments_patient_idx').on(t.patientId)],
);

/** Treatment status over time; the current one is copied onto the patient. */
export const treatmentStatusHistory = pgTable(
  'treatment_status_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    status: text('status', { enum: TREATMENT_STATUSES }).notNull(),
    since: date('since').notNull(),
    reason: text('reason'),
    ...recorded,
  },
  (t) => [index('treatment_status_history_patient_idx').on(t.patientId, t.since)],
);

export const FOLLOW_UP_KINDS = ['VISIT', 'PHONE', 'HOME_VISIT', 'ABANDONMENT_TRACE', 'OTHER'] as const;
export const DISEASE_STATUSES = ['REMISSION', 'STABLE', 'RELAPSE', 'PROGRESSION', 'UNKNOWN'] as const;

/** Contacts: vital status, disease status, and abandonment-tracing reasons. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    contactDate: date('contact_date').notNull(),
    kind: text('kind', { enum: FOLLOW_UP_KINDS }).notNull(),
    vitalStatus: text('vital_status', { enum: ['ALIVE', 'DECEASED', 'UNKNOWN'] }).notNull(),
    diseaseStatus: text('disease_status', { enum: DISEASE_STATUSES }),
    /** Abandonment tracing: why the patient has no treatment event. */
    traceReason: text('trace_reason'),
    notes: text('notes'),
    unitId: uuid('unit_id').references(() => units.id),
    ...recorded,
    ...softDelete,
  },
  (t) => [index('follow_ups_patient_idx').on(t.patientId, t.contactDate)],
);

export const COMPLICATION_KINDS = ['FEBRILE_NEUTROPENIA', 'INFECTION', 'TOXICITY', 'BLEEDING', 'OTHER'] as const;

/** Complications by date and place; febrile neutropenia carries triage→antibiotic time. */
export const complications = pgTable(
  'complications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    kind: text('kind', { enum: COMPLICATION_KINDS }).notNull(),
    onsetAt: timestamp('onset_at', { withTimezone: true }).notNull(),
    triageAt: timestamp('triage_at', { withTimezone: true }),
    antibioticAt: timestamp('antibiotic_at', { withTimezone: true }),
    /** CTCAE grade 1–5 for toxicity. */
    grade: smallint('grade'),
    description: text('description').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    ...recorded,
    ...softDelete,
  },
  (t) => [
    index('complications_patient_idx').on(t.patientId, t.onsetAt),
    check('complications_grade_check', sql`${t.grade} IS NULL OR ${t.grade} BETWEEN 1 AND 5`),
  ],
);
