import type { Tx } from '../../platform/db/gateway.ts';
import { recordTally } from '../registry/record-tally.ts';
import * as repo from './repo.ts';
import type { PatientRow } from './repo.ts';

export type ClinicalSummary = Partial<
  Pick<PatientRow, 'pediatric' | 'treatmentStatus' | 'statusSince' | 'vitalStatus' | 'deathDate' | 'lastContactOn' | 'lastTreatmentOn' | 'curativeIntent' | 'traceReasonOn'>
>;

/**
 * Locks the patient row for a clinical write (serialises concurrent writes to one record) and
 * returns it. Call first inside the transaction, then applyClinicalSummary.
 */
export async function lockPatientForClinicalWrite(tx: Tx, id: string): Promise<PatientRow> {
  const row = await repo.lockPatientRow(tx, id);
  if (!row) throw new Error(`patient ${id} vanished inside its transaction`);
  return row;
}

/**
 * Copies what the clinical module derives (current status, last contact/treatment, curative
 * intent, pediatric flag from age at diagnosis) onto the patient. A pediatric/adult change moves
 * the patient between the unit's pediatric and adult counts.
 */
export async function applyClinicalSummary(tx: Tx, before: PatientRow, patch: ClinicalSummary, at: Date): Promise<void> {
  const changes = Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && before[k as keyof PatientRow] !== v));
  if (Object.keys(changes).length === 0) return;
  await repo.setPatientColumns(tx, before.id, changes);
  if (patch.pediatric !== undefined && patch.pediatric !== before.pediatric && !before.mergedInto) {
    await recordTally(tx, [
      { unitId: before.unitId, patientId: before.id, pediatric: before.pediatric, delta: -1, reason: 'RECLASSIFY' },
      { unitId: before.unitId, patientId: before.id, pediatric: patch.pediatric, delta: 1, reason: 'RECLASSIFY' },
    ], at);
  }
}
