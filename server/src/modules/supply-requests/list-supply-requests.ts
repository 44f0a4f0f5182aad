import type { RequestContext } from '../../platform/access/context.ts';
import { unitScope } from '../../platform/access/guard.ts';
import { z } from 'zod';
import { decodeCursor, pageOf } from '../../platform/http/paging.ts';
import { notFound } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import * as repo from './repo.ts';
import { supplyRequests } from './schema.ts';

/** Supply requests of the units the actor sees, newest first (keyset on created_at, id). */
export async function listSupplyRequests(s: Services, ctx: RequestContext, q: { status?: string[]; unitId?: string; cursor?: string; limit: number }) {
  const after = q.cursor ? decodeCursor(q.cursor, z.object({ at: z.string(), id: z.uuid() })) : undefined;
  const rows = await repo.listSupplyRequests(s.db.orm, { visible: unitScope(ctx, supplyRequests.unitId), status: q.status, unitId: q.unitId, after, limit: q.limit + 1 });
  await ctx.audit({ action: 'LIST', entity: 'supply_request', detail: { status: q.status, unitId: q.unitId, count: Math.min(rows.length, q.limit) } });
  const page = pageOf(rows, q.limit, (last) => ({ at: last.sortAt, id: last.id }));
  return { items: page.items.map(({ sortAt: _s, ...r }) => r), nextCursor: page.nextCursor };
}

export async function getSupplyRequest(s: Services, ctx: RequestContext, id: string) {
  const row = await repo.findSupplyRequest(s.db.orm, id, unitScope(ctx, supplyRequests.unitId));
  if (!row) {
    await ctx.audit({ action: 'READ', entity: 'supply_request', entityId: id, outcome: 'DENIED', detail: { reason: 'NOT_FOUND_OR_NOT_VISIBLE' } });
    throw notFound('No se encontró la solicitud o no tiene acceso a ella.', 'SUPPLY_REQUEST_NOT_FOUND');
  }
  await ctx.audit({ action: 'READ', entity: 'supply_request', entityId: id, unitId: row.unit.id });
  const { sortAt: _s, ...view } = row;
  return view;
}
