import type { RequestContext } from '../../platform/access/context.ts';
import { unitScope } from '../../platform/access/guard.ts';
import { notFound } from '../../platform/errors.ts';
import type { Db } from '../../platform/db/gateway.ts';
import type { Services } from '../../platform/services.ts';
import { patients } from './schema.ts';
import * as repo from './repo.ts';

/**
 * The patient row when the request may see it. Out of scope and nonexistent look the same (404)
 * to the caller; the audit records the denial. Other modules use this before touching a record.
 */
export async function loadVisiblePatient(db: Db, ctx: RequestContext, id: string, action = 'READ') {
  const row = await repo.findPatientRow(db, id, unitScope(ctx, patients.unitId));
  if (!row) {
    const exists = await repo.findPatientRow(db, id);
    if (exists) await ctx.audit({ action, entity: 'patient', entityId: id, unitId: exists.unitId, outcome: 'DENIED', detail: { reason: 'UNIT_OUT_OF_SCOPE' } });
    throw notFound('No existe un paciente con ese identificador en sus unidades.', 'PATIENT_NOT_FOUND');
  }
  return row;
}

/** The patient record (demographics, guardians, consents, transfers, merges); every read is audited. */
export async function getPatient(s: Services, ctx: RequestContext, id: string) {
  const row = await loadVisiblePatient(s.db.orm, ctx, id);
  const detail = await repo.loadPatientDetail(s.db.orm, row.id);
  if (!detail) throw notFound('No existe un paciente con ese identificador en sus unidades.', 'PATIENT_NOT_FOUND');
  await ctx.audit({ action: 'READ', entity: 'patient', entityId: id, unitId: row.unitId });
  return detail;
}
