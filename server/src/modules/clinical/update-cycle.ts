import type { RequestContext } from '../../platform/access/context.ts';
import { conflict, notFound, validationFailed, type FieldError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import type { CyclePatch } from './clinical-schemas.ts';
import { applyClinicalSummary, clinicalWrite, treatmentEvent } from './clinical-write.ts';
import { checkCycle, diagnosisDateOfPlan } from './cycle-rules.ts';
import * as repo from './repo.ts';

export const cycleVersionConflict = (current: number) =>
  conflict('VERSION_CONFLICT', 'Otra persona modificó este ciclo mientras lo editaba. Recargue el expediente y aplique sus cambios de nuevo.', [
    { field: 'version', message: `la versión actual es ${current}` },
  ]);

/**
 * Reschedules a cycle, marks it given (with its actual date), delayed or cancelled. Compare-and-
 * swap on the cycle's version: a stale version is a 409 and changes nothing.
 */
export async function updateCycle(s: Services, ctx: RequestContext, patientId: string, cycleId: string, input: CyclePatch) {
  return clinicalWrite(s, ctx, patientId, 'UPDATE', async (w) => {
    const before = await repo.findCycle(w.tx, patientId, cycleId);
    if (!before) throw notFound('El paciente no tiene un ciclo con ese identificador.', 'CYCLE_NOT_FOUND');
    if (before.version !== input.version) throw cycleVersionConflict(before.version);
    const plan = await repo.findPlan(w.tx, patientId, before.planId);
    const status = input.status ?? (input.actualDate ? 'GIVEN' : before.status);
    const actualDate = input.actualDate !== undefined ? input.actualDate : status === 'GIVEN' ? before.actualDate : null;
    const plannedDate = input.plannedDate ?? before.plannedDate;
    const errors: FieldError[] = [];
    checkCycle(errors, w, { plannedDate, actualDate, status }, plan ? await diagnosisDateOfPlan(w, plan) : null);
    if (errors.length) throw validationFailed(errors);
    const patch = {
      status,
      actualDate,
      plannedDate,
      ...(input.course !== undefined ? { course: input.course } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
    };
    if (!(await repo.updateCycle(w.tx, cycleId, input.version, patch))) throw cycleVersionConflict(before.version + 1);
    if (status === 'GIVEN' && actualDate) await applyClinicalSummary(w.tx, w.patient, treatmentEvent(w.patient, actualDate), w.now);
    const changed = Object.keys(patch).filter((k) => String(before[k as keyof typeof before] ?? '') !== String(patch[k as keyof typeof patch] ?? ''));
    return { result: (await repo.getCycle(w.tx, cycleId))!, record: 'treatment_cycle', recordId: cycleId, detail: { changed } };
  });
}
