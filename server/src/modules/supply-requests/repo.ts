/** The only SQL of supply requests. */
import { sql, type SQL } from 'drizzle-orm';
import { isoTimestamp, rowsOf, withDates, type Db } from '../../platform/db/gateway.ts';
import type { SupplyRequestStatus, SupplyUrgency } from './schema.ts';

export interface NewSupplyRequest {
  patientId: string | null;
  unitId: string;
  item: string;
  clave: string | null;
  urgency: string;
  channel: string;
  requesterName: string | null;
  requesterPhone: string | null;
  createdBy: string | null;
}

/** Takes the next folio (the counter row is locked until the transaction ends: folios never skip). */
export async function insertSupplyRequest(db: Db, v: NewSupplyRequest): Promise<{ id: string; folio: number }> {
  const folio = (await rowsOf<{ last: number }>(db, sql`UPDATE supply_request_folio SET last = last + 1 WHERE id = 1 RETURNING last`))[0]!.last;
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`INSERT INTO supply_requests (folio, patient_id, unit_id, item, clave, urgency, channel, requester_name, requester_phone, created_by)
        VALUES (${folio}, ${v.patientId}, ${v.unitId}, ${v.item}, ${v.clave}, ${v.urgency}, ${v.channel}, ${v.requesterName}, ${v.requesterPhone}, ${v.createdBy})
        RETURNING id`,
  );
  return { id: rows[0]!.id, folio };
}

export async function linkCase(db: Db, id: string, caseId: string): Promise<void> {
  await db.execute(sql`UPDATE supply_requests SET case_id = ${caseId}, updated_at = now() WHERE id = ${id}`);
}

export interface SupplyRequestRow {
  id: string;
  folio: string;
  patient: { id: string; name: string } | null;
  unit: { id: string; name: string };
  item: string;
  clave: string | null;
  urgency: SupplyUrgency;
  status: SupplyRequestStatus;
  channel: string;
  caseRef: { id: string; code: string | null } | null;
  createdAt: Date;
  sortAt: string;
}

const columns = sql`r.id, 'SM-' || lpad(r.folio::text, 6, '0') AS folio,
  CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'name', p.given_names || ' ' || p.first_surname) END AS patient,
  json_build_object('id', u.id, 'name', u.name) AS unit, r.item, r.clave, r.urgency, r.status, r.channel,
  CASE WHEN k.id IS NULL THEN NULL ELSE json_build_object('id', k.id, 'code', k.code) END AS "caseRef",
  ${sql.raw(isoTimestamp('r.created_at'))} AS "createdAt", ${sql.raw(isoTimestamp('r.created_at'))} AS "sortAt"`;
const from = sql`supply_requests r JOIN units u ON u.id = r.unit_id LEFT JOIN patients p ON p.id = r.patient_id LEFT JOIN cases k ON k.id = r.case_id`;

export async function listSupplyRequests(db: Db, q: { visible: SQL; status?: string[]; unitId?: string; after?: { at: string; id: string }; limit: number }): Promise<SupplyRequestRow[]> {
  const conds: SQL[] = [q.visible];
  if (q.status?.length) conds.push(sql`r.status = ANY(${`{${q.status.join(',')}}`}::text[])`);
  if (q.unitId) conds.push(sql`r.unit_id = ${q.unitId}`);
  if (q.after) conds.push(sql`(r.created_at, r.id) < (${q.after.at}::timestamptz, ${q.after.id}::uuid)`);
  return withDates(
    await rowsOf<SupplyRequestRow>(db, sql`SELECT ${columns} FROM ${from} WHERE ${sql.join(conds, sql` AND `)} ORDER BY r.created_at DESC, r.id DESC LIMIT ${q.limit}`),
    ['createdAt'],
  );
}

export async function findSupplyRequest(db: Db, id: string, visible: SQL): Promise<SupplyRequestRow | undefined> {
  return withDates(await rowsOf<SupplyRequestRow>(db, sql`SELECT ${columns} FROM ${from} WHERE r.id = ${id} AND ${visible}`), ['createdAt'])[0];
}
