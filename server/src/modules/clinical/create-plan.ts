import type { RequestContext } from '../../platform/access/context.ts';
import { validationFailed, type FieldError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import type { PlanInput } from './clinical-schemas.ts';
import { checkClinicalDate, clinicalWrite, syncCurrentStatus, treatmentEvent } from './clinical-write.ts';
import * as repo from './repo.ts';

/** Statuses a new plan starts treatment from: never started, or finished and now relapsed. */
const STARTS_FROM = new Set(['NEW', 'SURVEILLANCE', 'COMPLETED']);

/**
 * Starts a protocol/regimen for one of the patient's diagnoses. A curative plan turns on
 * abandonment tracing (curativeIntent) and puts a patient who was not on treatment ON_TREATMENT
 * from the plan's start; a palliative plan for a patient never treated sets PALLIATIVE. Either way
 * the status change is written to the history.
 */
export async function createPlan(s: Services, ctx: RequestContext, patientId: string, input: PlanInput) {
  return clinicalWrite(s, ctx, patientId, 'CREATE', async (w) => {
    const errors: FieldError[] = [];
    const diagnosis = await repo.findDiagnosis(w.tx, patientId, input.diagnosisId);
    if (!diagnosis) errors.push({ field: 'diagnosisId', message: 'no es un diagnóstico vigente de este paciente' });
    checkClinicalDate(errors, 'startDate', input.startDate, w);
    if (diagnosis && input.startDate < diagnosis.diagnosisDate) {
      errors.push({ field: 'startDate', message: `no puede ser anterior a la fecha de diagnóstico (${diagnosis.diagnosisDate})` });
    }
    if (errors.length) throw validationFailed(errors);
    const id = await repo.insertPlan(w.tx, {
      patientId,
      diagnosisId: input.diagnosisId,
      protocol: input.protocol,
      intent: input.intent,
      startDate: input.startDate,
      plannedCycles: input.plannedCycles ?? null,
      cycleLengthDays: input.cycleLengthDays ?? null,
      recordedBy: w.actorId,
    });
    const from = w.patient.treatmentStatus;
    const next = input.intent === 'CURATIVE' ? (STARTS_FROM.has(from) ? 'ON_TREATMENT' : null) : from === 'NEW' ? 'PALLIATIVE' : null;
    if (next) {
      await repo.insertStatus(w.tx, {
        patientId,
        status: next,
        since: input.startDate,
        reason: `Inicio del plan ${input.protocol}`,
        recordedBy: w.actorId,
      });
    }
    await syncCurrentStatus(w, {
      ...treatmentEvent(w.patient, input.startDate),
      ...(input.intent === 'CURATIVE' ? { curativeIntent: true } : {}),
    });
    return { result: (await repo.getPlan(w.tx, id))!, record: 'treatment_plan', recordId: id, detail: { intent: input.intent, status: next ?? undefined } };
  });
}
