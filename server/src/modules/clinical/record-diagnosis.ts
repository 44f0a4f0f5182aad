import type { RequestContext } from '../../platform/access/context.ts';
import { validationFailed, type FieldError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import type { DiagnosisInput } from './clinical-schemas.ts';
import { checkClinicalDate, clinicalWrite } from './clinical-write.ts';
import { afterDiagnosesChanged, codedDiagnosis } from './diagnosis-rules.ts';
import { diagnosisView } from './get-clinical-record.ts';
import * as repo from './repo.ts';

/**
 * Records a primary tumour coded in ICD-O-3. ICD-10 and the ICCC-3 group/subgroup are derived;
 * diagnoses are numbered by date (multiple primaries); the patient is pediatric when the
 * earliest diagnosis came before 18, which may move them between the unit's counts.
 */
export async function recordDiagnosis(s: Services, ctx: RequestContext, patientId: string, input: DiagnosisInput) {
  return clinicalWrite(s, ctx, patientId, 'CREATE', async (w) => {
    const errors: FieldError[] = [];
    const coded = codedDiagnosis(errors, input);
    checkClinicalDate(errors, 'diagnosisDate', input.diagnosisDate, w);
    if (errors.length || !coded) throw validationFailed(errors);
    const id = await repo.insertDiagnosis(w.tx, {
      patientId,
      sequence: 1,
      ...coded,
      basis: input.basis,
      diagnosisDate: input.diagnosisDate,
      laterality: input.laterality,
      stage: input.stage ?? null,
      riskGroup: input.riskGroup ?? null,
      unitId: w.patient.unitId,
      recordedBy: w.actorId,
    });
    await afterDiagnosesChanged(w);
    const dto = (await repo.getDiagnosis(w.tx, id))!;
    return {
      result: diagnosisView(dto, w.patient.birthDate),
      record: 'diagnosis',
      recordId: id,
      detail: { icccGroup: dto.icccGroup ?? undefined },
    };
  });
}
