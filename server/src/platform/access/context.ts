import type { AuditEvent, AuditOrigin, AuditRow } from '../audit/writer.ts';
import { toAuditRow } from '../audit/writer.ts';

export type RoleScope = 'ALL_UNITS' | 'ASSIGNED_UNITS' | 'OWN_FAMILY' | 'NONE';

/** The authenticated person behind a request. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: readonly string[];
  /** Display name of each role, by key. */
  roleNames: Readonly<Record<string, string>>;
  permissions: ReadonlySet<string>;
  /** Units the user is assigned to (whatever the role scope). */
  unitIds: readonly string[];
  /** True when a role sees every unit (national coordination, admin). */
  allUnits: boolean;
  /** True when a role is scoped to the user's own family (parent/tutor). */
  ownFamily: boolean;
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
}

/**
 * Carried by every request into every use case: who acts, what they may see, and the request's
 * identity for the audit trail. Modules filter in SQL with `visibleUnits`, never after the query.
 */
export interface RequestContext {
  requestId: string;
  ip: string;
  userAgent: string | null;
  actor: Actor | null;
  /** 'ALL', or the ids of the units whose rows this request may read. */
  visibleUnits: 'ALL' | readonly string[];
  /** Records an audit event (group-committed); resolves once it is durable. */
  audit(event: AuditEvent): Promise<void>;
  /** Builds the row for an audit written inside a transaction (see writeAuditInTx). */
  auditRow(event: AuditEvent): AuditRow;
}

export function auditOrigin(ctx: Pick<RequestContext, 'actor' | 'ip' | 'requestId'>): AuditOrigin {
  return {
    actorId: ctx.actor?.id ?? null,
    actorUsername: ctx.actor?.username ?? null,
    roles: ctx.actor?.roles ?? [],
    ip: ctx.ip,
    requestId: ctx.requestId,
  };
}

export function makeContext(
  base: { requestId: string; ip: string; userAgent: string | null; actor: Actor | null },
  sink: (row: AuditRow) => Promise<void>,
): RequestContext {
  const ctx: RequestContext = {
    ...base,
    visibleUnits: visibleUnitsOf(base.actor),
    audit: (event) => sink(toAuditRow(auditOrigin(ctx), event)),
    auditRow: (event) => toAuditRow(auditOrigin(ctx), event),
  };
  return ctx;
}

export function visibleUnitsOf(actor: Actor | null): 'ALL' | readonly string[] {
  if (!actor) return [];
  return actor.allUnits ? 'ALL' : actor.unitIds;
}
