import type { Db } from '../../platform/db/gateway.ts';
import * as repo from './repo.ts';

export interface UnitBrief {
  id: string;
  shortName: string;
  clues: string;
  state: string;
  active: boolean;
}

const TTL_MS = 10_000;
const cache = new Map<string, { at: number; unit: UnitBrief | undefined }>();

/**
 * A unit's name, CLUES and active flag for other modules' hot paths (every registration checks
 * its unit). Cached for 10 s in the process; this module's own writes clear the entry at once.
 */
export async function getUnitBrief(db: Db, id: string): Promise<UnitBrief | undefined> {
  const hit = cache.get(id);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.unit;
  const row = await repo.findUnit(db, id);
  const unit = row ? { id: row.id, shortName: row.shortName, clues: row.clues, state: row.state, active: row.active } : undefined;
  cache.set(id, { at: Date.now(), unit });
  return unit;
}

export function forgetUnitBrief(id: string): void {
  cache.delete(id);
}
