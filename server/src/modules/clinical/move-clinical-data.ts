import { dateInMexico } from '../../platform/time.ts';
import type { Tx } from '../../platform/db/gateway.ts';
import { ageInYears } from '../registry/domain/anthropometry.ts';
import { applyClinicalSummary, lockPatientForClinicalWrite } from '../patients/apply-clinical-summary.ts';
import { later } from './clinical-write.ts';
import * as repo from './repo.ts';

/**
 * For a patient merge: moves every clinical record of `fromId` to `toId`, in the caller's
 * transaction, renumbers the survivor's primaries and brings the survivor's summary up to date
 * with the records it received (status in force, last treatment and contact, curative intent,
 * tracing, pediatric flag from the earliest diagnosis). The status history has already moved
 * with the patient module's rows.
 */
export async function movePatientClinicalData(tx: Tx, fromId: string, toId: string): Promise<Record<string, number>> {
  const moved = await repo.reassignPatientRows(tx, fromId, toId);
  const survivor = await lockPatientForClinicalWrite(tx, toId);
  const summary = await repo.clinicalSummaryOf(tx, toId);
  const current = await repo.currentStatus(tx, toId);
  const earliest = await repo.earliestDiagnosisDate(tx, toId);
  await applyClinicalSummary(
    tx,
    survivor,
    {
      lastTreatmentOn: later(survivor.lastTreatmentOn, summary.lastTreatmentOn),
      lastContactOn: later(survivor.lastContactOn, summary.lastContactOn),
      traceReasonOn: later(survivor.traceReasonOn, summary.traceReasonOn),
      curativeIntent: survivor.curativeIntent || summary.curativeIntent,
      ...(current ? { treatmentStatus: current.status, statusSince: current.since } : {}),
      ...(current?.status === 'DECEASED' ? { vitalStatus: 'DECEASED' as const, deathDate: survivor.deathDate ?? current.since } : {}),
      pediatric: ageInYears(survivor.birthDate, earliest ?? dateInMexico(survivor.registeredAt)) < 18,
    },
    new Date(),
  );
  return moved;
}
