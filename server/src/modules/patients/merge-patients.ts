import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { movePatientClinicalData } from '../clinical/move-clinical-data.ts';
import { recordTally } from '../registry/record-tally.ts';
import { loadVisiblePatient } from './get-patient.ts';
import * as repo from './repo.ts';

export interface MergeInput {
  survivorId: string;
  mergedId: string;
  reason: string;
}

/**
 * Merges a duplicate record into the survivor. Both histories are kept: every guardian, consent,
 * transfer, diagnosis, cycle and follow-up of the merged record moves to the survivor, the
 * merged record stays (pointing at the survivor, out of searches and counts) and the merge is
 * recorded with the number of rows moved per table.
 */
export async function mergePatients(s: Services, ctx: RequestContext, input: MergeInput) {
  if (input.survivorId === input.mergedId) throw validationFailed([{ field: 'mergedId', message: 'debe ser un registro distinto del que se conserva' }]);
  await loadVisiblePatient(s.db.orm, ctx, input.survivorId, 'MERGE');
  await loadVisiblePatient(s.db.orm, ctx, input.mergedId, 'MERGE');
  return s.db.transaction(async (tx) => {
    // Lock both rows in a fixed order so two concurrent merges cannot deadlock or cross.
    const [a, b] = [input.survivorId, input.mergedId].sort();
    const rows = new Map([[a!, await repo.lockPatientRow(tx, a!)], [b!, await repo.lockPatientRow(tx, b!)]]);
    const survivor = rows.get(input.survivorId)!;
    const merged = rows.get(input.mergedId)!;
    if (survivor.mergedInto || merged.mergedInto) {
      throw new AppError(409, 'ALREADY_MERGED', 'Uno de los registros ya fue fusionado con otro; recargue la página.', {
        errors: [{ field: survivor.mergedInto ? 'survivorId' : 'mergedId', message: 'ya fue fusionado' }],
      });
    }
    const moved = {
      ...(await repo.movePatientOwnedRows(tx, merged.id, survivor.id)),
      ...(await movePatientClinicalData(tx, merged.id, survivor.id)),
    };
    await repo.setPatientColumns(tx, merged.id, { mergedInto: survivor.id });
    await repo.insertMerge(tx, { survivorId: survivor.id, mergedId: merged.id, reason: input.reason, moved: JSON.stringify(moved), mergedBy: ctx.actor?.id ?? null });
    await recordTally(tx, [{ unitId: merged.unitId, patientId: merged.id, pediatric: merged.pediatric, delta: -1, reason: 'MERGE' }], s.now());
    await writeAuditInTx(tx, [
      ctx.auditRow({ action: 'MERGE', entity: 'patient', entityId: survivor.id, unitId: survivor.unitId, detail: { mergedId: merged.id, moved } }),
      ctx.auditRow({ action: 'MERGED_INTO', entity: 'patient', entityId: merged.id, unitId: merged.unitId, detail: { survivorId: survivor.id } }),
    ]);
    return { survivorId: survivor.id, mergedId: merged.id, moved };
  });
}
