import { dateInMexico } from '../../platform/time.ts';
import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { AppError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { assertWritableUnit } from '../patients/create-patient.ts';
import { registerPatientsBatch } from '../patients/register-patients-batch.ts';
import { loadImport, STALE_COMMIT_MS, toView, type ImportView } from './get-import.ts';
import * as repo from './repo.ts';

class TakenOver extends Error {}

/**
 * Commits a validated import: the staged rows are registered batch by batch, each batch in one
 * transaction (patients, status rows, guardians, diagnoses, REGISTER tally events, one audit row
 * with the batch's counts, and the consumption of the staged batch with the import's counters).
 *
 * Only one commit runs: the status moves VALIDATED → COMMITTING by compare-and-swap. If the
 * process dies mid-way the import stays COMMITTING with the batches already committed counted
 * and removed from the staging table; once its heartbeat is stale (2 minutes) a new commit
 * takes it over and resumes with the remaining batches. Nothing is registered twice: a batch
 * and its removal from staging commit together, and CURP uniqueness (ON CONFLICT DO NOTHING)
 * turns any CURP registered meanwhile into a reported skip. Runs inline: the request answers
 * with the final counts, and the web wizard polls GET /registry/imports/{id} for progress.
 */
export async function commitImport(s: Services, ctx: RequestContext, id: string): Promise<ImportView> {
  const imp = await loadImport(s, ctx, id);
  if (imp.status === 'COMMITTED') return toView(s, imp);
  await assertWritableUnit(s.db.orm, ctx, imp.unitId);
  const claimed = await repo.claimForCommit(s.db.orm, id, new Date(s.now().getTime() - STALE_COMMIT_MS));
  if (!claimed) {
    const now = await loadImport(s, ctx, id);
    if (now.status === 'COMMITTED') return toView(s, now);
    throw new AppError(409, 'IMPORT_COMMIT_IN_PROGRESS', `La importación de «${imp.fileName}» ya se está guardando (${now.processedRows} de ${now.acceptedRows} filas). Consulte su avance.`);
  }
  try {
    for (;;) {
      const chunk = await repo.nextChunk(s.db.orm, id);
      if (!chunk) break;
      const now = s.now();
      const today = dateInMexico(now);
      await s.db.transaction(async (tx) => {
        const result = await registerPatientsBatch(tx, ctx, { unitId: imp.unitId, rows: chunk.rows.map((r) => r.patient), now, today });
        const skippedCurps = new Set(result.skipped);
        const skipped = chunk.rows
          .filter((r) => skippedCurps.has(r.patient.curp))
          .map((r) => ({ row: r.row, curp: r.patient.curp, message: 'se registró en la plataforma después de la validación; la fila se omitió' }));
        const consumed = await repo.consumeChunk(tx, id, chunk.seq, { processed: chunk.rows.length, created: result.created.size, skipped });
        if (!consumed) throw new TakenOver();
        await writeAuditInTx(tx, [
          ctx.auditRow({
            action: 'IMPORT',
            entity: 'patient_import',
            entityId: id,
            unitId: imp.unitId,
            detail: {
              batch: chunk.seq,
              rows: chunk.rows.length,
              firstRow: chunk.rows[0]?.row,
              lastRow: chunk.rows[chunk.rows.length - 1]?.row,
              created: result.created.size,
              skippedAsDuplicate: skipped.length,
            },
          }),
        ]);
      });
      // Let other requests in between batches: on PGlite the database (and, while a statement
      // runs, the event loop) is shared, and the wizard's progress polls must get through.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await repo.markCommitted(s.db.orm, id);
  } catch (err) {
    if (err instanceof TakenOver) {
      throw new AppError(409, 'IMPORT_COMMIT_IN_PROGRESS', `La importación de «${imp.fileName}» la continúa otra solicitud. Consulte su avance.`);
    }
    await repo.markFailed(s.db.orm, id, 'La importación se interrumpió por un error interno; vuelva a confirmarla para continuar desde donde se quedó.').catch(() => {});
    throw err;
  }
  return toView(s, await loadImport(s, ctx, id));
}
