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
