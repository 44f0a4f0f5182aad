import type { Tx } from '../../platform/db/gateway.ts';
import * as repo from './repo.ts';

/** For a patient merge: moves every clinical record of `fromId` to `toId`, in the caller's transaction. */
export async function movePatientClinicalData(tx: Tx, fromId: string, toId: string): Promise<Record<string, number>> {
  return repo.reassignPatientRows(tx, fromId, toId);
}
