import type { Db, Tx } from '../../platform/db/gateway.ts';
import * as repo from './repo.ts';

export type { BulkDiagnosisRow, ExportDiagnosisRow } from './repo.ts';

/**
 * The clinical module's bulk door for the spreadsheet import: the first primary of each newly
 * registered patient (ICD-10 and ICCC-3 already derived by the caller with the domain converters),
 * in the caller's transaction.
 */
export async function recordFirstDiagnoses(tx: Tx, rows: readonly repo.BulkDiagnosisRow[]): Promise<void> {
  await repo.insertFirstDiagnosesBulk(tx, rows);
}

/** Live diagnoses of these patients (for the unit export), in multiple-primary order. */
export async function listDiagnosesOf(db: Db, patientIds: readonly string[]): Promise<repo.ExportDiagnosisRow[]> {
  return repo.readDiagnosesOf(db, patientIds);
}
