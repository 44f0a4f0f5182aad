import { and, eq, sql, type SQL } from 'drizzle-orm';
import { isoTimestamp, rowsOf, withDates, type Db } from '../../platform/db/gateway.ts';
import type { PatientDetail } from './patient-schemas.ts';
import { patientMerges, patients, patientTransfers } from './schema.ts';

export type PatientRow = typeof patients.$inferSelect;
export type PatientInsert = typeof patients.$inferInsert;

export interface NewPatient {
  curp: string;
  nss: string | null;
  agregado: string | null;
  givenNames: string;
  firstSurname: string;
  secondSurname: string | null;
  searchName: string;
  birthDate: string;
  sex: 'H' | 'M';
  state: string | null;
  municipality: string | null;
  address: string | null;
  unitId: string;
  physicianName: string | null;
  pediatric: boolean;
  today: string;
  now: Date;
  actorId: string | null;
  guardians: { name: string; relationship: string; phone: string | null; whatsapp: boolean; email: string | null; isPrimary: boolean }[];
  consents: { kind: string; grantedBy: string; grantedOn: string; documentVersion: string | null }[];
}

export interface InsertedPatient {
  id: string;
  unitId: string;
  pediatric: boolean;
  version: number;
  guardians: PatientDetail['guardians'];
  consents: PatientDetail['consents'];
}

/**
 * The registration write in one statement: the patient, its guardians and consents (each list one
 * JSON parameter) and its first status row ('NEW'). Registration is the hot write path (≥ 300/s):
 * one round trip instead of one per table. Returns what the response needs.
 */
export async function insertPatientWithChildren(db: Db, v: NewPatient): Promise<InsertedPatient> {
  const rows = await rowsOf<InsertedPatient>(
    db,
    sql`WITH ins AS (
          INSERT INTO patients (curp, nss, agregado, given_names, first_surname, second_surname, search_name, birth_date, sex, state,
            municipality, address, unit_id, physician_name, pediatric, status_since, registered_at, registered_by)
          VALUES (${v.curp}, ${v.nss}, ${v.agregado}, ${v.givenNames}, ${v.firstSurname}, ${v.secondSurname}, ${v.searchName}, ${v.birthDate}::date,
            ${v.sex}, ${v.state}, ${v.municipality}, ${v.address}, ${v.unitId}::uuid, ${v.physicianName}, ${v.pediatric}, ${v.today}::date,
            ${v.now.toISOString()}::timestamptz, ${v.actorId}::uuid)
          RETURNING id, unit_id, pediatric, version
        ),
        g AS (
          INSERT INTO patient_guardians (patient_id, name, relationship, phone, whatsapp, email, is_primary)
          SELECT ins.id, r.name, r.relationship, r.phone, r.whatsapp, r.email, r."isPrimary"
          FROM ins, json_to_recordset(${JSON.stringify(v.guardians)}::json) AS r(name text, relationship text, phone text, whatsapp boolean, email text, "isPrimary" boolean)
          RETURNING id, name, relationship, phone, whatsapp, email, is_primary AS "isPrimary"
        ),
        c AS (
          INSERT INTO patient_consents (patient_id, kind, granted_by, granted_on, document_version, recorded_by)
          SELECT ins.id, r.kind, r."grantedBy", r."grantedOn", r."documentVersion", ${v.actorId}::uuid
          FROM ins, json_to_recordset(${JSON.stringify(v.consents)}::json) AS r(kind text, "grantedBy" text, "grantedOn" date, "documentVersion" text)
          RETURNING id, kind, granted_by AS "grantedBy", to_char(granted_on, 'YYYY-MM-DD') AS "grantedOn", document_version AS "documentVersion", NULL::text AS "revokedOn"
        ),
        st AS (
          INSERT INTO treatment_status_history (patient_id, status, since, reason, recorded_by)
          SELECT id, 'NEW', ${v.today}::date, 'Registro en la plataforma', ${v.actorId}::uuid FROM ins
        )
        SELECT ins.id, ins.unit_id AS "unitId", ins.pediatric, ins.version,
          coalesce((SELECT json_agg(g ORDER BY g."isPrimary" DESC) FROM g), '[]'::json) AS guardians,
          coalesce((SELECT json_agg(c) FROM c), '[]'::json) AS consents
        FROM ins`,
  );
  return rows[0]!;
}

const SUMMARY_COLUMNS = sql.raw(`patients.id, patients.curp, patients.nss, patients.given_names AS "givenNames", patients.first_surname AS "firstSurname",
  patients.second_surname AS "secondSurname", to_char(patients.birth_date, 'YYYY-MM-DD') AS "birthDate", patients.sex, patients.unit_id AS "unitId",
  u.short_name AS "unitName", patients.pediatric, patients.treatment_status AS "treatmentStatus", patients.vital_status AS "vitalStatus",
  ${isoTimestamp('patients.registered_at')} AS "registeredAt"`);

export interface PatientSummaryRow {
  id: string;
  curp: string;
  nss: string | null;
  givenNames: string;
  firstSurname: string;
  secondSurname: string | null;
  birthDate: string;
  sex: 'H' | 'M';
  unitId: string;
  unitName: string;
  pediatric: boolean;
  treatmentStatus: PatientRow['treatmentStatus'];
  vitalStatus: PatientRow['vitalStatus'];
  registeredAt: Date;
  searchName?: string;
}

export interface PatientSearch {
  scope: SQL;
  curp?: string | undefined;
  curpPrefix?: string | undefined;
  nss?: string | undefined;
  namePrefix?: string | undefined;
  unitId?: string | undefined;
  status?: string | undefined;
  pediatric?: boolean | undefined;
  after?: { n: string; id: string } | undefined;
  limit: number;
}

/**
 * Keyset page in name order over the records the request may see (scope in the WHERE clause).
 * Name prefix uses the text_pattern_ops index; CURP and NSS their own indexes.
 */
export async function searchPatients(db: Db, f: PatientSearch): Promise<PatientSummaryRow[]> {
  const conds: SQL[] = [sql`patients.merged_into IS NULL`, f.scope];
  if (f.curp) conds.push(sql`patients.curp = ${f.curp}`);
  if (f.curpPrefix) conds.push(sql`patients.curp LIKE ${`${f.curpPrefix}%`}`);
  if (f.nss) conds.push(sql`patients.nss = ${f.nss}`);
  if (f.namePrefix) conds.push(sql`patients.search_name LIKE ${`${f.namePrefix.replace(/[\\%_]/g, '\\$&')}%`}`);
  if (f.unitId) conds.push(sql`patients.unit_id = ${f.unitId}::uuid`);
  if (f.status) conds.push(sql`patients.treatment_status = ${f.status}`);
  if (f.pediatric !== undefined) conds.push(sql`patients.pediatric = ${f.pediatric}`);
  if (f.after) conds.push(sql`(patients.search_name, patients.id) > (${f.after.n}, ${f.after.id}::uuid)`);
  const rows = await rowsOf<PatientSummaryRow>(
    db,
    sql`SELECT ${SUMMARY_COLUMNS}, patients.search_name AS "searchName"
        FROM patients JOIN units u ON u.id = patients.unit_id
        WHERE ${sql.join(conds, sql` AND `)}
        ORDER BY patients.search_name, patients.id LIMIT ${f.limit}`,
  );
  return withDates(rows, ['registeredAt']);
}

/** Typo-tolerant fallback: best trigram word matches, no paging (a short "¿quiso decir?" list). */
export async function fuzzySearchPatients(db: Db, scope: SQL, text: string, limit: number, extra: SQL = sql`true`): Promise<PatientSummaryRow[]> {
  const rows = await rowsOf<PatientSummaryRow>(
    db,
    sql`SELECT ${SUMMARY_COLUMNS}
        FROM patients JOIN units u ON u.id = patients.unit_id
        WHERE patients.merged_into IS NULL AND ${scope} AND ${extra} AND ${text} <% patients.search_name
        ORDER BY word_similarity(${text}, patients.search_name) DESC, patients.search_name, patients.id LIMIT ${limit}`,
  );
  return withDates(rows, ['registeredAt']);
}

export interface DuplicateRow {
  id: string;
  reason: 'SAME_CURP' | 'SIMILAR_NAME_SAME_BIRTH_DATE';
  similarity: number;
  unitId: string;
  unitName: string;
  fullName: string;
  curp: string;
  birthDate: string;
}

/** Same CURP, or same birth date with a similar name (pg_trgm similarity ≥ 0.45). */
export async function findDuplicateCandidates(
  db: Db,
  q: { curp: string | null; searchName: string | null; birthDate: string | null; excludeId?: string | undefined },
): Promise<DuplicateRow[]> {
  const parts: SQL[] = [];
  const cols = sql.raw(`patients.id, patients.unit_id AS "unitId", u.short_name AS "unitName",
    trim(patients.given_names || ' ' || patients.first_surname || ' ' || coalesce(patients.second_surname, '')) AS "fullName",
    patients.curp, to_char(patients.birth_date, 'YYYY-MM-DD') AS "birthDate"`);
  if (q.curp) {
    parts.push(sql`SELECT ${cols}, 'SAME_CURP' AS reason, 1::float8 AS similarity
      FROM patients JOIN units u ON u.id = patients.unit_id WHERE patients.curp = ${q.curp} AND patients.merged_into IS NULL`);
  }
  if (q.searchName && q.birthDate) {
    parts.push(sql`SELECT ${cols}, 'SIMILAR_NAME_SAME_BIRTH_DATE' AS reason, similarity(patients.search_name, ${q.searchName})::float8 AS similarity
      FROM patients JOIN units u ON u.id = patients.unit_id
      WHERE patients.birth_date = ${q.birthDate}::date AND patients.merged_into IS NULL AND similarity(patients.search_name, ${q.searchName}) >= 0.45
        ${q.curp ? sql`AND patients.curp <> ${q.curp}` : sql``}`);
  }
  if (!parts.length) return [];
  const rows = await rowsOf<DuplicateRow>(
    db,
    sql`SELECT * FROM (${sql.join(parts, sql` UNION ALL `)}) c ORDER BY similarity DESC, "fullName" LIMIT 20`,
  );
  return rows.filter((r) => r.id !== q.excludeId);
}

export async function findPatientRow(db: Db, id: string, scope: SQL = sql`true`): Promise<PatientRow | undefined> {
  const rows = await db.select().from(patients).where(and(eq(patients.id, id), scope)).limit(1);
  return rows[0];
}

export async function lockPatientRow(db: Db, id: string): Promise<PatientRow | undefined> {
  const rows = await db.select().from(patients).where(eq(patients.id, id)).for('update').limit(1);
  return rows[0];
}

export async function findLivePatientByCurp(db: Db, curp: string): Promise<{ id: string; unitId: string; unitName: string } | undefined> {
  const rows = await rowsOf<{ id: string; unitId: string; unitName: string }>(
    db,
    sql`SELECT patients.id, patients.unit_id AS "unitId", u.short_name AS "unitName" FROM patients JOIN units u ON u.id = patients.unit_id
        WHERE patients.curp = ${curp} AND patients.merged_into IS NULL LIMIT 1`,
  );
  return rows[0];
}


/** The full record as the API shows it (demographics, guardians, consents, transfers, merges). */
export async function loadPatientDetail(db: Db, id: string): Promise<PatientDetail | undefined> {
  const [p] = await rowsOf<Omit<PatientDetail, 'guardians' | 'consents' | 'transfers' | 'merges'>>(
    db,
    sql`SELECT ${SUMMARY_COLUMNS}, patients.agregado, patients.state, patients.municipality, patients.address, patients.physician_name AS "physicianName",
          u.clues AS "unitClues", to_char(patients.status_since, 'YYYY-MM-DD') AS "statusSince",
          to_char(patients.death_date, 'YYYY-MM-DD') AS "deathDate", to_char(patients.last_contact_on, 'YYYY-MM-DD') AS "lastContactOn",
          to_char(patients.last_treatment_on, 'YYYY-MM-DD') AS "lastTreatmentOn", patients.curative_intent AS "curativeIntent",
          patients.merged_into AS "mergedInto", patients.version
        FROM patients JOIN units u ON u.id = patients.unit_id WHERE patients.id = ${id}::uuid`,
  );
  if (!p) return undefined;
  const [guardians, consents, transfers, merges] = await Promise.all([
    rowsOf(
      db,
      sql`SELECT id, name, relationship, phone, whatsapp, email, is_primary AS "isPrimary" FROM patient_guardians
          WHERE patient_id = ${id}::uuid AND removed_at IS NULL ORDER BY is_primary DESC, created_at`,
    ),
    rowsOf(
      db,
      sql`SELECT id, kind, granted_by AS "grantedBy", to_char(granted_on, 'YYYY-MM-DD') AS "grantedOn", document_version AS "documentVersion",
            to_char(revoked_on, 'YYYY-MM-DD') AS "revokedOn" FROM patient_consents WHERE patient_id = ${id}::uuid ORDER BY granted_on, created_at`,
    ),
    rowsOf(
      db,
      sql`SELECT t.id, t.from_unit_id AS "fromUnitId", fu.short_name AS "fromUnitName", t.to_unit_id AS "toUnitId", tu.short_name AS "toUnitName",
            to_char(t.transferred_on, 'YYYY-MM-DD') AS "transferredOn", t.reason
          FROM patient_transfers t JOIN units fu ON fu.id = t.from_unit_id JOIN units tu ON tu.id = t.to_unit_id
          WHERE t.patient_id = ${id}::uuid ORDER BY t.transferred_on, t.created_at`,
    ),
    rowsOf(
      db,
      sql`SELECT m.merged_id AS "mergedId", patients.curp AS "mergedCurp", m.reason, ${sql.raw(isoTimestamp('m.created_at'))} AS "mergedAt"
          FROM patient_merges m JOIN patients ON patients.id = m.merged_id WHERE m.survivor_id = ${id}::uuid ORDER BY m.created_at`,
    ),
  ]);
  withDates([p], ['registeredAt']);
  withDates(merges as { mergedAt: unknown }[], ['mergedAt']);
  return { ...p, guardians, consents, transfers, merges } as PatientDetail;
}

/** Compare-and-swap on version: undefined when the row changed since the client read it. */
export async function updatePatient(db: Db, id: string, expectedVersion: number, patch: Partial<PatientInsert>): Promise<PatientRow | undefined> {
  const rows = await db
    .update(patients)
    .set({ ...patch, version: sql`${patients.version} + 1`, updatedAt: new Date() })
    .where(and(eq(patients.id, id), eq(patients.version, expectedVersion)))
    .returning();
  return rows[0];
}

/** Unconditional update for server-side summaries (clinical writes hold the row lock). */
export async function setPatientColumns(db: Db, id: string, patch: Partial<PatientInsert>): Promise<void> {
  await db
    .update(patients)
    .set({ ...patch, version: sql`${patients.version} + 1`, updatedAt: new Date() })
    .where(eq(patients.id, id));
}

export async function insertTransfer(db: Db, v: typeof patientTransfers.$inferInsert): Promise<void> {
  await db.insert(patientTransfers).values(v);
}

export async function insertMerge(db: Db, v: typeof patientMerges.$inferInsert): Promise<void> {
  await db.insert(patientMerges).values(v);
}

/** Moves the merged record's guardians, consents and transfers to the survivor; returns counts. */
export async function movePatientOwnedRows(db: Db, fromId: string, toId: string): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const table of ['patient_guardians', 'patient_consents', 'patient_transfers', 'treatment_status_history'] as const) {
    const rows = await rowsOf<{ n: number }>(
      db,
      sql`WITH m AS (UPDATE ${sql.identifier(table)} SET patient_id = ${toId}::uuid WHERE patient_id = ${fromId}::uuid RETURNING 1) SELECT count(*)::int AS n FROM m`,
    );
    moved[table] = rows[0]?.n ?? 0;
  }
  return moved;
}

// --- bulk registration (registry-io) ---
// Set-based SQL for the spreadsheet import and the unit export (modules/registry-io calls them
// through register-patients-batch.ts). Rows travel as one JSON parameter and are expanded with
// json_to_recordset: one statement per batch whatever its size, well under the bind-parameter limit.

/** A PostgreSQL array literal ('{"a","b"}') for one bind parameter, whatever the list's length. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

export interface BulkPatientRow {
  curp: string;
  nss: string | null;
  agregado: string | null;
  given_names: string;
  first_surname: string;
  second_surname: string | null;
  search_name: string;
  birth_date: string;
  sex: 'H' | 'M';
  state: string | null;
  municipality: string | null;
  address: string | null;
  physician_name: string | null;
  pediatric: boolean;
  g_name: string | null;
  g_relationship: string | null;
  g_phone: string | null;
  g_whatsapp: boolean | null;
  g_email: string | null;
}

/**
 * Inserts patients with their status row and primary guardian in one statement.
 * A CURP that is already live is skipped (ON CONFLICT DO NOTHING), never an error: the caller
 * reports it. Returns the rows actually created.
 */
export async function insertPatientsBulk(
  db: Db,
  v: { unitId: string; actorId: string | null; today: string; now: Date; rows: readonly BulkPatientRow[] },
): Promise<{ id: string; curp: string; pediatric: boolean }[]> {
  if (v.rows.length === 0) return [];
  return rowsOf<{ id: string; curp: string; pediatric: boolean }>(
    db,
    sql`WITH input AS (
          SELECT * FROM json_to_recordset(${JSON.stringify(v.rows)}::json) AS r(
            curp text, nss text, agregado text, given_names text, first_surname text, second_surname text, search_name text,
            birth_date date, sex text, state text, municipality text, address text, physician_name text, pediatric boolean,
            g_name text, g_relationship text, g_phone text, g_whatsapp boolean, g_email text)
        ),
        ins AS (
          INSERT INTO patients (curp, nss, agregado, given_names, first_surname, second_surname, search_name, birth_date, sex,
            state, municipality, address, unit_id, physician_name, pediatric, status_since, registered_at, registered_by)
          SELECT curp, nss, agregado, given_names, first_surname, second_surname, search_name, birth_date, sex,
            state, municipality, address, ${v.unitId}::uuid, physician_name, pediatric, ${v.today}::date, ${v.now.toISOString()}::timestamptz, ${v.actorId}::uuid
          FROM input
          ON CONFLICT (curp) WHERE merged_into IS NULL DO NOTHING
          RETURNING id, curp, pediatric
        ),
        st AS (
          INSERT INTO treatment_status_history (patient_id, status, since, reason, recorded_by)
          SELECT id, 'NEW', ${v.today}::date, 'Registro en la plataforma (importación de hoja de cálculo)', ${v.actorId}::uuid FROM ins
        ),
        g AS (
          INSERT INTO patient_guardians (patient_id, name, relationship, phone, whatsapp, email, is_primary)
          SELECT ins.id, i.g_name, i.g_relationship, i.g_phone, coalesce(i.g_whatsapp, false), i.g_email, true
          FROM ins JOIN input i ON i.curp = ins.curp WHERE i.g_name IS NOT NULL
        )
        SELECT id, curp, pediatric FROM ins`,
  );
}

/**
 * Live records holding any of these CURPs (one query for a whole file). The list is unnested and
 * hash-joined: an IN (subquery) can be planned as a nested loop over the whole list per row.
 */
export async function findLiveCurps(db: Db, curps: readonly string[]): Promise<{ curp: string; unitId: string; unitName: string }[]> {
  if (curps.length === 0) return [];
  return rowsOf(
    db,
    sql`SELECT p.curp, p.unit_id AS "unitId", u.short_name AS "unitName"
        FROM unnest(${arrayLiteral(curps)}::text[]) AS c(curp)
        JOIN patients p ON p.curp = c.curp AND p.merged_into IS NULL
        JOIN units u ON u.id = p.unit_id`,
  );
}

export interface ExportPatientRow {
  id: string;
  curp: string;
  nss: string | null;
  agregado: string | null;
  givenNames: string;
  firstSurname: string;
  secondSurname: string | null;
  birthDate: string;
  sex: 'H' | 'M';
  state: string | null;
  municipality: string | null;
  address: string | null;
  physicianName: string | null;
  pediatric: boolean;
  treatmentStatus: string;
  vitalStatus: string;
  registeredAt: Date;
  searchName: string;
}

/** Live patients of one unit registered up to `asOf`; `scope` is a condition on "patients"."unit_id" (no table alias). */
export async function countUnitPatients(db: Db, unitId: string, scope: SQL, asOf: Date): Promise<number> {
  const rows = await rowsOf<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM patients
        WHERE patients.unit_id = ${unitId}::uuid AND patients.merged_into IS NULL AND ${scope}
          AND patients.registered_at <= ${asOf.toISOString()}::timestamptz`,
  );
  return rows[0]?.n ?? 0;
}

/** A keyset page of them in search-name order (patients_unit_name_idx). */
export async function readUnitPatientsPage(
  db: Db,
  q: { unitId: string; scope: SQL; asOf: Date; after: { n: string; id: string } | null; limit: number },
): Promise<ExportPatientRow[]> {
  return rowsOf<ExportPatientRow>(
    db,
    sql`SELECT id, curp, nss, agregado, given_names AS "givenNames", first_surname AS "firstSurname",
          second_surname AS "secondSurname", to_char(birth_date, 'YYYY-MM-DD') AS "birthDate", sex, state,
          municipality, address, physician_name AS "physicianName", pediatric, treatment_status AS "treatmentStatus",
          vital_status AS "vitalStatus", registered_at AS "registeredAt", search_name AS "searchName"
        FROM patients
        WHERE patients.unit_id = ${q.unitId}::uuid AND patients.merged_into IS NULL AND ${q.scope}
          AND patients.registered_at <= ${q.asOf.toISOString()}::timestamptz
          ${q.after ? sql`AND (patients.search_name, patients.id) > (${q.after.n}, ${q.after.id}::uuid)` : sql``}
        ORDER BY patients.search_name, patients.id LIMIT ${q.limit}`,
  );
}

export interface ExportGuardianRow {
  patientId: string;
  name: string;
  relationship: string;
  phone: string | null;
  whatsapp: boolean;
  email: string | null;
  isPrimary: boolean;
}

/** Current guardians of a page of patients, primary first. */
export async function readGuardiansOf(db: Db, patientIds: readonly string[]): Promise<ExportGuardianRow[]> {
  if (patientIds.length === 0) return [];
  return rowsOf<ExportGuardianRow>(
    db,
    sql`SELECT patient_id AS "patientId", name, relationship, phone, whatsapp, email, is_primary AS "isPrimary"
        FROM patient_guardians
        WHERE removed_at IS NULL AND patient_id = ANY(${arrayLiteral(patientIds)}::uuid[])
        ORDER BY patient_id, is_primary DESC, created_at, id`,
  );
}


/** Live diagnoses (multiple primaries in order) of a page of patients. */
