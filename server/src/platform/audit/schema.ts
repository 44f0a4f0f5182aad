import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Bitácora (NOM-024-SSA3-2012): one append-only row per read or write of personal or clinical
 * data, per login and logout, and per denied attempt. A trigger forbids UPDATE and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    unitId: uuid('unit_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    outcome: text('outcome', { enum: ['SUCCESS', 'DENIED', 'FAILURE'] }).notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
    detail: jsonb('detail'),
  },
  (t) => [
    check('audit_outcome_check', sql`${t.outcome} IN ('SUCCESS', 'DENIED', 'FAILURE')`),
    index('audit_at_idx').on(t.at),
    index('audit_actor_idx').on(t.actorId, t.id),
    index('audit_entity_idx').on(t.entity, t.entityId, t.id),
  ],
);
