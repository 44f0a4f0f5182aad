import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/gateway.ts';
import { auditLog } from '../../platform/audit/schema.ts';

export interface AuditFilter {
  actorId?: string | undefined;
  username?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  outcome?: 'SUCCESS' | 'DENIED' | 'FAILURE' | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/** Newest first, keyset on id (ids grow with time). */
export async function queryAudit(db: Db, f: AuditFilter) {
  const conds = [];
  if (f.actorId) conds.push(eq(auditLog.actorId, f.actorId));
  if (f.username) conds.push(sql`lower(${auditLog.actorUsername}) = lower(${f.username})`);
  if (f.entity) conds.push(eq(auditLog.entity, f.entity));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.outcome) conds.push(eq(auditLog.outcome, f.outcome));
  if (f.from) conds.push(gte(auditLog.at, f.from));
  if (f.to) conds.push(lt(auditLog.at, f.to));
  if (f.beforeId !== undefined) conds.push(lt(auditLog.id, f.beforeId));
  return db
    .select()
    .from(auditLog)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
}
