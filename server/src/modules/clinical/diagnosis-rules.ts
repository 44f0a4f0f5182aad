import { conflict, notFound, type FieldError } from '../../platform/errors.ts';
import type { Tx } from '../../platform/db/gateway.ts';
import { parseIcdO3 } from '../registry/domain/icdo3.ts';
import { applyClinicalSummary, pediatricNow, type WriteScope } from './clinical-write.ts';
import { deriveCodes } from './diagnosis-codes.ts';
import * as repo from './repo.ts';

/** ICD-O-3 validated with field-named errors; ICD-10 and ICCC-3 derived from it. */
export function codedDiagnosis(errors: FieldError[], input: { topography: string; morphology: string; behaviour?: number | null | undefined }) {
  const parsed = parseIcdO3({ topography: input.topography, morphology: input.morphology, behaviour: input.behaviour ?? null });
  if (!parsed.ok) {
    errors.push(...parsed.errors);
    return null;
  }
  return { topography: parsed.topography, morphology: parsed.morphology, behaviour: parsed.behaviour, ...deriveCodes(parsed.topography, parsed.morphology, parsed.behaviour) };
}

/** After diagnoses change: multiple-primary order, and the pediatric flag from the earliest one. */
export async function afterDiagnosesChanged(w: WriteScope): Promise<void> {
  await repo.renumberDiagnoses(w.tx, w.patient.id);
  await applyClinicalSummary(w.tx, w.patient, { pediatric: await pediatricNow(w) }, w.now);
}

export const diagnosisVersionConflict = (current: number) =>
  conflict('VERSION_CONFLICT', 'Otra persona modificó este diagnóstico mientras lo editaba. Recargue el expediente y aplique sus cambios de nuevo.', [
    { field: 'version', message: `la versión actual es ${current}` },
  ]);

/** The live diagnosis of this patient, at the version the client read (when it says). */
export async function liveDiagnosis(tx: Tx, patientId: string, id: string, version: number | undefined) {
  const before = await repo.findDiagnosis(tx, patientId, id);
  if (!before) throw notFound('El paciente no tiene un diagnóstico vigente con ese identificador.', 'DIAGNOSIS_NOT_FOUND');
  if (version !== undefined && before.version !== version) throw diagnosisVersionConflict(before.version);
  return before;
}
