import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/gateway.ts';
import type { BatchPatient } from '../patients/register-patients-batch.ts';
import type { ImportStatus } from './schema.ts';

export interface Rejection {
  row: number;
  curp?: string | undefined;
  errors: { field: string; message: string }[];
}

export interface SkippedRow {
  row: number;
  curp: string;
  message: string;
}

/** An accepted row waiting for the commit: the spreadsheet row number and the registration. */
export interface StagedRow {
  row: number;
  patient: BatchPatient;
}

export interface ImportRow {
  id: string;
  unitId: string;
  unitName: string;
  unitClues: string;
  fileName: string;
  format: 'CSV' | 'XLSX';
  status: ImportStatus;
  totalRows: number;
  acceptedRows: number;
  rejectedRows: number;
  processedRows: number;
  createdRows: number;
  skippedRows: number;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
  committedAt: Date | null;
}

// No alias on patient_imports: unitScope() renders its column as "patient_imports"."unit_id".
const IMPORT_COLUMNS = sql.raw(`patient_imports.id, patient_imports.unit_id AS "unitId", u.short_name AS "unitName", u.clues AS "unitClues",
  patient_imports.file_name AS "fileName", patient_imports.format, patient_imports.status, patient_imports.total_rows AS "totalRows",
  patient_imports.accepted_rows AS "acceptedRows", patient_imports.rejected_rows AS "rejectedRows",
  patient_imports.processed_rows AS "processedRows", patient_imports.created_rows AS "createdRows",
  patient_imports.skipped_rows AS "skippedRows", patient_imports.error, patient_imports.created_at AS "createdAt",
  patient_imports.updated_at AS "updatedAt", patient_imports.committed_at AS "committedAt"`);
const FROM_IMPORTS = sql.raw(`patient_imports JOIN units u ON u.id = patient_imports.unit_id`);

export async function insertImport(
  db: Db,
  v: { unitId: string; fileName: string; format: 'CSV' | 'XLSX'; totalRows: number; acceptedRows: number; rejectedRows: number; rejections: Rejection[]; createdBy: string | null },
): Promise<string> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`INSERT INTO patient_imports (unit_id, file_name, format, status, total_rows, accepted_rows, rejected_rows, rejections, created_by)
        VALUES (${v.unitId}::uuid, ${v.fileName}, ${v.format}, 'VALIDATED', ${v.totalRows}, ${v.acceptedRows}, ${v.rejectedRows},
          ${JSON.stringify(v.rejections)}::jsonb, ${v.createdBy}::uuid)
        RETURNING id`,
  );
  return rows[0]!.id;
}

export async function insertChunk(db: Db, importId: string, seq: number, rows: StagedRow[]): Promise<void> {
  await db.execute(
    sql`INSERT INTO patient_import_chunks (import_id, seq, row_count, rows) VALUES (${importId}::uuid, ${seq}, ${rows.length}, ${JSON.stringify(rows)}::jsonb)`,
  );
}

/** The import if its unit is within `scope` (a condition on i.unit_id). */
export async function findImport(db: Db, id: string, scope: SQL): Promise<ImportRow | undefined> {
  const rows = await rowsOf<ImportRow>(db, sql`SELECT ${IMPORT_COLUMNS} FROM ${FROM_IMPORTS} WHERE patient_imports.id = ${id}::uuid AND ${scope}`);
  return rows[0];
}

export async function findImportLists(db: Db, id: string): Promise<{ rejections: Rejection[]; skipped: SkippedRow[] }> {
  const rows = await rowsOf<{ rejections: Rejection[] | string; skipped: SkippedRow[] | string }>(
    db,
    sql`SELECT rejections, skipped FROM patient_imports WHERE id = ${id}::uuid`,
  );
  const r = rows[0];
  const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return r ? { rejections: parse(r.rejections), skipped: parse(r.skipped) } : { rejections: [], skipped: [] };
}

/**
 * Compare-and-swap into COMMITTING: from VALIDATED, from FAILED (a retry), or from a COMMITTING
 * whose heartbeat is older than `staleBefore` (the process running it died). Only one caller wins.
 */
export async function claimForCommit(db: Db, id: string, staleBefore: Date): Promise<boolean> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`UPDATE patient_imports SET status = 'COMMITTING', error = NULL, updated_at = now()
        WHERE id = ${id}::uuid
          AND (status IN ('VALIDATED', 'FAILED') OR (status = 'COMMITTING' AND updated_at < ${staleBefore.toISOString()}::timestamptz))
        RETURNING id`,
  );
  return rows.length === 1;
}

/** The next staged batch (lowest sequence), or undefined when all were committed. */
export async function nextChunk(db: Db, importId: string): Promise<{ seq: number; rows: StagedRow[] } | undefined> {
  const rows = await rowsOf<{ seq: number; rows: StagedRow[] | string }>(
    db,
    sql`SELECT seq, rows FROM patient_import_chunks WHERE import_id = ${importId}::uuid ORDER BY seq LIMIT 1`,
  );
  const r = rows[0];
  if (!r) return undefined;
  return { seq: r.seq, rows: typeof r.rows === 'string' ? (JSON.parse(r.rows) as StagedRow[]) : r.rows };
}

/**
 * Consumes one staged batch inside the batch's transaction: deletes it (so a resumed commit
 * never sees it again) and adds its counts. Returns false when the chunk was already consumed
 * (another runner took it over), so the caller rolls its transaction back.
 */
export async function consumeChunk(db: Db, importId: string, seq: number, counts: { processed: number; created: number; skipped: SkippedRow[] }): Promise<boolean> {
  const deleted = await rowsOf<{ seq: number }>(
    db,
    sql`DELETE FROM patient_import_chunks WHERE import_id = ${importId}::uuid AND seq = ${seq} RETURNING seq`,
  );
  if (deleted.length === 0) return false;
  await db.execute(
    sql`UPDATE patient_imports SET processed_rows = processed_rows + ${counts.processed}, created_rows = created_rows + ${counts.created},
          skipped_rows = skipped_rows + ${counts.skipped.length}, skipped = skipped || ${JSON.stringify(counts.skipped)}::jsonb, updated_at = now()
        WHERE id = ${importId}::uuid`,
  );
  return true;
}

export async function markCommitted(db: Db, importId: string): Promise<void> {
  await db.execute(
    sql`UPDATE patient_imports SET status = 'COMMITTED', committed_at = now(), updated_at = now() WHERE id = ${importId}::uuid AND status = 'COMMITTING'`,
  );
}

export async function markFailed(db: Db, importId: string, error: string): Promise<void> {
  await db.execute(sql`UPDATE patient_imports SET status = 'FAILED', error = ${error}, updated_at = now() WHERE id = ${importId}::uuid AND status = 'COMMITTING'`);
}

/** Recent imports of the units in scope, newest first (keyset on created_at, id). */
export async function listImports(db: Db, scope: SQL, unitId: string | undefined, after: { t: string; id: string } | null, limit: number): Promise<ImportRow[]> {
  return rowsOf<ImportRow>(
    db,
    sql`SELECT ${IMPORT_COLUMNS} FROM ${FROM_IMPORTS}
        WHERE ${scope} ${unitId ? sql`AND patient_imports.unit_id = ${unitId}::uuid` : sql``}
          ${after ? sql`AND (patient_imports.created_at, patient_imports.id) < (${after.t}::timestamptz, ${after.id}::uuid)` : sql``}
        ORDER BY patient_imports.created_at DESC, patient_imports.id DESC LIMIT ${limit}`,
  );
}
