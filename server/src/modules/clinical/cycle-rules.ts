import type { FieldError } from '../../platform/errors.ts';
import { checkClinicalDate, type WriteScope } from './clinical-write.ts';
import * as repo from './repo.ts';
import type { PlanRow } from './repo.ts';

/** The diagnosis date a plan's cycles may not precede (the plan's diagnosis, else the earliest). */
export async function diagnosisDateOfPlan(w: WriteScope, plan: PlanRow): Promise<string | null> {
  const dx = plan.diagnosisId ? await repo.findDiagnosis(w.tx, w.patient.id, plan.diagnosisId) : undefined;
  return dx?.diagnosisDate ?? (await repo.earliestDiagnosisDate(w.tx, w.patient.id));
}

/**
 * Dates and status of a cycle, as a whole: planned and actual dates not before the diagnosis,
 * the actual date not in the future, and an actual date exactly when the cycle was given.
 */
export function checkCycle(
  errors: FieldError[],
  w: WriteScope,
  c: { plannedDate: string; actualDate: string | null; status: string },
  diagnosisDate: string | null,
): void {
  checkClinicalDate(errors, 'plannedDate', c.plannedDate, w, { future: true });
  checkClinicalDate(errors, 'actualDate', c.actualDate, w);
  if (diagnosisDate) {
    if (c.plannedDate < diagnosisDate) errors.push({ field: 'plannedDate', message: `no puede ser anterior a la fecha de diagnóstico (${diagnosisDate})` });
    if (c.actualDate && c.actualDate < diagnosisDate) errors.push({ field: 'actualDate', message: `no puede ser anterior a la fecha de diagnóstico (${diagnosisDate})` });
  }
  if (c.status === 'GIVEN' && !c.actualDate) errors.push({ field: 'actualDate', message: 'es obligatoria cuando el ciclo se aplicó (estado GIVEN)' });
  if (c.status !== 'GIVEN' && c.actualDate) errors.push({ field: 'actualDate', message: 'solo se registra cuando el ciclo se aplicó (estado GIVEN)' });
}
