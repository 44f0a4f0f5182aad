import { inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../errors.ts';
import type { Actor, RequestContext } from './context.ts';

/** Returns the actor or records the denial and throws 401. */
export async function requireActor(ctx: RequestContext, entity = 'api'): Promise<Actor> {
  if (ctx.actor) return ctx.actor;
  await ctx.audit({ action: 'ACCESS', entity, outcome: 'DENIED', detail: { reason: 'UNAUTHENTICATED' } });
  throw new AppError(401, 'UNAUTHENTICATED', 'Inicie sesión para continuar.');
}

export function hasPermission(ctx: RequestContext, permission: string): boolean {
  return ctx.actor?.permissions.has(permission) ?? false;
}

/** Checks a permission (or any of several); a denial is audited before the 403 is thrown. */
export async function requirePermission(
  ctx: RequestContext,
  permission: string | readonly string[],
  target: { entity: string; entityId?: string | null; action?: string } = { entity: 'api' },
): Promise<Actor> {
  const actor = await requireActor(ctx, target.entity);
  const anyOf = typeof permission === 'string' ? [permission] : permission;
  if (anyOf.some((p) => actor.permissions.has(p))) return actor;
  await ctx.audit({
    action: target.action ?? 'ACCESS',
    entity: target.entity,
    entityId: target.entityId ?? null,
    outcome: 'DENIED',
    detail: { reason: 'MISSING_PERMISSION', permission },
  });
  throw new AppError(403, 'FORBIDDEN', 'No tiene permiso para realizar esta acción.');
}

/**
 * SQL condition restricting `column` (a unit id) to the units the request may see. Put it in the
 * WHERE clause so that paging and counts stay right.
 */
export function unitScope(ctx: RequestContext, column: PgColumn): SQL {
  if (ctx.visibleUnits === 'ALL') return sql`true`;
  if (ctx.visibleUnits.length === 0) return sql`false`;
  return inArray(column, [...ctx.visibleUnits]);
}
