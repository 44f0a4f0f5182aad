import type { Logger } from 'pino';
import type { Database, Db } from '../db/gateway.ts';
import { auditLog } from './schema.ts';

export type AuditOutcome = 'SUCCESS' | 'DENIED' | 'FAILURE';

/** What happened, said by the code that did it. */
export interface AuditEvent {
  /** READ, SEARCH, CREATE, UPDATE, DELETE, LOGIN, LOGIN_FAILED, LOGOUT, EXPORT, ACCESS… */
  action: string;
  /** Table-like name of what was touched: user, unit, patient, session… */
  entity: string;
  entityId?: string | null;
  outcome?: AuditOutcome;
  /** Unit the record belongs to, when it belongs to one. */
  unitId?: string | null;
  /** Non-personal detail (counts, filters by name, reason codes). Never names or identifiers. */
  detail?: Record<string, unknown> | null;
}

/** Who did it, from where: filled from the request context. */
export interface AuditOrigin {
  actorId: string | null;
  actorUsername: string | null;
  roles: readonly string[];
  ip: string | null;
  requestId: string | null;
}

export type AuditRow = typeof auditLog.$inferInsert;

export function toAuditRow(origin: AuditOrigin, e: AuditEvent): AuditRow {
  return {
    actorId: origin.actorId,
    actorUsername: origin.actorUsername,
    roles: [...origin.roles],
    unitId: e.unitId ?? null,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId ?? null,
    outcome: e.outcome ?? 'SUCCESS',
    ip: origin.ip,
    requestId: origin.requestId,
    detail: e.detail ?? null,
  };
}

/** Writes audit rows inside the caller's transaction: the write and its record commit together. */
export async function writeAuditInTx(tx: Db, rows: AuditRow[]): Promise<void> {
  if (rows.length > 0) await tx.insert(auditLog).values(rows);
}

/**
 * Group commit for audit records of reads and denials. Each caller awaits its record, so nothing
 * is answered before its audit row is durable; records that arrive while one INSERT is in flight
 * are written together by the next one. Under load one INSERT carries many requests' records, so
 * the audit costs a fraction of a round trip per request instead of a whole one.
 */
export class AuditWriter {
  private pending: { row: AuditRow; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
    opts: { maxBatch?: number; maxInFlight?: number } = {},
  ) {
    this.maxBatch = opts.maxBatch ?? 1000;
    // A few INSERTs may be in flight at once (the pool has several connections): at moderate load
    // a record does not wait behind another batch's commit; at high load batches grow instead.
    this.maxInFlight = opts.maxInFlight ?? (db.mode === 'postgres' ? 3 : 1);
  }

  record(row: AuditRow): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when everything recorded so far is written. */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.inFlight > 0) {
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight) return;
    this.scheduled = true;
    // Records made in the same turn of the event loop are written together.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight >= this.maxInFlight || this.pending.length === 0) return;
    this.inFlight++;
    const batch = this.pending.splice(0, this.maxBatch);
    try {
      const { text, values } = multiRowInsert(batch.map((b) => b.row));
      await this.db.execute(text, values);
      for (const b of batch) b.resolve();
    } catch (err) {
      this.log.error({ err: { message: (err as Error).message }, count: batch.length }, 'audit write failed');
      for (const b of batch) b.reject(err);
    } finally {
      this.inFlight--;
      if (this.pending.length > 0) this.schedule();
    }
  }
}

const COLUMNS = ['actor_id', 'actor_username', 'roles', 'unit_id', 'action', 'entity', 'entity_id', 'outcome', 'ip', 'request_id', 'detail'];
const CASTS = ['::uuid', '', '::text[]', '::uuid', '', '', '', '', '', '', '::jsonb'];

/**
 * One INSERT for the whole batch, built by hand: on the hot path Drizzle's per-value query
 * building cost more CPU than the insert itself.
 */
function multiRowInsert(rows: AuditRow[]): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const tuples: string[] = [];
  for (const r of rows) {
    const base = values.length;
    values.push(
      r.actorId ?? null,
      r.actorUsername ?? null,
      r.roles ?? [],
      r.unitId ?? null,
      r.action,
      r.entity,
      r.entityId ?? null,
      r.outcome,
      r.ip ?? null,
      r.requestId ?? null,
      r.detail === null || r.detail === undefined ? null : JSON.stringify(r.detail),
    );
    tuples.push(`(${CASTS.map((c, i) => `$${base + i + 1}${c}`).join(', ')})`);
  }
  return { text: `INSERT INTO audit_log (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, values };
}
