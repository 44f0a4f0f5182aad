import type { RequestContext } from '../../platform/access/context.ts';
import { pgErrorCode, validationFailed, type FieldError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import type { ComplicationInput } from './clinical-schemas.ts';
import { applyClinicalSummary, checkClinicalDate, clinicalWrite, contactEvent, dayOf } from './clinical-write.ts';
import * as repo from './repo.ts';
import type { ComplicationDto } from './repo.ts';

const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** ONCOCREAN "hora dorada": antibiotic within 60 minutes of triage in febrile neutropenia. */
export const GOLDEN_HOUR_MINUTES = 60;

/** Minutes from triage to antibiotic, and whether a febrile neutropenia made the golden hour. */
export function withAntibioticTiming(c: ComplicationDto) {
  const minutesToAntibiotic = c.triageAt && c.antibioticAt ? Math.floor((c.antibioticAt.getTime() - c.triageAt.getTime()) / 60_000) : null;
  const withinGoldenHour = c.kind === 'FEBRILE_NEUTROPENIA' && minutesToAntibiotic !== null ? minutesToAntibiotic <= GOLDEN_HOUR_MINUTES : null;
  return { ...c, minutesToAntibiotic, withinGoldenHour };
}

/**
 * Records a complication by date and place. For febrile neutropenia the answer says how many
 * minutes passed from triage to the first antibiotic dose and whether that was within the hour.
 */
export async function recordComplication(s: Services, ctx: RequestContext, patientId: string, input: ComplicationInput) {
  return clinicalWrite(s, ctx, patientId, 'CREATE', async (w) => {
    const errors: FieldError[] = [];
    const onsetAt = new Date(input.onsetAt);
    const triageAt = input.triageAt ? new Date(input.triageAt) : null;
    const antibioticAt = input.antibioticAt ? new Date(input.antibioticAt) : null;
    const limit = w.now.getTime() + FUTURE_TOLERANCE_MS;
    for (const [field, at] of [['onsetAt', onsetAt], ['triageAt', triageAt], ['antibioticAt', antibioticAt]] as const) {
      if (!at) continue;
      if (at.getTime() > limit) errors.push({ field, message: 'no puede ser una fecha futura' });
      else checkClinicalDate(errors, field, dayOf(at), w);
    }
    if (triageAt && triageAt < onsetAt) errors.push({ field: 'triageAt', message: 'no puede ser anterior al inicio de la complicación' });
    if (antibioticAt && triageAt && antibioticAt < triageAt) errors.push({ field: 'antibioticAt', message: 'no puede ser anterior al triage' });
    if (errors.length) throw validationFailed(errors);
    let id: string;
    try {
      id = await repo.insertComplication(w.tx, {
        patientId,
        kind: input.kind,
        onsetAt,
        triageAt,
        antibioticAt,
        grade: input.grade ?? null,
        description: input.description,
        unitId: input.unitId ?? w.patient.unitId,
        recordedBy: w.actorId,
      });
    } catch (err) {
      if (pgErrorCode(err) === '23503') throw validationFailed([{ field: 'unitId', message: 'no existe una unidad médica con ese identificador' }]);
      throw err;
    }
    await applyClinicalSummary(w.tx, w.patient, contactEvent(w.patient, dayOf(triageAt ?? onsetAt)), w.now);
    const result = withAntibioticTiming((await repo.getComplication(w.tx, id))!);
    return {
      result,
      record: 'complication',
      recordId: id,
      detail: { kind: input.kind, minutesToAntibiotic: result.minutesToAntibiotic ?? undefined },
    };
  });
}
