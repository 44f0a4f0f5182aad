import { stringify } from 'csv-stringify/sync';
import type { RequestContext } from '../../platform/access/context.ts';
import { unitScope } from '../../platform/access/guard.ts';
import { notFound } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { neutralizeFormula } from './columns.ts';
import * as repo from './repo.ts';
import type { ImportRow, SkippedRow } from './repo.ts';
import { patientImports } from './schema.ts';

/** A COMMITTING import whose heartbeat is older than this was interrupted; a new commit resumes it. */
export const STALE_COMMIT_MS = 2 * 60 * 1000;
const INLINE_SKIPPED = 1000;

export interface ImportView {
  id: string;
  unitId: string;
  unitName: string;
  unitClues: string;
  fileName: string;
  format: 'CSV' | 'XLSX';
  status: ImportRow['status'];
  totalRows: number;
  acceptedRows: number;
  rejectedRows: number;
  processedRows: number;
  createdRows: number;
  skippedAsDuplicate: number;
  /** processed ÷ accepted, 0–100, for the wizard's progress bar. */
  percent: number;
  /** COMMITTING with no progress for minutes: the commit was interrupted; POST …/commit resumes it. */
  stalled: boolean;
  error: string | null;
  createdAt: Date;
  committedAt: Date | null;
  skipped: SkippedRow[];
}

export function importScope(ctx: RequestContext) {
  return unitScope(ctx, patientImports.unitId);
}

/** The import if the request may see its unit; 404 otherwise (an out-of-scope import is not acknowledged). */
export async function loadImport(s: Services, ctx: RequestContext, id: string): Promise<ImportRow> {
  const imp = await repo.findImport(s.db.orm, id, importScope(ctx));
  if (!imp) throw notFound('No existe una importación con ese identificador en sus unidades.', 'IMPORT_NOT_FOUND');
  return imp;
}

export async function toView(s: Services, imp: ImportRow, withSkipped = true): Promise<ImportView> {
  const skipped = withSkipped && imp.skippedRows > 0 ? (await repo.findImportLists(s.db.orm, imp.id)).skipped.slice(0, INLINE_SKIPPED) : [];
  return {
    id: imp.id,
    unitId: imp.unitId,
    unitName: imp.unitName,
    unitClues: imp.unitClues,
    fileName: imp.fileName,
    format: imp.format,
    status: imp.status,
    totalRows: imp.totalRows,
    acceptedRows: imp.acceptedRows,
    rejectedRows: imp.rejectedRows,
    processedRows: imp.processedRows,
    createdRows: imp.createdRows,
    skippedAsDuplicate: imp.skippedRows,
    percent: imp.acceptedRows === 0 ? (imp.status === 'COMMITTED' ? 100 : 0) : Math.floor((100 * imp.processedRows) / imp.acceptedRows),
    stalled: imp.status === 'COMMITTING' && s.now().getTime() - new Date(imp.updatedAt).getTime() > STALE_COMMIT_MS,
    error: imp.error,
    createdAt: new Date(imp.createdAt),
    committedAt: imp.committedAt ? new Date(imp.committedAt) : null,
    skipped,
  };
}

/** Status and counts of an import (polled by the web wizard for its progress bar). */
export async function getImport(s: Services, ctx: RequestContext, id: string): Promise<ImportView> {
  const imp = await loadImport(s, ctx, id);
  await ctx.audit({ action: 'READ', entity: 'patient_import', entityId: id, unitId: imp.unitId });
  return toView(s, imp);
}

/**
 * Every problem of an import as CSV (UTF-8 with BOM, ';' as Excel in Spanish expects): one line
 * per error of each rejected row, then the accepted rows skipped at commit because their CURP was
 * registered in the meantime.
 */
export async function rejectionsCsv(s: Services, ctx: RequestContext, id: string): Promise<{ fileName: string; body: Buffer }> {
  const imp = await loadImport(s, ctx, id);
  const { rejections, skipped } = await repo.findImportLists(s.db.orm, id);
  await ctx.audit({ action: 'READ', entity: 'patient_import', entityId: id, unitId: imp.unitId, detail: { rejections: rejections.length, skipped: skipped.length } });
  const records: string[][] = [];
  for (const r of rejections) for (const e of r.errors) records.push([String(r.row), r.curp ?? '', e.field, e.message]);
  for (const k of skipped) records.push([String(k.row), k.curp, 'curp', k.message]);
  const body = stringify(records.map((r) => r.map(neutralizeFormula)), { bom: true, delimiter: ';', header: true, columns: ['fila', 'curp', 'columna', 'error'] });
  const base = imp.fileName.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'importacion';
  return { fileName: `${base}_rechazos.csv`, body: Buffer.from(body, 'utf8') };
}
