/**
 * Who may see and change a caso específico. Coordination (meetings.manage) sees every case; unit
 * staff (cases.read / cases.write) the cases of their units; an official (cases.follow) the cases
 * assigned to them. Families never read cases here (their own arrive through the ChatBot and portal).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/context.ts';
import { hasPermission, requireActor, unitScope } from '../../platform/access/guard.ts';
import type { Db } from '../../platform/db/gateway.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { CaseView } from './meeting-schemas.ts';
import * as repo from './repo.ts';
import { cases } from './schema.ts';

export interface CaseAccess {
  /** SQL condition on `cases` (and `o`, the responsible official joined by the repo). */
  visible: SQL;
  manage: boolean;
  ownOfficialIds: string[];
}

export async function caseAccess(db: Db, ctx: RequestContext): Promise<CaseAccess> {
  const actor = await requireActor(ctx, 'case');
  const manage = hasPermission(ctx, 'meetings.manage');
  const ownOfficialIds = hasPermission(ctx, 'cases.follow') ? await repo.officialIdsOfUser(db, actor.id) : [];
  if (manage) return { visible: sql`true`, manage, ownOfficialIds };
  const parts: SQL[] = [];
  if (hasPermission(ctx, 'cases.read') || hasPermission(ctx, 'cases.write')) parts.push(unitScope(ctx, cases.unitId));
  if (ownOfficialIds.length) parts.push(sql`cases.responsible_official_id IN (${sql.join(ownOfficialIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return { visible: parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`, manage, ownOfficialIds };
}

/** True when the actor may write on this (visible) case: coordination, staff of its unit, or its responsible official. */
export function canWriteCase(ctx: RequestContext, access: CaseAccess, row: { unitId: string; responsible: { id: string } | null }): boolean {
  if (access.manage) return true;
  if (hasPermission(ctx, 'cases.write') && (ctx.visibleUnits === 'ALL' || ctx.visibleUnits.includes(row.unitId))) return true;
  return !!row.responsible && access.ownOfficialIds.includes(row.responsible.id);
}

/** Loads a case the actor may see; anything else is a 404 (no existence leak) with the denial audited. */
export async function loadVisibleCase(db: Db, ctx: RequestContext, id: string, action: string): Promise<{ row: repo.CaseRow; access: CaseAccess }> {
  const access = await caseAccess(db, ctx);
  const row = await repo.findCase(db, id, access.visible);
  if (!row) {
    await ctx.audit({ action, entity: 'case', entityId: id, outcome: 'DENIED', detail: { reason: 'NOT_FOUND_OR_NOT_VISIBLE' } });
    throw notFound('No se encontró el caso o no tiene acceso a él.', 'CASE_NOT_FOUND');
  }
  return { row, access };
}

export async function requireCaseWrite(ctx: RequestContext, access: CaseAccess, row: repo.CaseRow): Promise<void> {
  if (canWriteCase(ctx, access, row)) return;
  await ctx.audit({ action: 'UPDATE', entity: 'case', entityId: row.id, unitId: row.unitId, outcome: 'DENIED', detail: { reason: 'NOT_CASE_OWNER' } });
  throw new AppError(403, 'FORBIDDEN', 'Solo la coordinación, el personal de la unidad del paciente o el funcionario responsable pueden actualizar este caso.');
}

/** The API view of a case row (drops the internal columns). */
export function caseView(row: repo.CaseRow): CaseView {
  const { responsibleUserId: _u, sortKey: _k, ...view } = row;
  return view as CaseView;
}
