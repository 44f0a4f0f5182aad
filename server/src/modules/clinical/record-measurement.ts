import type { RequestContext } from '../../platform/access/context.ts';
import { validationFailed, type FieldError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { ageInYears, bodySurfaceArea, checkHeight, checkWeight } from '../registry/domain/anthropometry.ts';
import type { MeasurementInput } from './clinical-schemas.ts';
import { applyClinicalSummary, checkClinicalDate, clinicalWrite, contactEvent } from './clinical-write.ts';
import * as repo from './repo.ts';

/**
 * Records a dated weight and height with its body-surface area (Mosteller). Implausible values
 * for the child's age at that date (400 kg, negative, grams typed as kilograms) are refused with
 * the field named.
 */
export async function recordMeasurement(s: Services, ctx: RequestContext, patientId: string, input: MeasurementInput) {
  return clinicalWrite(s, ctx, patientId, 'CREATE', async (w) => {
    const errors: FieldError[] = [];
    checkClinicalDate(errors, 'measuredOn', input.measuredOn, w);
    const age = input.measuredOn >= w.patient.birthDate ? ageInYears(w.patient.birthDate, input.measuredOn) : 0;
    const weightError = checkWeight(input.weightKg, age);
    if (weightError) errors.push({ field: 'weightKg', message: weightError });
    const heightError = checkHeight(input.heightCm, age);
    if (heightError) errors.push({ field: 'heightCm', message: heightError });
    if (errors.length) throw validationFailed(errors);
    const weightKg = Math.round(input.weightKg * 100) / 100;
    const heightCm = Math.round(input.heightCm * 10) / 10;
    const id = await repo.insertMeasurement(w.tx, {
      patientId,
      measuredOn: input.measuredOn,
      weightKg: String(weightKg),
      heightCm: String(heightCm),
      bsa: String(bodySurfaceArea(weightKg, heightCm)),
      recordedBy: w.actorId,
    });
    await applyClinicalSummary(w.tx, w.patient, contactEvent(w.patient, input.measuredOn), w.now);
    return { result: (await repo.getMeasurement(w.tx, id))!, record: 'measurement', recordId: id };
  });
}
