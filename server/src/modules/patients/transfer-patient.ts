import { dateInMexico } from '../../platform/time.ts';
import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { validationFailed } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { recordTally } from '../registry/record-tally.ts';
import { loadVisiblePatient } from './get-patient.ts';
import { getUnitBrief } from '../units/get-unit-brief.ts';
import * as repo from './repo.ts';
import { versionConflict } from './update-patient.ts';

export interface TransferInput {
  toUnitId: string;
  transferredOn: string;
  reason: string;
  version: number;
}

/**
 * Moves a patient to another unit of the network. The history stays with the patient (transfer
 * row, clinical records keep the unit where they happened); counts move with a −1/+1 tally.
 */
export async function transferPatient(s: Services, ctx: RequestContext, id: string, input: TransferInput) {
  const before = await loadVisiblePatient(s.db.orm, ctx, id, 'TRANSFER');
  const errors = [];
  if (input.toUnitId === before.unitId) errors.push({ field: 'toUnitId', message: 'el paciente ya está en esa unidad' });
  if (input.transferredOn > dateInMexico(s.now())) errors.push({ field: 'transferredOn', message: 'no puede ser una fecha futura' });
  if (input.transferredOn < before.birthDate) errors.push({ field: 'transferredOn', message: 'no puede ser anterior al nacimiento' });
  const target = await getUnitBrief(s.db.orm, input.toUnitId);
  if (!target) errors.push({ field: 'toUnitId', message: 'no existe una unidad médica con ese identificador' });
  else if (!target.active) errors.push({ field: 'toUnitId', message: `la unidad ${target.shortName} está desactivada` });
  if (errors.length) throw validationFailed(errors);
  return s.db.transaction(async (tx) => {
    const after = await repo.updatePatient(tx, id, input.version, { unitId: input.toUnitId });
    if (!after) throw versionConflict((await repo.findPatientRow(tx, id))?.version ?? before.version);
    await repo.insertTransfer(tx, {
      patientId: id,
      fromUnitId: before.unitId,
      toUnitId: input.toUnitId,
      transferredOn: input.transferredOn,
      reason: input.reason,
      recordedBy: ctx.actor?.id ?? null,
    });
    await recordTally(tx, [
      { unitId: before.unitId, patientId: id, pediatric: before.pediatric, delta: -1, reason: 'TRANSFER_OUT' },
      { unitId: input.toUnitId, patientId: id, pediatric: before.pediatric, delta: 1, reason: 'TRANSFER_IN' },
    ], s.now());
    await writeAuditInTx(tx, [
      ctx.auditRow({ action: 'TRANSFER', entity: 'patient', entityId: id, unitId: before.unitId, detail: { fromUnitId: before.unitId, toUnitId: input.toUnitId } }),
    ]);
    return after;
  });
}
