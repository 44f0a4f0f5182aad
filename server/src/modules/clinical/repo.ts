import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { isoTimestamp, rowsOf, withDates, type Db } from '../../platform/db/gateway.ts';
import type { TreatmentStatus } from '../patients/schema.ts';
import {
  chemoAdministrations,
  complications,
  diagnoses,
  followUps,
  measurements,
  otherTreatments,
  treatmentCycles,
  treatmentPlans,
  treatmentStatusHistory,
} from './schema.ts';

/** Tables whose rows belong to one patient and move with a merge (status history moves with the patient module). */
const PATIENT_TABLES = ['diagnoses', 'treatment_plans', 'treatment_cycles', 'chemo_administrations', 'measurements', 'other_treatments', 'follow_ups', 'complications'] as const;

export async function reassignPatientRows(db: Db, fromId: string, toId: string): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const table of PATIENT_TABLES) {
    const rows = await rowsOf<{ n: number }>(
      db,
      sql`WITH m AS (UPDATE ${sql.identifier(table)} SET patient_id = ${toId}::uuid WHERE patient_id = ${fromId}::uuid RETURNING 1) SELECT count(*)::int AS n FROM m`,
    );
    moved[table] = rows[0]?.n ?? 0;
  }
  await renumberDiagnoses(db, toId);
  return moved;
}

/** Multiple primaries: live diagnoses numbered 1, 2, … by date of diagnosis. */
export async function renumberDiagnoses(db: Db, patientId: string): Promise<void> {
  await db.execute(sql`UPDATE diagnoses d SET sequence = r.n FROM (
      SELECT id, row_number() OVER (ORDER BY diagnosis_date, created_at, id) AS n FROM diagnoses WHERE patient_id = ${patientId}::uuid AND deleted_at IS NULL
    ) r WHERE d.id = r.id AND d.sequence <> r.n`);
}

/**
 * Timestamps leave SQL as ISO 8601 UTC text and become Date objects here: both drivers hand raw
 * strings to hand-written queries, in the server's own format.
 */
/** What the patient row summarises of the clinical records, recomputed from the rows (after a merge). */
export async function clinicalSummaryOf(db: Db, patientId: string): Promise<{
  lastTreatmentOn: string | null;
  lastContactOn: string | null;
  traceReasonOn: string | null;
  curativeIntent: boolean;
}> {
  const pid = sql`${patientId}::uuid`;
  const rows = await rowsOf<{ lastTreatmentOn: string | null; lastContactOn: string | null; traceReasonOn: string | null; curativeIntent: boolean }>(
    db,
    sql`WITH t AS (
          SELECT start_date AS d FROM treatment_plans WHERE patient_id = ${pid} AND deleted_at IS NULL
          UNION ALL SELECT actual_date FROM treatment_cycles WHERE patient_id = ${pid} AND deleted_at IS NULL AND status = 'GIVEN'
          UNION ALL SELECT (administered_at AT TIME ZONE 'America/Mexico_City')::date FROM chemo_administrations WHERE patient_id = ${pid} AND deleted_at IS NULL
          UNION ALL SELECT coalesce(end_date, start_date) FROM other_treatments WHERE patient_id = ${pid} AND deleted_at IS NULL
        ), c AS (
          SELECT d FROM t
          UNION ALL SELECT contact_date FROM follow_ups WHERE patient_id = ${pid} AND deleted_at IS NULL
          UNION ALL SELECT measured_on FROM measurements WHERE patient_id = ${pid} AND deleted_at IS NULL
          UNION ALL SELECT (coalesce(triage_at, onset_at) AT TIME ZONE 'America/Mexico_City')::date FROM complications WHERE patient_id = ${pid} AND deleted_at IS NULL
        )
        SELECT to_char((SELECT max(d) FROM t), 'YYYY-MM-DD') AS "lastTreatmentOn",
               to_char((SELECT max(d) FROM c), 'YYYY-MM-DD') AS "lastContactOn",
               to_char((SELECT max(contact_date) FROM follow_ups WHERE patient_id = ${pid} AND deleted_at IS NULL AND kind = 'ABANDONMENT_TRACE'), 'YYYY-MM-DD') AS "traceReasonOn",
               EXISTS (SELECT 1 FROM treatment_plans WHERE patient_id = ${pid} AND deleted_at IS NULL AND intent = 'CURATIVE') AS "curativeIntent"`,
  );
  return rows[0]!;
}

// ---------------------------------------------------------------------------------------------
// Diagnoses
// ---------------------------------------------------------------------------------------------

export type DiagnosisRow = typeof diagnoses.$inferSelect;

export interface DiagnosisDto {
  id: string;
  sequence: number;
  topography: string;
  morphology: string;
  behaviour: number;
  basis: number;
  diagnosisDate: string;
  laterality: DiagnosisRow['laterality'];
  stage: string | null;
  riskGroup: string | null;
  icd10: string | null;
  icccGroup: string | null;
  icccSubgroup: string | null;
  unitId: string;
  version: number;
}

const DIAGNOSIS_COLUMNS = sql.raw(`id, sequence, topography, morphology, behaviour, basis, to_char(diagnosis_date, 'YYYY-MM-DD') AS "diagnosisDate",
  laterality, stage, risk_group AS "riskGroup", icd10, iccc_group AS "icccGroup", iccc_subgroup AS "icccSubgroup", unit_id AS "unitId",
  version`);

export async function insertDiagnosis(db: Db, v: typeof diagnoses.$inferInsert): Promise<string> {
  const rows = await db.insert(diagnoses).values(v).returning({ id: diagnoses.id });
  return rows[0]!.id;
}

export async function findDiagnosis(db: Db, patientId: string, id: string): Promise<DiagnosisRow | undefined> {
  const rows = await db
    .select()
    .from(diagnoses)
    .where(and(eq(diagnoses.id, id), eq(diagnoses.patientId, patientId), isNull(diagnoses.deletedAt)))
    .limit(1);
  return rows[0];
}

export async function updateDiagnosis(db: Db, id: string, expectedVersion: number, patch: Partial<typeof diagnoses.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(diagnoses)
    .set({ ...patch, version: sql`${diagnoses.version} + 1` })
    .where(and(eq(diagnoses.id, id), eq(diagnoses.version, expectedVersion), isNull(diagnoses.deletedAt)))
    .returning({ id: diagnoses.id });
  return rows.length > 0;
}

export async function softDeleteDiagnosis(db: Db, id: string, expectedVersion: number, reason: string, by: string | null, at: Date): Promise<boolean> {
  const rows = await db
    .update(diagnoses)
    .set({ deletedAt: at, deletedReason: reason, deletedBy: by, version: sql`${diagnoses.version} + 1` })
    .where(and(eq(diagnoses.id, id), eq(diagnoses.version, expectedVersion), isNull(diagnoses.deletedAt)))
    .returning({ id: diagnoses.id });
  return rows.length > 0;
}

export async function getDiagnosis(db: Db, id: string): Promise<DiagnosisDto | undefined> {
  return (await rowsOf<DiagnosisDto>(db, sql`SELECT ${DIAGNOSIS_COLUMNS} FROM diagnoses WHERE id = ${id}::uuid`))[0];
}

export async function listDiagnoses(db: Db, patientId: string): Promise<DiagnosisDto[]> {
  return rowsOf<DiagnosisDto>(
    db,
    sql`SELECT ${DIAGNOSIS_COLUMNS} FROM diagnoses WHERE patient_id = ${patientId}::uuid AND deleted_at IS NULL ORDER BY sequence, diagnosis_date, id`,
  );
}

/** Date of the earliest live diagnosis (drives the pediatric flag and the "before diagnosis" checks). */
export async function earliestDiagnosisDate(db: Db, patientId: string): Promise<string | null> {
  const rows = await rowsOf<{ d: string | null }>(
    db,
    sql`SELECT to_char(min(diagnosis_date), 'YYYY-MM-DD') AS d FROM diagnoses WHERE patient_id = ${patientId}::uuid AND deleted_at IS NULL`,
  );
  return rows[0]?.d ?? null;
}

export async function countLivePlansOfDiagnosis(db: Db, diagnosisId: string): Promise<number> {
  const rows = await rowsOf<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM treatment_plans WHERE diagnosis_id = ${diagnosisId}::uuid AND deleted_at IS NULL`,
  );
  return rows[0]?.n ?? 0;
}

/** Earliest live plan start or cycle date of a diagnosis: a corrected diagnosis date may not pass it. */
export async function earliestTreatmentOfDiagnosis(db: Db, diagnosisId: string): Promise<string | null> {
  const rows = await rowsOf<{ d: string | null }>(
    db,
    sql`SELECT to_char(min(d), 'YYYY-MM-DD') AS d FROM (
          SELECT start_date AS d FROM treatment_plans WHERE diagnosis_id = ${diagnosisId}::uuid AND deleted_at IS NULL
          UNION ALL
          SELECT c.planned_date FROM treatment_cycles c JOIN treatment_plans p ON p.id = c.plan_id
            WHERE p.diagnosis_id = ${diagnosisId}::uuid AND p.deleted_at IS NULL AND c.deleted_at IS NULL
        ) x`,
  );
  return rows[0]?.d ?? null;
}

// ---------------------------------------------------------------------------------------------
// Plans and cycles
// ---------------------------------------------------------------------------------------------

export type PlanRow = typeof treatmentPlans.$inferSelect;

export interface PlanDto {
  id: string;
  diagnosisId: string | null;
  protocol: string;
  intent: PlanRow['intent'];
  startDate: string;
  plannedCycles: number | null;
  cycleLengthDays: number | null;
  endDate: string | null;
}

const PLAN_COLUMNS = sql.raw(`id, diagnosis_id AS "diagnosisId", protocol, intent, to_char(start_date, 'YYYY-MM-DD') AS "startDate",
  planned_cycles AS "plannedCycles", cycle_length_days AS "cycleLengthDays", to_char(end_date, 'YYYY-MM-DD') AS "endDate"`);

export async function insertPlan(db: Db, v: typeof treatmentPlans.$inferInsert): Promise<string> {
  const rows = await db.insert(treatmentPlans).values(v).returning({ id: treatmentPlans.id });
  return rows[0]!.id;
}

export async function findPlan(db: Db, patientId: string, id: string): Promise<PlanRow | undefined> {
  const rows = await db
    .select()
    .from(treatmentPlans)
    .where(and(eq(treatmentPlans.id, id), eq(treatmentPlans.patientId, patientId), isNull(treatmentPlans.deletedAt)))
    .limit(1);
  return rows[0];
}

export async function getPlan(db: Db, id: string): Promise<PlanDto | undefined> {
  return (await rowsOf<PlanDto>(db, sql`SELECT ${PLAN_COLUMNS} FROM treatment_plans WHERE id = ${id}::uuid`))[0];
}

export async function listPlans(db: Db, patientId: string): Promise<PlanDto[]> {
  return rowsOf<PlanDto>(
    db,
    sql`SELECT ${PLAN_COLUMNS} FROM treatment_plans WHERE patient_id = ${patientId}::uuid AND deleted_at IS NULL ORDER BY start_date, created_at, id`,
  );
}

export type CycleRow = typeof treatmentCycles.$inferSelect;

export interface CycleDto {
  id: string;
  planId: string;
  course: string;
  cycleNumber: number;
  previousCycleId: string | null;
  plannedDate: string;
  actualDate: string | null;
  status: CycleRow['status'];
  notes: string | null;
  unitId: string;
  version: number;
}

const CYCLE_COLUMNS = sql.raw(`id, plan_id AS "planId", course, cycle_number AS "cycleNumber", previous_cycle_id AS "previousCycleId",
  to_char(planned_date, 'YYYY-MM-DD') AS "plannedDate", to_char(actual_date, 'YYYY-MM-DD') AS "actualDate", status, notes,
  unit_id AS "unitId", version`);

export async function insertCycle(db: Db, v: typeof treatmentCycles.$inferInsert): Promise<string> {
  const rows = await db.insert(treatmentCycles).values(v).returning({ id: treatmentCycles.id });
  return rows[0]!.id;
}

export async function findCycle(db: Db, patientId: string, id: string): Promise<CycleRow | undefined> {
  const rows = await db
    .select()
    .from(treatmentCycles)
    .where(and(eq(treatmentCycles.id, id), eq(treatmentCycles.patientId, patientId), isNull(treatmentCycles.deletedAt)))
    .limit(1);
  return rows[0];
}

export async function getCycle(db: Db, id: string): Promise<CycleDto | undefined> {
  return (await rowsOf<CycleDto>(db, sql`SELECT ${CYCLE_COLUMNS} FROM treatment_cycles WHERE id = ${id}::uuid`))[0];
}

export async function listCycles(db: Db, patientId: string): Promise<CycleDto[]> {
  return rowsOf<CycleDto>(
    db,
    sql`SELECT ${CYCLE_COLUMNS} FROM treatment_cycles WHERE patient_id = ${patientId}::uuid AND deleted_at IS NULL ORDER BY plan_id, cycle_number`,
  );
}

/** The live cycle of the plan with the highest number below `cycleNumber` (the one this one follows). */
export async function previousCycleId(db: Db, planId: string, cycleNumber: number): Promise<string | null> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`SELECT id FROM treatment_cycles WHERE plan_id = ${planId}::uuid AND deleted_at IS NULL AND cycle_number < ${cycleNumber}
        ORDER BY cycle_number DESC LIMIT 1`,
  );
  return rows[0]?.id ?? null;
}

/** A cycle inserted between two others becomes the previous one of the next. */
export async function relinkNextCycle(db: Db, planId: string, cycleNumber: number, newId: string): Promise<void> {
  await db.execute(sql`UPDATE treatment_cycles SET previous_cycle_id = ${newId}::uuid, version = version + 1
      WHERE id = (SELECT id FROM treatment_cycles WHERE plan_id = ${planId}::uuid AND deleted_at IS NULL AND cycle_number > ${cycleNumber}
                  ORDER BY cycle_number LIMIT 1)
        AND previous_cycle_id IS DISTINCT FROM ${newId}::uuid`);
}

/** Compare-and-swap on version: false when the cycle changed since the client read it. */
export async function updateCycle(db: Db, id: string, expectedVersion: number, patch: Partial<typeof treatmentCycles.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(treatmentCycles)
    .set({ ...patch, version: sql`${treatmentCycles.version} + 1` })
    .where(and(eq(treatmentCycles.id, id), eq(treatmentCycles.version, expectedVersion), isNull(treatmentCycles.deletedAt)))
    .returning({ id: treatmentCycles.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Administrations and measurements
// ---------------------------------------------------------------------------------------------

export interface AdministrationDto {
  id: string;
  cycleId: string;
  drug: string;
  dose: number;
  doseUnit: (typeof chemoAdministrations.$inferSelect)['doseUnit'];
  doseMg: number | null;
  route: (typeof chemoAdministrations.$inferSelect)['route'];
  groupKind: (typeof chemoAdministrations.$inferSelect)['groupKind'];
  doseReductionPct: number;
  administeredAt: Date;
  bsaUsed: number | null;
  measuredOn: string | null;
  anthracyclineMgM2: number | null;
}

const ADMINISTRATION_COLUMNS = sql.raw(`id, cycle_id AS "cycleId", drug, dose::float8 AS dose, dose_unit AS "doseUnit", dose_mg::float8 AS "doseMg",
  route, group_kind AS "groupKind", dose_reduction_pct AS "doseReductionPct", ${isoTimestamp('administered_at')} AS "administeredAt",
  bsa_used::float8 AS "bsaUsed", to_char(measured_on, 'YYYY-MM-DD') AS "measuredOn", anthracycline_mg_m2::float8 AS "anthracyclineMgM2"`);

export async function insertAdministration(db: Db, v: typeof chemoAdministrations.$inferInsert): Promise<string> {
  const rows = await db.insert(chemoAdministrations).values(v).returning({ id: chemoAdministrations.id });
  return rows[0]!.id;
}

export async function getAdministration(db: Db, id: string): Promise<AdministrationDto | undefined> {
  return withDates(await rowsOf<AdministrationDto>(db, sql`SELECT ${ADMINISTRATION_COLUMNS} FROM chemo_administrations WHERE id = ${id}::uuid`), ['administeredAt'])[0];
}

export async function listAdministrations(db: Db, patientId: string): Promise<AdministrationDto[]> {
  const rows = await rowsOf<AdministrationDto>(
    db,
    sql`SELECT ${ADMINISTRATION_COLUMNS} FROM chemo_administrations WHERE patient_id = ${patientId}::uuid AND deleted_at IS NULL
        ORDER BY administered_at, created_at, id`,
  );
  return withDates(rows, ['administeredAt']);
}

/** Lifetime doxorubicin-equivalent mg/m² over every live administration. */
export async function cumulativeAnthracycline(db: Db, patientId: string): Promise<number> {
  const rows = await rowsOf<{ total: number }>(
    db,
    sql`SELECT coalesce(sum(anthracycline_mg_m2), 0)::float8 AS total FROM chemo_administrations
        WHERE patient_id = ${patientId}::uuid AND deleted_at IS NULL`,
  );
  return rows[0]?.total ?? 0;
}

export interface MeasurementDto {
  id: string;
  measuredOn: string;
  weightKg: number;
  heightCm: number;
  bsa: number;
}

const MEASUREMENT_COLUMNS = sql.raw(`id, to_char(measured_on, 'YYYY-MM-DD') AS "measuredOn", weight_kg::float8 AS "weightKg",
  height_cm::float8 AS "heightCm", bsa::float8 AS bsa`);

export async function insertMeasurement(db: Db, v: typeof measurements.$inferInsert): Promise<string> {
  const rows = await db.insert(measurements).values(v).returning({ id: measurements.id });
  return rows[0]!.id;
}

export async function getMeasurement(db: Db, id: string): Promise<MeasurementDto | undefined> {
  return (await rowsOf<MeasurementDto>(db, sql`SELECT ${MEASUREMENT_COLUMNS} FROM measurements WHERE id = ${id}::uuid`))[0];
}

/** The latest dated measurement on or before `onDate` (the one a dose is calculated with). */
export async function latestMeasurement(db: Db, patientId: string, onDate?: string): Promise<MeasurementDto | undefined> {
  const rows = await rowsOf<MeasurementDto>(
    db,
    sql`SELECT ${MEASUREMENT_COLUMNS} FROM measurements WHERE patient_id = ${patientId}::uuid AND deleted_at IS NULL
          ${onDate ? sql`AND measured_on <= ${onDate}::date` : sql``}
        ORDER BY measured_on DESC, created_at DESC LIMIT 1`,
  );
  return rows[0];
}

export async function listMeasurements(db: Db, patientId: string): Promise<MeasurementDto[]> {
  return rowsOf<MeasurementDto>(
    db,
    sql`SELECT ${MEASUREMENT_COLUMNS} FROM measurements WHERE patient_id = ${patientId}::uuid AND deleted_at IS NULL ORDER BY measured_on DESC, created_at DESC`,
  );
}

// ---------------------------------------------------------------------------------------------
// Radiotherapy, surgery, transplant; status; follow-up; complications
// ---------------------------------------------------------------------------------------------

export interface OtherTreatmentDto {
  id: string;
  kind: (typeof otherTreatments.$inferSelect)['kind'];
  startDate: string;
  endDate: string | null;
  description: string;
  doseGy: number | null;
  fractions: number | null;
  subtype: string | null;
  unitId: string | null;
}

const OTHER_TREATMENT_COLUMNS = sql.raw(`id, kind, to_char(start_date, 'YYYY-MM-DD') AS "startDate", to_char(end_date, 'YYYY-MM-DD') AS "endDate",
  description, dose_gy::float8 AS "doseGy", fractions, subtype, unit_id AS "unitId"`);

export async function insertOtherTreatment(db: Db, v: typeof otherTreatments.$inferInsert): Promise<string> {
  const rows = await db.insert(otherTreatments).values(v).returning({ id: otherTreatments.id });
  return rows[0]!.id;
}

export async function getOtherTreatment(db: Db, id: string): Promise<OtherTreatmentDto | undefined> {
  return (await rowsOf<OtherTreatmentDto>(db, sql`SELECT ${OTHER_TREATMENT_COLUMNS} FROM other_treatments WHERE id = ${id}::uuid`))[0];
}

export async function listOtherTreatments(db: Db, patientId: string): Promise<OtherTreatmentDto[]> {
  return rowsOf<OtherTreatmentDto>(
    db,
    sql`SELECT ${OTHER_TREATMENT_COLUMNS} FROM other_treatments WHERE patient_id = ${patientId}::uuid AND deleted_at IS NULL ORDER BY start_date, created_at, id`,
  );
}

export interface StatusDto {
  id: string;
  status: (typeof treatmentStatusHistory.$inferSelect)['status'];
  since: string;
  reason: string | null;
}

const STATUS_COLUMNS = sql.raw(`id, status, to_char(since, 'YYYY-MM-DD') AS since, reason`);

export async function insertStatus(db: Db, v: typeof treatmentStatusHistory.$inferInsert): Promise<string> {
  const rows = await db.insert(treatmentStatusHistory).values(v).returning({ id: treatmentStatusHistory.id });
  return rows[0]!.id;
}

export async function getStatus(db: Db, id: string): Promise<StatusDto | undefined> {
  return (await rowsOf<StatusDto>(db, sql`SELECT ${STATUS_COLUMNS} FROM treatment_status_history WHERE id = ${id}::uuid`))[0];
}

/**
 * The status in force: the latest-dated entry, the registration's NEW only while there is no
 * other (a registration recorded today does not outrank a treatment that began months ago).
 */
export async function currentStatus(db: Db, patientId: string): Promise<{ status: StatusDto['status']; since: string } | undefined> {
  const rows = await rowsOf<{ status: StatusDto['status']; since: string }>(
    db,
    sql`SELECT status, to_char(since, 'YYYY-MM-DD') AS since FROM treatment_status_history WHERE patient_id = ${patientId}::uuid
        ORDER BY (status = 'NEW'), since DESC, created_at DESC, id DESC LIMIT 1`,
  );
  return rows[0];
}

/** Oldest first: the history as it happened (same-day entries in the order they were recorded). */
export async function listStatusHistory(db: Db, patientId: string): Promise<StatusDto[]> {
  return rowsOf<StatusDto>(
    db,
    sql`SELECT ${STATUS_COLUMNS} FROM treatment_status_history WHERE patient_id = ${patientId}::uuid ORDER BY since, created_at, id`,
  );
}

export interface FollowUpDto {
  id: string;
  contactDate: string;
  kind: (typeof followUps.$inferSelect)['kind'];
  vitalStatus: (typeof followUps.$inferSelect)['vitalStatus'];
  diseaseStatus: (typeof followUps.$inferSelect)['diseaseStatus'];
  traceReason: string | null;
  notes: string | null;
  unitId: string | null;
}

const FOLLOW_UP_COLUMNS = sql.raw(`id, to_char(contact_date, 'YYYY-MM-DD') AS "contactDate", kind, vital_status AS "vitalStatus",
  disease_status AS "diseaseStatus", trace_reason AS "traceReason", notes, unit_id AS "unitId"`);

export async function insertFollowUp(db: Db, v: typeof followUps.$inferInsert): Promise<string> {
  const rows = await db.insert(followUps).values(v).returning({ id: followUps.id });
  return rows[0]!.id;
}

export async function getFollowUp(db: Db, id: string): Promise<FollowUpDto | undefined> {
  return (await rowsOf<FollowUpDto>(db, sql`SELECT ${FOLLOW_UP_COLUMNS} FROM follow_ups WHERE id = ${id}::uuid`))[0];
}

export async function listFollowUps(db: Db, patientId: string): Promise<FollowUpDto[]> {
  return rowsOf<FollowUpDto>(
    db,
    sql`SELECT ${FOLLOW_UP_COLUMNS} FROM follow_ups WHERE patient_id = ${patientId}::uuid AND deleted_at IS NULL ORDER BY contact_date DESC, created_at DESC`,
  );
}

export interface ComplicationDto {
  id: string;
  kind: (typeof complications.$inferSelect)['kind'];
  onsetAt: Date;
  triageAt: Date | null;
  antibioticAt: Date | null;
  grade: number | null;
  description: string;
  unitId: string | null;
  unitName: string | null;
}

const COMPLICATION_COLUMNS = sql.raw(`c.id, c.kind, ${isoTimestamp('c.onset_at')} AS "onsetAt", ${isoTimestamp('c.triage_at')} AS "triageAt", ${isoTimestamp('c.antibiotic_at')} AS "antibioticAt", c.grade,
  c.description, c.unit_id AS "unitId", u.short_name AS "unitName"`);

const COMPLICATION_DATES = ['onsetAt', 'triageAt', 'antibioticAt'] as const;

export async function insertComplication(db: Db, v: typeof complications.$inferInsert): Promise<string> {
  const rows = await db.insert(complications).values(v).returning({ id: complications.id });
  return rows[0]!.id;
}

export async function getComplication(db: Db, id: string): Promise<ComplicationDto | undefined> {
  const rows = await rowsOf<ComplicationDto>(db, sql`SELECT ${COMPLICATION_COLUMNS} FROM complications c LEFT JOIN units u ON u.id = c.unit_id WHERE c.id = ${id}::uuid`);
  return withDates(rows, COMPLICATION_DATES)[0];
}

export async function listComplications(db: Db, patientId: string): Promise<ComplicationDto[]> {
  const rows = await rowsOf<ComplicationDto>(
    db,
    sql`SELECT ${COMPLICATION_COLUMNS} FROM complications c LEFT JOIN units u ON u.id = c.unit_id
        WHERE c.patient_id = ${patientId}::uuid AND c.deleted_at IS NULL ORDER BY c.onset_at DESC, c.created_at DESC`,
  );
  return withDates(rows, COMPLICATION_DATES);
}

// ---------------------------------------------------------------------------------------------
// Timeline
// ---------------------------------------------------------------------------------------------

export const TIMELINE_KINDS = [
  'REGISTRATION',
  'DIAGNOSIS',
  'PLAN_START',
  'CYCLE_PLANNED',
  'CYCLE_GIVEN',
  'ADMINISTRATION',
  'MEASUREMENT',
  'RADIOTHERAPY',
  'SURGERY',
  'TRANSPLANT',
  'STATUS',
  'FOLLOW_UP',
  'COMPLICATION',
  'TRANSFER',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineRow {
  kind: TimelineKind;
  id: string;
  at: Date;
  /** Exact sort key of `at` (microseconds), for the cursor. */
  atKey: string;
  key: string;
  day: string;
  a: string | null;
  b: string | null;
  c: string | null;
  d: string | null;
}

/** Date-only facts sort at noon of their day, Mexico City time. */
const noon = (col: string) => sql.raw(`((${col})::timestamp + interval '12 hours') AT TIME ZONE 'America/Mexico_City'`);

/**
 * Every dated event of one patient as one stream, newest first, keyset-paged on (at, key).
 * Each branch uses its table's patient index; a, b, c, d carry what the label needs.
 */
export async function timeline(db: Db, patientId: string, after: { at: string; key: string } | undefined, limit: number): Promise<TimelineRow[]> {
  const pid = sql`${patientId}::uuid`;
  const branches: SQL[] = [
    sql`SELECT 'REGISTRATION' AS kind, p.id, p.registered_at AS at, u.short_name AS a, NULL::text AS b, NULL::text AS c, NULL::text AS d
        FROM patients p JOIN units u ON u.id = p.unit_id WHERE p.id = ${pid}`,
    sql`SELECT 'DIAGNOSIS', id, ${noon('diagnosis_date')}, topography, morphology || '/' || behaviour, icd10, iccc_group || coalesce(' ' || iccc_subgroup, '')
        FROM diagnoses WHERE patient_id = ${pid} AND deleted_at IS NULL`,
    sql`SELECT 'PLAN_START', id, ${noon('start_date')}, protocol, intent, NULL, NULL
        FROM treatment_plans WHERE patient_id = ${pid} AND deleted_at IS NULL`,
    sql`SELECT 'CYCLE_PLANNED', id, ${noon('planned_date')}, course, cycle_number::text, status, NULL
        FROM treatment_cycles WHERE patient_id = ${pid} AND deleted_at IS NULL`,
    sql`SELECT 'CYCLE_GIVEN', id, ${noon('actual_date')}, course, cycle_number::text, NULL, NULL
        FROM treatment_cycles WHERE patient_id = ${pid} AND deleted_at IS NULL AND status = 'GIVEN' AND actual_date IS NOT NULL`,
    sql`SELECT 'ADMINISTRATION', id, administered_at, drug, dose::float8::text, dose_unit, group_kind
        FROM chemo_administrations WHERE patient_id = ${pid} AND deleted_at IS NULL`,
    sql`SELECT 'MEASUREMENT', id, ${noon('measured_on')}, weight_kg::text, height_cm::text, bsa::text, NULL
        FROM measurements WHERE patient_id = ${pid} AND deleted_at IS NULL`,
    sql`SELECT kind, id, ${noon('start_date')}, description, subtype, dose_gy::text, fractions::text
        FROM other_treatments WHERE patient_id = ${pid} AND deleted_at IS NULL`,
    sql`SELECT 'STATUS', id, ${noon('since')}, status, reason, NULL, NULL
        FROM treatment_status_history WHERE patient_id = ${pid}`,
    sql`SELECT 'FOLLOW_UP', id, ${noon('contact_date')}, kind, vital_status, disease_status, trace_reason
        FROM follow_ups WHERE patient_id = ${pid} AND deleted_at IS NULL`,
    sql`SELECT 'COMPLICATION', id, onset_at, kind, grade::text,
          CASE WHEN triage_at IS NOT NULL AND antibiotic_at IS NOT NULL
               THEN floor(extract(epoch FROM antibiotic_at - triage_at) / 60)::int::text END, description
        FROM complications WHERE patient_id = ${pid} AND deleted_at IS NULL`,
    sql`SELECT 'TRANSFER', t.id, ${noon('t.transferred_on')}, fu.short_name, tu.short_name, NULL, NULL
        FROM patient_transfers t JOIN units fu ON fu.id = t.from_unit_id JOIN units tu ON tu.id = t.to_unit_id WHERE t.patient_id = ${pid}`,
  ];
  const rows = await rowsOf<TimelineRow>(
    db,
    sql`SELECT kind, id, ${sql.raw(isoTimestamp('at'))} AS at, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "atKey", key,
          to_char(at AT TIME ZONE 'America/Mexico_City', 'YYYY-MM-DD') AS day, a, b, c, d
        FROM (SELECT e.*, e.kind || ':' || e.id::text AS key FROM (${sql.join(branches, sql` UNION ALL `)}) e) x
        ${after ? sql`WHERE (x.at, key) < (${after.at}::timestamptz, ${after.key})` : sql``}
        ORDER BY x.at DESC, key DESC LIMIT ${limit}`,
  );
  return withDates(rows, ['at']);
}

// ---------------------------------------------------------------------------------------------
// Worklists (per unit, scope in the WHERE clause, keyset paged)
// ---------------------------------------------------------------------------------------------

export interface WorklistRow {
  patientId: string;
  curp: string;
  fullName: string;
  unitId: string;
  unitName: string;
  treatmentStatus: TreatmentStatus;
  /** The date the entry is about (last treatment, last contact, planned cycle date). */
  since: string | null;
  days: number | null;
  /** Sort key of the page. */
  k: string;
  noDiagnosis?: boolean;
  noGuardianPhone?: boolean;
  noPrivacyNotice?: boolean;
  noRecentMeasurement?: boolean;
  cycleId?: string;
  planId?: string;
  protocol?: string;
  course?: string;
  cycleNumber?: number;
  cycleStatus?: CycleRow['status'];
}

export interface WorklistFilter {
  /** unitScope(ctx, patients.unitId): the table is referenced by its name, unaliased. */
  scope: SQL;
  unitId?: string | undefined;
  today: string;
  days: number;
  after?: { k: string; id: string } | undefined;
  limit: number;
}

const PATIENT_COLUMNS = sql.raw(`patients.id AS "patientId", patients.curp,
  trim(patients.given_names || ' ' || patients.first_surname || ' ' || coalesce(patients.second_surname, '')) AS "fullName",
  patients.unit_id AS "unitId", u.short_name AS "unitName", patients.treatment_status AS "treatmentStatus"`);

function baseConds(f: WorklistFilter): SQL[] {
  const conds: SQL[] = [sql`patients.merged_into IS NULL`, f.scope];
  if (f.unitId) conds.push(sql`patients.unit_id = ${f.unitId}::uuid`);
  return conds;
}

/** Patients with something missing: no diagnosis, no guardian phone, no privacy notice, no recent weight/height on treatment. */
export async function worklistMissingData(db: Db, f: WorklistFilter): Promise<WorklistRow[]> {
  const conds = baseConds(f);
  conds.push(sql`patients.vital_status <> 'DECEASED'`);
  if (f.after) conds.push(sql`(patients.search_name, patients.id) > (${f.after.k}, ${f.after.id}::uuid)`);
  return rowsOf<WorklistRow>(
    db,
    sql`SELECT * FROM (
          SELECT ${PATIENT_COLUMNS}, NULL::text AS since, NULL::int AS days, patients.search_name AS k,
            NOT EXISTS (SELECT 1 FROM diagnoses d WHERE d.patient_id = patients.id AND d.deleted_at IS NULL) AS "noDiagnosis",
            NOT EXISTS (SELECT 1 FROM patient_guardians g WHERE g.patient_id = patients.id AND g.removed_at IS NULL AND g.phone IS NOT NULL) AS "noGuardianPhone",
            NOT EXISTS (SELECT 1 FROM patient_consents c WHERE c.patient_id = patients.id AND c.kind = 'PRIVACY_NOTICE' AND c.revoked_on IS NULL) AS "noPrivacyNotice",
            (patients.treatment_status = 'ON_TREATMENT' AND NOT EXISTS (
              SELECT 1 FROM measurements m WHERE m.patient_id = patients.id AND m.deleted_at IS NULL AND m.measured_on > ${f.today}::date - ${f.days}::int
            )) AS "noRecentMeasurement"
          FROM patients JOIN units u ON u.id = patients.unit_id
          WHERE ${sql.join(conds, sql` AND `)}
        ) x
        WHERE "noDiagnosis" OR "noGuardianPhone" OR "noPrivacyNotice" OR "noRecentMeasurement"
        ORDER BY k, "patientId" LIMIT ${f.limit}`,
  );
}

/** Cycles still PLANNED or DELAYED whose planned date has passed, oldest first. */
export async function worklistOverdueCycles(db: Db, f: WorklistFilter): Promise<WorklistRow[]> {
  const conds = baseConds(f);
  conds.push(sql`c.status IN ('PLANNED', 'DELAYED') AND c.deleted_at IS NULL AND c.planned_date < ${f.today}::date`);
  conds.push(sql`pl.deleted_at IS NULL`);
  if (f.after) conds.push(sql`(c.planned_date, c.id) > (${f.after.k}::date, ${f.after.id}::uuid)`);
  return rowsOf<WorklistRow>(
    db,
    sql`SELECT ${PATIENT_COLUMNS}, to_char(c.planned_date, 'YYYY-MM-DD') AS since, (${f.today}::date - c.planned_date) AS days,
          to_char(c.planned_date, 'YYYY-MM-DD') AS k, c.id AS "cycleId", c.plan_id AS "planId", pl.protocol, c.course,
          c.cycle_number AS "cycleNumber", c.status AS "cycleStatus"
        FROM treatment_cycles c
          JOIN treatment_plans pl ON pl.id = c.plan_id
          JOIN patients ON patients.id = c.patient_id
          JOIN units u ON u.id = patients.unit_id
        WHERE ${sql.join(conds, sql` AND `)}
        ORDER BY c.planned_date, c.id LIMIT ${f.limit}`,
  );
}

/**
 * Curative intent, on treatment, and no treatment event for 28 days or more (SIOP PODC 4-week
 * rule), counted from the later of the last treatment event and the start of the current status.
 * A recorded tracing reason clears the patient until the next 4-week gap: the gap is then
 * counted from the tracing reason when it is later.
 */
export async function worklistAbandonmentSuspects(db: Db, f: WorklistFilter): Promise<WorklistRow[]> {
  const lastEvent = sql`greatest(patients.last_treatment_on, patients.status_since)`;
  const anchor = sql`greatest(patients.last_treatment_on, patients.status_since, patients.trace_reason_on)`;
  const conds = baseConds(f);
  conds.push(sql`patients.curative_intent AND patients.treatment_status = 'ON_TREATMENT'`);
  conds.push(sql`${anchor} <= ${f.today}::date - 28`);
  if (f.after) conds.push(sql`(${anchor}, patients.id) > (${f.after.k}::date, ${f.after.id}::uuid)`);
  return rowsOf<WorklistRow>(
    db,
    sql`SELECT ${PATIENT_COLUMNS}, to_char(${lastEvent}, 'YYYY-MM-DD') AS since,
          (${f.today}::date - ${lastEvent}) AS days, to_char(${anchor}, 'YYYY-MM-DD') AS k
        FROM patients JOIN units u ON u.id = patients.unit_id
        WHERE ${sql.join(conds, sql` AND `)}
        ORDER BY ${anchor}, patients.id LIMIT ${f.limit}`,
  );
}

/** Living patients whose last contact (or registration, if none) is older than `days`. */
export async function worklistNoFollowUp(db: Db, f: WorklistFilter): Promise<WorklistRow[]> {
  const last = sql`coalesce(patients.last_contact_on, (patients.registered_at AT TIME ZONE 'America/Mexico_City')::date)`;
  const conds = baseConds(f);
  conds.push(sql`patients.vital_status <> 'DECEASED'`);
  conds.push(sql`${last} < ${f.today}::date - ${f.days}::int`);
  if (f.after) conds.push(sql`(${last}, patients.id) > (${f.after.k}::date, ${f.after.id}::uuid)`);
  return rowsOf<WorklistRow>(
    db,
    sql`SELECT ${PATIENT_COLUMNS}, to_char(patients.last_contact_on, 'YYYY-MM-DD') AS since, (${f.today}::date - ${last}) AS days,
          to_char(${last}, 'YYYY-MM-DD') AS k
        FROM patients JOIN units u ON u.id = patients.unit_id
        WHERE ${sql.join(conds, sql` AND `)}
        ORDER BY ${last}, patients.id LIMIT ${f.limit}`,
  );
}

// --- bulk diagnoses (spreadsheet import and unit export, through bulk-diagnoses.ts) ---

export interface BulkDiagnosisRow {
  patientId: string;
  unitId: string;
  recordedBy: string | null;
  topography: string;
  morphology: string;
  behaviour: number;
  basis: number;
  diagnosisDate: string;
  icd10: string | null;
  icccGroup: string | null;
  icccSubgroup: string | null;
}

/** First primaries of newly registered patients, one statement for the whole batch (rows as one JSON parameter). */
export async function insertFirstDiagnosesBulk(db: Db, rows: readonly BulkDiagnosisRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`
    INSERT INTO diagnoses (patient_id, sequence, topography, morphology, behaviour, basis, diagnosis_date, icd10, iccc_group, iccc_subgroup, unit_id, recorded_by)
    SELECT "patientId", 1, topography, morphology, behaviour, basis, "diagnosisDate", icd10, "icccGroup", "icccSubgroup", "unitId", "recordedBy"
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(
      "patientId" uuid, "unitId" uuid, "recordedBy" uuid, topography text, morphology text, behaviour smallint, basis smallint,
      "diagnosisDate" date, icd10 text, "icccGroup" text, "icccSubgroup" text)`);
}

export interface ExportDiagnosisRow {
  patientId: string;
  sequence: number;
  topography: string;
  morphology: string;
  behaviour: number;
  basis: number;
  diagnosisDate: string;
  laterality: string;
  stage: string | null;
  riskGroup: string | null;
  icd10: string | null;
  icccGroup: string | null;
  icccSubgroup: string | null;
}

export async function readDiagnosesOf(db: Db, patientIds: readonly string[]): Promise<ExportDiagnosisRow[]> {
  if (patientIds.length === 0) return [];
  return rowsOf<ExportDiagnosisRow>(
    db,
    sql`SELECT patient_id AS "patientId", sequence, topography, morphology, behaviour, basis,
          to_char(diagnosis_date, 'YYYY-MM-DD') AS "diagnosisDate", laterality, stage, risk_group AS "riskGroup",
          icd10, iccc_group AS "icccGroup", iccc_subgroup AS "icccSubgroup"
        FROM diagnoses
        WHERE deleted_at IS NULL AND patient_id = ANY(${`{${patientIds.join(",")}}`}::uuid[])
        ORDER BY patient_id, sequence, diagnosis_date, id`,
  );
}
