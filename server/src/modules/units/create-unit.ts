import type { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { conflict, pgErrorCode } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import * as repo from './repo.ts';
import type { unitInputSchema } from './unit-schemas.ts';

/** Adds a unit to the network. The CLUES is unique. */
export async function createUnit(s: Services, ctx: RequestContext, input: z.output<typeof unitInputSchema>) {
  try {
    return await s.db.transaction(async (tx) => {
      const unit = await repo.insertUnit(tx, input);
      await writeAuditInTx(tx, [
        ctx.auditRow({ action: 'CREATE', entity: 'unit', entityId: unit.id, unitId: unit.id, detail: { clues: unit.clues } }),
      ]);
      return unit;
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') {
      throw conflict('CLUES_TAKEN', `Ya existe una unidad con la CLUES ${input.clues}.`, [
        { field: 'clues', message: 'ya está registrada en otra unidad' },
      ]);
    }
    throw err;
  }
}
