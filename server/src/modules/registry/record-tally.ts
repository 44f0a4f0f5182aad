import type { Db } from '../../platform/db/gateway.ts';
import { insertTallyEvents, type TallyEvent } from './repo.ts';

export type { TallyEvent };

/**
 * Records changes to the per-unit registered counts, in the caller's transaction: registrations,
 * transfers, merges and pediatric/adult reclassifications. Progress and weekly deltas read these.
 */
export async function recordTally(tx: Db, events: readonly TallyEvent[], at?: Date): Promise<void> {
  await insertTallyEvents(tx, events, at);
}
