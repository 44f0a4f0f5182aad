import type { RequestContext } from '../../platform/access/context.ts';
import { validationFailed, type FieldError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import type { OtherTreatmentInput } from './clinical-schemas.ts';
import { applyClinicalSummary, checkClinicalDate, clinicalWrite, treatmentEvent } from './clinical-write.ts';
import * as repo from './repo.ts';

/** Records radiotherapy, surgery or a transplant: a treatment event on its last known day. */
export async function recordOtherTreatment(s: Services, ctx: RequestContext, patientId: string, input: OtherTreatmentInput) {
  return clinicalWrite(s, ctx, patientId, 'CREATE', async (w) => {
    const errors: FieldError[] = [];
    checkClinicalDate(errors, 'startDate', input.startDate, w);
    checkClinicalDate(errors, 'endDate', input.endDate, w);
    if (input.endDate && input.endDate < input.startDate) errors.push({ field: 'endDate', message: 'no puede ser anterior a la fecha de inicio' });
    if (input.kind !== 'RADIOTHERAPY') {
      if (input.doseGy != null) errors.push({ field: 'doseGy', message: 'solo aplica a radioterapia' });
      if (input.fractions != null) errors.push({ field: 'fractions', message: 'solo aplica a radioterapia' });
    }
    if (errors.length) throw validationFailed(errors);
    const id = await repo.insertOtherTreatment(w.tx, {
      patientId,
      kind: input.kind,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      description: input.description,
      doseGy: input.doseGy == null ? null : String(input.doseGy),
      fractions: input.fractions ?? null,
      subtype: input.subtype ?? null,
      unitId: w.patient.unitId,
      recordedBy: w.actorId,
    });
    await applyClinicalSummary(w.tx, w.patient, treatmentEvent(w.patient, input.endDate ?? input.startDate), w.now);
    return { result: (await repo.getOtherTreatment(w.tx, id))!, record: 'other_treatment', recordId: id, detail: { kind: input.kind } };
  });
}
