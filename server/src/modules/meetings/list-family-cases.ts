import type { Db } from '../../platform/db/gateway.ts';
import { CASE_STATUS_LABELS } from './labels.ts';
import * as repo from './repo.ts';

export interface FamilyCase {
  code: string | null;
  title: string;
  status: string;
  statusLabel: string;
  meetingNumber: number | null;
  receivedAt: Date;
  lastUpdateDate: string | null;
  lastUpdateText: string | null;
}

/**
 * The casos específicos of a family's children, for the family itself (the ChatBot's "Estado de
 * mis casos"): code, title, status and the latest follow-up, nothing about other families. The
 * caller has already established that the children are theirs.
 */
export async function listFamilyCases(db: Db, patientIds: readonly string[], limit = 10): Promise<FamilyCase[]> {
  const rows = await repo.familyCases(db, patientIds, limit);
  return rows.map(({ id: _id, ...r }) => ({ ...r, statusLabel: CASE_STATUS_LABELS[r.status] }));
}
