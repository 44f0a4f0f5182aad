import { dateInMexico } from '../../platform/time.ts';
import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import type { FieldError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { assertWritableUnit } from '../patients/create-patient.ts';
import { findRegisteredCurps } from '../patients/register-patients-batch.ts';
import { readSpreadsheet } from './read-spreadsheet.ts';
import * as repo from './repo.ts';
import type { Rejection, StagedRow } from './repo.ts';
import { validateRow } from './validate-row.ts';

/** Accepted rows per commit batch (one multi-row INSERT and one transaction each). */
export const COMMIT_BATCH_ROWS = 1000;
/** Rejections returned inline; the full list is at GET /registry/imports/{id}/rejections.csv. */
export const INLINE_REJECTIONS = 1000;

export interface DryRunReport {
  id: string;
  unitId: string;
  fileName: string;
  format: 'CSV' | 'XLSX';
  status: 'VALIDATED';
  totalRows: number;
  acceptedRows: number;
  rejectedRows: number;
  rejections: Rejection[];
  rejectionsTruncated: boolean;
}

/**
 * Dry run of a spreadsheet import into one unit: reads the file, validates every row with the
 * same rules as a single registration, finds CURPs repeated in the file and CURPs already
 * registered (one query for the whole file), and stages the accepted rows for the commit. A
 * problem with the file as a whole (not a spreadsheet, wrong columns, empty, too many rows) is a
 * 400 and nothing is stored. Nothing is registered until the commit.
 */
export async function dryRunImport(s: Services, ctx: RequestContext, input: { unitId: string; fileName: string; data: Buffer }): Promise<DryRunReport> {
  await assertWritableUnit(s.db.orm, ctx, input.unitId);
  const sheet = await readSpreadsheet(input.fileName, input.data);
  const today = dateInMexico(s.now());

  const outcomes = sheet.rows.map((r) => ({ row: r.row, outcome: validateRow(r.cells, input.unitId, today) }));

  // CURPs repeated within the file: the first row keeps it, later rows are rejected.
  const firstRowOf = new Map<string, number>();
  const extra = new Map<number, FieldError[]>();
  for (const { row, outcome } of outcomes) {
    const curp = outcome.ok ? outcome.patient.curp : outcome.curpValid ? outcome.curp! : undefined;
    if (!curp) continue;
    const first = firstRowOf.get(curp);
    if (first === undefined) firstRowOf.set(curp, row);
    else extra.set(row, [{ field: 'curp', message: `está repetida en el archivo: ya aparece en la fila ${first}` }]);
  }

  // CURPs already registered: one query for the whole file.
  const registered = new Map((await findRegisteredCurps(s.db.orm, [...firstRowOf.keys()])).map((r) => [r.curp, r]));
  for (const { row, outcome } of outcomes) {
    const curp = outcome.ok ? outcome.patient.curp : outcome.curpValid ? outcome.curp! : undefined;
    const hit = curp ? registered.get(curp) : undefined;
    if (!hit) continue;
    const where =
      hit.unitId === input.unitId
        ? 'en esta unidad'
        : ctx.visibleUnits === 'ALL' || ctx.visibleUnits.includes(hit.unitId)
          ? `en ${hit.unitName}`
          : 'en otra unidad de la red (solicite a Coordinación el traslado)';
    const list = extra.get(row) ?? [];
    list.push({ field: 'curp', message: `ya está registrada ${where}` });
    extra.set(row, list);
  }

  const rejections: Rejection[] = [];
  const accepted: StagedRow[] = [];
  for (const { row, outcome } of outcomes) {
    const more = extra.get(row);
    if (outcome.ok && !more) {
      accepted.push({ row, patient: outcome.patient });
      continue;
    }
    const errors = [...(outcome.ok ? [] : outcome.errors), ...(more ?? [])];
    const curp = outcome.ok ? outcome.patient.curp : outcome.curp;
    rejections.push(curp ? { row, curp, errors } : { row, errors });
  }

  const format = sheet.format;
  const id = await s.db.transaction(async (tx) => {
    const id = await repo.insertImport(tx, {
      unitId: input.unitId,
      fileName: input.fileName,
      format,
      totalRows: sheet.rows.length,
      acceptedRows: accepted.length,
      rejectedRows: rejections.length,
      rejections,
      createdBy: ctx.actor?.id ?? null,
    });
    for (let i = 0, seq = 0; i < accepted.length; i += COMMIT_BATCH_ROWS, seq++) {
      await repo.insertChunk(tx, id, seq, accepted.slice(i, i + COMMIT_BATCH_ROWS));
    }
    await writeAuditInTx(tx, [
      ctx.auditRow({
        action: 'IMPORT_VALIDATE',
        entity: 'patient_import',
        entityId: id,
        unitId: input.unitId,
        detail: { format, totalRows: sheet.rows.length, acceptedRows: accepted.length, rejectedRows: rejections.length },
      }),
    ]);
    return id;
  });

  return {
    id,
    unitId: input.unitId,
    fileName: input.fileName,
    format,
    status: 'VALIDATED',
    totalRows: sheet.rows.length,
    acceptedRows: accepted.length,
    rejectedRows: rejections.length,
    rejections: rejections.slice(0, INLINE_REJECTIONS),
    rejectionsTruncated: rejections.length > INLINE_REJECTIONS,
  };
}
