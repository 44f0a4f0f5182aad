/**
 * What other modules may ask about a patient's guardians (the WhatsApp ChatBot links a contact to a
 * child only when the registry says that phone belongs to one of the child's guardians).
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/gateway.ts';

export interface GuardianChild {
  patientId: string;
  guardianId: string;
  guardianName: string;
  firstName: string;
  unitId: string;
}

/** The live child with this CURP and birth date whose guardian has this phone (52 + 10 digits), if any. */
export async function findChildOfGuardian(db: Db, q: { curp: string; birthDate: string; phone: string }): Promise<GuardianChild | undefined> {
  return (
    await rowsOf<GuardianChild>(
      db,
      sql`SELECT p.id AS "patientId", g.id AS "guardianId", g.name AS "guardianName", split_part(p.given_names, ' ', 1) AS "firstName", p.unit_id AS "unitId"
          FROM patients p JOIN patient_guardians g ON g.patient_id = p.id AND g.removed_at IS NULL
          WHERE p.curp = ${q.curp} AND p.birth_date = ${q.birthDate}::date AND p.merged_into IS NULL AND g.phone = ${q.phone}
          LIMIT 1`,
    )
  )[0];
}

/** True when a live patient has this CURP (for the audit of a failed verification only; never shown to the contact). */
export async function curpExists(db: Db, curp: string): Promise<boolean> {
  return (await rowsOf(db, sql`SELECT 1 FROM patients WHERE curp = ${curp} AND merged_into IS NULL LIMIT 1`)).length > 0;
}

/** A guardian of the patient (not removed), with the child's first name and unit. */
export async function findGuardianOfPatient(db: Db, patientId: string, guardianId: string): Promise<GuardianChild | undefined> {
  return (
    await rowsOf<GuardianChild>(
      db,
      sql`SELECT p.id AS "patientId", g.id AS "guardianId", g.name AS "guardianName", split_part(p.given_names, ' ', 1) AS "firstName", p.unit_id AS "unitId"
          FROM patients p JOIN patient_guardians g ON g.patient_id = p.id AND g.removed_at IS NULL
          WHERE p.id = ${patientId} AND g.id = ${guardianId} AND p.merged_into IS NULL`,
    )
  )[0];
}

export interface ChildSummary {
  patientId: string;
  firstName: string;
  unitId: string;
  unitName: string;
}

/** First name and current unit of each patient (merged records follow to the surviving one). */
export async function childSummaries(db: Db, patientIds: readonly string[]): Promise<ChildSummary[]> {
  if (patientIds.length === 0) return [];
  return rowsOf<ChildSummary>(
    db,
    sql`SELECT p.id AS "patientId", split_part(p.given_names, ' ', 1) AS "firstName", p.unit_id AS "unitId", u.name AS "unitName"
        FROM patients p JOIN units u ON u.id = p.unit_id
        WHERE p.id = ANY(${`{${patientIds.join(',')}}`}::uuid[]) ORDER BY p.birth_date DESC`,
  );
}
