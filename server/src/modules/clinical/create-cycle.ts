import type { RequestContext } from '../../platform/access/context.ts';
import { conflict, pgErrorCode, validationFailed, type FieldError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import type { CycleInput } from './clinical-schemas.ts';
import { applyClinicalSummary, clinicalWrite, treatmentEvent } from './clinical-write.ts';
import { checkCycle, diagnosisDateOfPlan } from './cycle-rules.ts';
import * as repo from './repo.ts';

/**
 * Adds cycle n of a plan's course, linked to the plan's previous cycle (and, when inserted
 * between two, re-linking the next one to it). One live cycle per number in a plan: a duplicate
 * is refused by the database's unique index (409). A cycle already given is a treatment event.
 */
export async function createCycle(s: Services, ctx: RequestContext, patientId: string, input: CycleInput) {
  return clinicalWrite(s, ctx, patientId, 'CREATE', async (w) => {
    const errors: FieldError[] = [];
    const plan = await repo.findPlan(w.tx, patientId, input.planId);
    if (!plan) throw validationFailed([{ field: 'planId', message: 'no es un plan de tratamiento vigente de este paciente' }]);
    const status = input.status ?? (input.actualDate ? 'GIVEN' : 'PLANNED');
    const actualDate = input.actualDate ?? null;
    checkCycle(errors, w, { plannedDate: input.plannedDate, actualDate, status }, await diagnosisDateOfPlan(w, plan));
    if (errors.length) throw validationFailed(errors);
    let id: string;
    try {
      id = await repo.insertCycle(w.tx, {
        planId: plan.id,
        patientId,
        course: input.course,
        cycleNumber: input.cycleNumber,
        previousCycleId: await repo.previousCycleId(w.tx, plan.id, input.cycleNumber),
        plannedDate: input.plannedDate,
        actualDate,
        status,
        notes: input.notes ?? null,
        unitId: w.patient.unitId,
        recordedBy: w.actorId,
      });
    } catch (err) {
      if (pgErrorCode(err) === '23505') {
        throw conflict('CYCLE_NUMBER_TAKEN', `El plan ${plan.protocol} ya tiene un ciclo ${input.cycleNumber}.`, [
          { field: 'cycleNumber', message: 'ya existe en este plan' },
        ]);
      }
      throw err;
    }
    await repo.relinkNextCycle(w.tx, plan.id, input.cycleNumber, id);
    if (status === 'GIVEN' && actualDate) await applyClinicalSummary(w.tx, w.patient, treatmentEvent(w.patient, actualDate), w.now);
    return { result: (await repo.getCycle(w.tx, id))!, record: 'treatment_cycle', recordId: id, detail: { status } };
  });
}
