import type { RequestContext } from '../../platform/access/context.ts';
import { validationFailed, type FieldError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import type { DiagnosisPatch } from './clinical-schemas.ts';
import { checkClinicalDate, clinicalWrite } from './clinical-write.ts';
import { diagnosisView } from './get-clinical-record.ts';
import { afterDiagnosesChanged, codedDiagnosis, diagnosisVersionConflict, liveDiagnosis } from './diagnosis-rules.ts';
import * as repo from './repo.ts';

/**
 * Corrects a diagnosis (codes re-validated and re-derived). The date may not move after the
 * start of the treatment given for it. Compare-and-swap on version.
 */
export async function updateDiagnosis(s: Services, ctx: RequestContext, patientId: string, id: string, input: DiagnosisPatch) {
  return clinicalWrite(s, ctx, patientId, 'UPDATE', async (w) => {
    const before = await liveDiagnosis(w.tx, patientId, id, input.version);
    const errors: FieldError[] = [];
    const codesTouched = input.topography !== undefined || input.morphology !== undefined || input.behaviour !== undefined;
    const coded = codesTouched
      ? codedDiagnosis(errors, {
          topography: input.topography ?? before.topography,
          morphology: input.morphology ?? before.morphology,
          behaviour: input.behaviour ?? (input.morphology?.includes('/') ? undefined : before.behaviour),
        })
      : null;
    const diagnosisDate = input.diagnosisDate ?? before.diagnosisDate;
    checkClinicalDate(errors, 'diagnosisDate', input.diagnosisDate, w);
    if (input.diagnosisDate) {
      const treated = await repo.earliestTreatmentOfDiagnosis(w.tx, id);
      if (treated && diagnosisDate > treated) errors.push({ field: 'diagnosisDate', message: `no puede ser posterior al inicio de su tratamiento (${treated})` });
    }
    if (errors.length) throw validationFailed(errors);
    const patch = {
      ...(coded ?? {}),
      ...(input.basis !== undefined ? { basis: input.basis } : {}),
      ...(input.diagnosisDate !== undefined ? { diagnosisDate } : {}),
      ...(input.laterality !== undefined ? { laterality: input.laterality } : {}),
      ...(input.stage !== undefined ? { stage: input.stage } : {}),
      ...(input.riskGroup !== undefined ? { riskGroup: input.riskGroup } : {}),
    };
    if (!(await repo.updateDiagnosis(w.tx, id, input.version, patch))) throw diagnosisVersionConflict(before.version);
    await afterDiagnosesChanged(w);
    const changed = Object.keys(patch).filter((k) => String(before[k as keyof typeof before] ?? '') !== String(patch[k as keyof typeof patch] ?? ''));
    return { result: diagnosisView((await repo.getDiagnosis(w.tx, id))!, w.patient.birthDate), record: 'diagnosis', recordId: id, detail: { changed } };
  });
}
