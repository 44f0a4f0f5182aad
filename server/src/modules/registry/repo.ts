import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/gateway.ts';

export interface TallyEvent {
  unitId: string;
  patientId: string;
  pediatric: boolean;
  delta: 1 | -1;
  reason: 'REGISTER' | 'TRANSFER_OUT' | 'TRANSFER_IN' | 'MERGE' | 'RECLASSIFY';
}

/** One multi-row INSERT for any number of events. */
export async function insertTallyEvents(db: Db, events: readonly TallyEvent[], at?: Date): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map(
    (e) => sql`(${e.unitId}::uuid, ${e.patientId}::uuid, ${e.pediatric}, ${e.delta}, ${e.reason}, ${(at ?? new Date()).toISOString()}::timestamptz)`,
  );
  await db.execute(sql`INSERT INTO registry_tally_events (unit_id, patient_id, pediatric, delta, reason, at) VALUES ${sql.join(rows, sql`, `)}`);
}

export interface UnitCount {
  unitId: string;
  registered: number;
  pediatric: number;
  adult: number;
  newInWeek: number;
  newPediatricInWeek: number;
}

/** Sums of tally events in [from, to) per unit (from = null: since the beginning). */
export async function tallyBetween(db: Db, from: Date | null, to: Date, unitFilter: SQL = sql`true`): Promise<UnitCount[]> {
  return rowsOf<UnitCount>(
    db,
    sql`SELECT unit_id AS "unitId",
          COALESCE(SUM(delta), 0)::int AS registered,
          COALESCE(SUM(delta) FILTER (WHERE pediatric), 0)::int AS pediatric,
          COALESCE(SUM(delta) FILTER (WHERE NOT pediatric), 0)::int AS adult,
          COUNT(*) FILTER (WHERE reason = 'REGISTER')::int AS "newInWeek",
          COUNT(*) FILTER (WHERE reason = 'REGISTER' AND pediatric)::int AS "newPediatricInWeek"
        FROM registry_tally_events
        WHERE ${from ? sql`at >= ${from.toISOString()}::timestamptz AND ` : sql``} at < ${to.toISOString()}::timestamptz AND ${unitFilter}
        GROUP BY unit_id`,
  );
}

// --- units, census and snapshots ---

export interface UnitInfo {
  id: string;
  name: string;
  shortName: string;
  state: string;
  level: 'UMAE' | 'SECOND_LEVEL';
  clues: string;
  active: boolean;
}

export async function listUnitInfo(db: Db): Promise<UnitInfo[]> {
  return rowsOf<UnitInfo>(db, sql`SELECT id, name, short_name AS "shortName", state, level, clues, active FROM units ORDER BY short_name`);
}

/** Expected patients per unit: the census row in force on `onDate` (latest effective_from ≤ date). */
export async function censusInForce(db: Db, onDate: string): Promise<Map<string, { expected: number; effectiveFrom: string }>> {
  const rows = await rowsOf<{ unitId: string; expected: number; effectiveFrom: string }>(
    db,
    sql`SELECT DISTINCT ON (unit_id) unit_id AS "unitId", expected, to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom"
        FROM unit_census WHERE effective_from <= ${onDate}::date ORDER BY unit_id, effective_from DESC, created_at DESC`,
  );
  return new Map(rows.map((r) => [r.unitId, { expected: r.expected, effectiveFrom: r.effectiveFrom }]));
}

export interface SnapshotRow {
  unitId: string;
  cutoff: Date;
  registered: number;
  pediatric: number;
  adult: number;
  expected: number;
  newInWeek: number;
  newPediatricInWeek: number;
}

const SNAPSHOT_COLUMNS = sql.raw(`unit_id AS "unitId", cutoff, registered, pediatric, adult, expected, new_in_week AS "newInWeek", new_pediatric_in_week AS "newPediatricInWeek"`);

export async function snapshotsAt(db: Db, cutoff: Date): Promise<SnapshotRow[]> {
  return rowsOf<SnapshotRow>(db, sql`SELECT ${SNAPSHOT_COLUMNS} FROM registry_weekly_snapshots WHERE cutoff = ${cutoff.toISOString()}::timestamptz`);
}

/** The latest cut-off strictly before `before` that has snapshots, if any. */
export async function latestSnapshotCutoffBefore(db: Db, before: Date): Promise<Date | null> {
  const rows = await rowsOf<{ cutoff: Date | null }>(
    db,
    sql`SELECT max(cutoff) AS cutoff FROM registry_weekly_snapshots WHERE cutoff < ${before.toISOString()}::timestamptz`,
  );
  const c = rows[0]?.cutoff;
  return c ? new Date(c) : null;
}

export async function firstTallyAt(db: Db): Promise<Date | null> {
  const rows = await rowsOf<{ at: Date | null }>(db, sql`SELECT min(at) AS at FROM registry_tally_events`);
  return rows[0]?.at ? new Date(rows[0].at) : null;
}

export async function insertSnapshots(db: Db, rows: readonly SnapshotRow[]): Promise<void> {
  if (!rows.length) return;
  const values = rows.map(
    (r) =>
      sql`(${r.unitId}::uuid, ${r.cutoff.toISOString()}::timestamptz, ${r.registered}, ${r.pediatric}, ${r.adult}, ${r.expected}, ${r.newInWeek}, ${r.newPediatricInWeek})`,
  );
  await db.execute(sql`INSERT INTO registry_weekly_snapshots (unit_id, cutoff, registered, pediatric, adult, expected, new_in_week, new_pediatric_in_week)
    VALUES ${sql.join(values, sql`, `)} ON CONFLICT (unit_id, cutoff) DO NOTHING`);
}

/** Per-unit series of the last `weeks` cut-offs up to `until`, oldest first. */
export async function snapshotSeries(db: Db, until: Date, weeks: number, unitFilter: SQL = sql`true`) {
  return rowsOf<SnapshotRow>(
    db,
    sql`SELECT ${SNAPSHOT_COLUMNS} FROM registry_weekly_snapshots
        WHERE cutoff <= ${until.toISOString()}::timestamptz
          AND cutoff > ${new Date(until.getTime() - weeks * 7 * 86_400_000 - 3_600_000).toISOString()}::timestamptz AND ${unitFilter}
        ORDER BY cutoff`,
  );
}

export async function listCensus(db: Db, unitFilter: SQL) {
  return rowsOf<{ id: string; unitId: string; unitName: string; expected: number; expectedPediatric: number | null; effectiveFrom: string; notes: string | null; createdAt: Date }>(
    db,
    sql`SELECT c.id, c.unit_id AS "unitId", u.short_name AS "unitName", c.expected, c.expected_pediatric AS "expectedPediatric",
          to_char(c.effective_from, 'YYYY-MM-DD') AS "effectiveFrom", c.notes, c.created_at AS "createdAt"
        FROM unit_census c JOIN units u ON u.id = c.unit_id WHERE ${unitFilter}
        ORDER BY u.short_name, c.effective_from DESC, c.created_at DESC LIMIT 2000`,
  );
}

export async function insertCensus(db: Db, v: { unitId: string; expected: number; expectedPediatric: number | null; effectiveFrom: string; notes: string | null; recordedBy: string | null }) {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`INSERT INTO unit_census (unit_id, expected, expected_pediatric, effective_from, notes, recorded_by)
        VALUES (${v.unitId}::uuid, ${v.expected}, ${v.expectedPediatric}, ${v.effectiveFrom}::date, ${v.notes}, ${v.recordedBy}) RETURNING id`,
  );
  return rows[0]!.id;
}

export async function listTrainings(db: Db, unitFilter: SQL) {
  return rowsOf<{ id: string; unitId: string; unitName: string; trainedOn: string; modality: 'REMOTE' | 'IN_PERSON'; peopleTrained: number; topic: string }>(
    db,
    sql`SELECT t.id, t.unit_id AS "unitId", u.short_name AS "unitName", to_char(t.trained_on, 'YYYY-MM-DD') AS "trainedOn", t.modality,
          t.people_trained AS "peopleTrained", t.topic
        FROM unit_trainings t JOIN units u ON u.id = t.unit_id WHERE ${unitFilter}
        ORDER BY t.trained_on DESC, u.short_name LIMIT 2000`,
  );
}

export async function insertTraining(db: Db, v: { unitId: string; trainedOn: string; modality: 'REMOTE' | 'IN_PERSON'; peopleTrained: number; topic: string; recordedBy: string | null }) {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`INSERT INTO unit_trainings (unit_id, trained_on, modality, people_trained, topic, recorded_by)
        VALUES (${v.unitId}::uuid, ${v.trainedOn}::date, ${v.modality}, ${v.peopleTrained}, ${v.topic}, ${v.recordedBy}) RETURNING id`,
  );
  return rows[0]!.id;
}

// --- dashboard aggregates (scans: run by the refresh job, never on a request path) ---

/** First primary per patient (live, not merged, registered before the cut-off) with what every figure needs. */
function withCutoff(cutoff: Date): SQL {
  return sql`
  WITH first_dx AS (
    SELECT DISTINCT ON (d.patient_id) d.patient_id, d.diagnosis_date, d.iccc_group
    FROM diagnoses d WHERE d.deleted_at IS NULL ORDER BY d.patient_id, d.sequence, d.diagnosis_date
  ),
  cohort AS (
    SELECT p.id, p.unit_id, p.sex, p.pediatric, p.treatment_status, p.vital_status, p.death_date, p.last_contact_on,
      p.curative_intent, p.birth_date, f.diagnosis_date, f.iccc_group
    FROM patients p LEFT JOIN first_dx f ON f.patient_id = p.id
    WHERE p.merged_into IS NULL AND p.registered_at < ${cutoff.toISOString()}::timestamptz
  )`;
}

export async function caseMixByUnit(db: Db, cutoff: Date) {
  return rowsOf<{ unitId: string; icccGroup: string | null; pediatric: boolean; sex: 'H' | 'M'; ageBand: string; n: number }>(
    db,
    sql`${withCutoff(cutoff)}
      SELECT unit_id AS "unitId", iccc_group AS "icccGroup", pediatric, sex,
        CASE WHEN age < 1 THEN '<1' WHEN age < 5 THEN '1-4' WHEN age < 10 THEN '5-9' WHEN age < 15 THEN '10-14' WHEN age < 18 THEN '15-17'
             WHEN age < 40 THEN '18-39' WHEN age < 60 THEN '40-59' ELSE '60+' END AS "ageBand",
        count(*)::int AS n
      FROM (SELECT *, extract(year FROM age(coalesce(diagnosis_date, ${cutoff.toISOString()}::timestamptz::date), birth_date))::int AS age FROM cohort) c
      GROUP BY 1, 2, 3, 4, 5`,
  );
}

/** Days from (first) diagnosis to the first treatment event (cycle given or other treatment). */
export async function timeToTreatmentByUnit(db: Db, cutoff: Date) {
  return rowsOf<{ unitId: string; pediatric: boolean; days: number; n: number }>(
    db,
    sql`${withCutoff(cutoff)},
      first_tx AS (
        SELECT patient_id, min(d) AS d FROM (
          SELECT patient_id, actual_date AS d FROM treatment_cycles WHERE deleted_at IS NULL AND actual_date IS NOT NULL
          UNION ALL SELECT patient_id, start_date FROM other_treatments WHERE deleted_at IS NULL
        ) x GROUP BY patient_id
      )
      SELECT c.unit_id AS "unitId", c.pediatric, greatest(0, least(60, t.d - c.diagnosis_date))::int AS days, count(*)::int AS n
      FROM cohort c JOIN first_tx t ON t.patient_id = c.id
      WHERE c.diagnosis_date IS NOT NULL AND t.d >= c.diagnosis_date - 30
      GROUP BY 1, 2, 3`,
  );
}

/** Patients with a curative plan, and those who refused or abandoned (from the status history). */
export async function abandonmentByUnit(db: Db, cutoff: Date) {
  return rowsOf<{ unitId: string; pediatric: boolean; curative: number; refused: number; abandoned: number }>(
    db,
    sql`${withCutoff(cutoff)},
      hist AS (
        SELECT patient_id, bool_or(status = 'REFUSED') AS refused, bool_or(status = 'ABANDONED') AS abandoned
        FROM treatment_status_history WHERE created_at < ${cutoff.toISOString()}::timestamptz GROUP BY patient_id
      ),
      cur AS (SELECT DISTINCT patient_id FROM treatment_plans WHERE intent = 'CURATIVE' AND deleted_at IS NULL)
      SELECT c.unit_id AS "unitId", c.pediatric,
        count(*) FILTER (WHERE cur.patient_id IS NOT NULL OR h.refused)::int AS curative,
        count(*) FILTER (WHERE h.refused)::int AS refused,
        count(*) FILTER (WHERE h.abandoned AND NOT coalesce(h.refused, false))::int AS abandoned
      FROM cohort c LEFT JOIN hist h ON h.patient_id = c.id LEFT JOIN cur ON cur.patient_id = c.id
      GROUP BY 1, 2`,
  );
}

/** Survival counts: per unit, ICCC group and 30-day interval, deaths and censored. */
export async function survivalCountsByUnit(db: Db, cutoff: Date) {
  const cut = sql`${cutoff.toISOString()}::timestamptz::date`;
  return rowsOf<{ unitId: string; icccGroup: string; month: number; events: number; censored: number }>(
    db,
    sql`${withCutoff(cutoff)}
      SELECT unit_id AS "unitId", iccc_group AS "icccGroup", (greatest(0, end_date - diagnosis_date) / 30)::int AS month,
        count(*) FILTER (WHERE died)::int AS events, count(*) FILTER (WHERE NOT died)::int AS censored
      FROM (
        SELECT unit_id, iccc_group, diagnosis_date,
          (vital_status = 'DECEASED' AND death_date IS NOT NULL AND death_date <= ${cut}) AS died,
          CASE WHEN vital_status = 'DECEASED' AND death_date IS NOT NULL AND death_date <= ${cut} THEN death_date
               ELSE least(coalesce(last_contact_on, diagnosis_date), ${cut}) END AS end_date
        FROM cohort WHERE pediatric AND diagnosis_date IS NOT NULL AND iccc_group IS NOT NULL AND diagnosis_date <= ${cut}
      ) s
      GROUP BY 1, 2, 3`,
  );
}

export async function upsertDashboardSnapshots(db: Db, rows: { scope: string; scopeKey: string; cutoff: Date; payload: unknown }[]) {
  for (let i = 0; i < rows.length; i += 50) {
    const chunk = rows.slice(i, i + 50).map((r) => sql`(${r.scope}, ${r.scopeKey}, ${r.cutoff.toISOString()}::timestamptz, ${JSON.stringify(r.payload)}::jsonb)`);
    await db.execute(sql`INSERT INTO registry_dashboard_snapshots (scope, scope_key, cutoff, payload) VALUES ${sql.join(chunk, sql`, `)}
      ON CONFLICT (scope, scope_key, cutoff) DO UPDATE SET payload = EXCLUDED.payload, computed_at = now()`);
  }
}

export async function latestDashboardSnapshot(db: Db, scope: string, scopeKey: string) {
  const rows = await rowsOf<{ cutoff: Date; computedAt: Date; payload: unknown }>(
    db,
    sql`SELECT cutoff, computed_at AS "computedAt", payload FROM registry_dashboard_snapshots
        WHERE scope = ${scope} AND scope_key = ${scopeKey} ORDER BY cutoff DESC LIMIT 1`,
  );
  return rows[0];
}
