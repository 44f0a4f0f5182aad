import type { RequestContext } from '../../platform/access/context.ts';
import { conflict, validationFailed, type FieldError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import type { ClinicalSummary } from '../patients/apply-clinical-summary.ts';
import type { StatusInput } from './clinical-schemas.ts';
import { checkClinicalDate, clinicalWrite, syncCurrentStatus } from './clinical-write.ts';
import * as repo from './repo.ts';

/**
 * Records a treatment status from a date (en tratamiento, vigilancia, completado, rechazo,
 * abandono, paliativo, fallecido, trasladado). The history keeps every entry; the patient shows
 * the latest-dated one, so a status entered late for an earlier date does not overwrite a newer
 * one. A death sets the vital status and the date of death, and closes the record to new statuses.
 */
export async function changeStatus(s: Services, ctx: RequestContext, patientId: string, input: StatusInput) {
  return clinicalWrite(s, ctx, patientId, 'CREATE', async (w) => {
    if (w.patient.vitalStatus === 'DECEASED') {
      throw conflict('PATIENT_DECEASED', `El paciente está registrado como fallecido desde ${w.patient.deathDate ?? 'fecha no registrada'}; su estado ya no cambia.`, [
        { field: 'status', message: 'el paciente está registrado como fallecido' },
      ]);
    }
    const errors: FieldError[] = [];
    checkClinicalDate(errors, 'since', input.since, w);
    if (errors.length) throw validationFailed(errors);
    const id = await repo.insertStatus(w.tx, {
      patientId,
      status: input.status,
      since: input.since,
      reason: input.reason ?? null,
      recordedBy: w.actorId,
    });
    const extra: ClinicalSummary = input.status === 'DECEASED' ? { vitalStatus: 'DECEASED', deathDate: input.since } : {};
    await syncCurrentStatus(w, extra);
    return { result: (await repo.getStatus(w.tx, id))!, record: 'treatment_status', recordId: id, detail: { status: input.status } };
  });
}
