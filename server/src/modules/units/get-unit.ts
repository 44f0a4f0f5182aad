import type { RequestContext } from '../../platform/access/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import * as repo from './repo.ts';

export async function getUnit(s: Services, ctx: RequestContext, id: string) {
  const unit = await repo.findUnit(s.db.orm, id);
  if (!unit) throw notFound('No existe una unidad médica con ese identificador.', 'UNIT_NOT_FOUND');
  await ctx.audit({ action: 'READ', entity: 'unit', entityId: id, unitId: id });
  return unit;
}
