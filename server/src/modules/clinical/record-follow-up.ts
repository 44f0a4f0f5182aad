import type { RequestContext } from '../../platform/access/context.ts';
import { validationFailed, type FieldError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import type { ClinicalSummary } from '../patients/apply-clinical-summary.ts';
import type { FollowUpInput } from './clinical-schemas.ts';
import { applyClinicalSummary, checkClinicalDate, clinicalWrite, contactEvent, later } from './clinical-write.ts';
import * as repo from './repo.ts';

/**
 * Records a contact (visit, call, home visit, abandonment trace) with vital and disease status.
 * An abandonment trace carries the reason why the patient has had no treatment event, and takes
 * the patient off the unit's abandonment-suspect worklist until the next 4-week gap.
 */
export async function recordFollowUp(s: Services, ctx: RequestContext, patientId: string, input: FollowUpInput) {
  return clinicalWrite(s, ctx, patientId, 'CREATE', async (w) => {
    const errors: FieldError[] = [];
    checkClinicalDate(errors, 'contactDate', input.contactDate, w);
    if (input.vitalStatus === 'DECEASED' && w.patient.vitalStatus !== 'DECEASED') {
      errors.push({ field: 'vitalStatus', message: 'para registrar una defunción registre el estado DECEASED con su fecha (POST …/status)' });
    }
    if (input.vitalStatus === 'ALIVE' && w.patient.vitalStatus === 'DECEASED') {
      errors.push({ field: 'vitalStatus', message: `el paciente está registrado como fallecido (${w.patient.deathDate ?? 'sin fecha'})` });
    }
    if (errors.length) throw validationFailed(errors);
    const id = await repo.insertFollowUp(w.tx, {
      patientId,
      contactDate: input.contactDate,
      kind: input.kind,
      vitalStatus: input.vitalStatus,
      diseaseStatus: input.diseaseStatus ?? null,
      traceReason: input.traceReason ?? null,
      notes: input.notes ?? null,
      unitId: w.patient.unitId,
      recordedBy: w.actorId,
    });
    const patch: ClinicalSummary = contactEvent(w.patient, input.contactDate);
    if (input.kind === 'ABANDONMENT_TRACE') patch.traceReasonOn = later(w.patient.traceReasonOn, input.contactDate);
    if (input.vitalStatus === 'ALIVE' && w.patient.vitalStatus === 'UNKNOWN') patch.vitalStatus = 'ALIVE';
    await applyClinicalSummary(w.tx, w.patient, patch, w.now);
    return { result: (await repo.getFollowUp(w.tx, id))!, record: 'follow_up', recordId: id, detail: { kind: input.kind } };
  });
}
