import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/gateway.ts';

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
  // Multiple primaries: renumber the survivor's diagnoses by date.
  await db.execute(sql`UPDATE diagnoses d SET sequence = r.n FROM (
      SELECT id, row_number() OVER (ORDER BY diagnosis_date, created_at) AS n FROM diagnoses WHERE patient_id = ${toId}::uuid AND deleted_at IS NULL
    ) r WHERE d.id = r.id AND d.sequence <> r.n`);
  return moved;
}
