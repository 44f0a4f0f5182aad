import type { RequestContext } from '../../platform/access/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { clinicalWrite } from './clinical-write.ts';
import { afterDiagnosesChanged, diagnosisVersionConflict, liveDiagnosis } from './diagnosis-rules.ts';
import * as repo from './repo.ts';

/**
 * Withdraws a diagnosis recorded in error: never deleted, marked with the reason (NOM-004). A
 * diagnosis that has treatment plans is corrected instead (PATCH).
 */
export async function deleteDiagnosis(s: Services, ctx: RequestContext, patientId: string, id: string, input: { reason: string; version?: number | undefined }) {
  return clinicalWrite(s, ctx, patientId, 'DELETE', async (w) => {
    const before = await liveDiagnosis(w.tx, patientId, id, input.version);
    const plans = await repo.countLivePlansOfDiagnosis(w.tx, id);
    if (plans > 0) {
      throw new AppError(409, 'DIAGNOSIS_HAS_PLANS', `El diagnóstico tiene ${plans === 1 ? 'un plan' : `${plans} planes`} de tratamiento: corríjalo en lugar de darlo de baja.`, {
        errors: [{ field: 'id', message: 'tiene planes de tratamiento' }],
      });
    }
    if (!(await repo.softDeleteDiagnosis(w.tx, id, before.version, input.reason, w.actorId, w.now))) throw diagnosisVersionConflict(before.version);
    await afterDiagnosesChanged(w);
    return { result: { id, deleted: true as const }, record: 'diagnosis', recordId: id };
  });
}
