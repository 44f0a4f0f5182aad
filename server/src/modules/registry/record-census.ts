import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { validationFailed } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { forgetRegistryCaches } from './read-cache.ts';
import * as repo from './repo.ts';

export interface CensusInput {
  unitId: string;
  expected: number;
  expectedPediatric?: number | null | undefined;
  effectiveFrom: string;
  notes?: string | null | undefined;
}

/**
 * Records a unit's censo integral (expected patients) from a date on. Earlier rows stay: progress
 * at any past cut-off uses the census that was in force then.
 */
export async function recordCensus(s: Services, ctx: RequestContext, input: CensusInput) {
  const units = await repo.listUnitInfo(s.db.orm);
  const unit = units.find((u) => u.id === input.unitId);
  const errors = [];
  if (!unit) errors.push({ field: 'unitId', message: 'no existe una unidad médica con ese identificador' });
  if (input.expectedPediatric != null && input.expectedPediatric > input.expected)
    errors.push({ field: 'expectedPediatric', message: 'no puede ser mayor que el total esperado' });
  if (errors.length) throw validationFailed(errors);
  const recorded = await s.db.transaction(async (tx) => {
    const id = await repo.insertCensus(tx, {
      unitId: input.unitId,
      expected: input.expected,
      expectedPediatric: input.expectedPediatric ?? null,
      effectiveFrom: input.effectiveFrom,
      notes: input.notes ?? null,
      recordedBy: ctx.actor?.id ?? null,
    });
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'CREATE', entity: 'unit_census', entityId: id, unitId: input.unitId, detail: { expected: input.expected } })]);
    return { id, ...input, expectedPediatric: input.expectedPediatric ?? null, notes: input.notes ?? null, unitName: unit!.shortName };
  });
  forgetRegistryCaches(s.db.orm, { census: true });
  return recorded;
}
