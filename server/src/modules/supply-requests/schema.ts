import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { patients } from '../patients/schema.ts';
import { units } from '../units/schema.ts';

export const SUPPLY_URGENCIES = ['URGENT', 'THIS_WEEK', 'ROUTINE'] as const;
export type SupplyUrgency = (typeof SUPPLY_URGENCIES)[number];
export const SUPPLY_REQUEST_STATUSES = ['RECEIVED', 'IN_PROGRESS', 'SUPPLIED', 'NOT_AVAILABLE', 'CANCELLED'] as const;
export type SupplyRequestStatus = (typeof SUPPLY_REQUEST_STATUSES)[number];
export const SUPPLY_REQUEST_CHANNELS = ['CHATBOT', 'WEB', 'CALL_CENTER'] as const;

/** Consecutive folio of supply requests (SM-000123), gap-free like the CE codes. */
export const supplyRequestFolio = pgTable('supply_request_folio', {
  id: integer('id').primaryKey(),
  last: integer('last').notNull().default(0),
});

/**
 * A family's (or staff's) request for a medicine or medical supply for a child: solicitud de
 * medicamento o insumo. Each one is followed up as a caso específico "medicamento faltante".
 */
export const supplyRequests = pgTable(
  'supply_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    folio: integer('folio').notNull(),
    patientId: uuid('patient_id').references(() => patients.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The medicine or supply as the family named it (name or clave). */
    item: text('item').notNull(),
    /** The catalogue clave when the text carries one (010.000.1234.00). */
    clave: varchar('clave', { length: 20 }),
    urgency: text('urgency', { enum: SUPPLY_URGENCIES }).notNull(),
    status: text('status', { enum: SUPPLY_REQUEST_STATUSES }).notNull().default('RECEIVED'),
    channel: text('channel', { enum: SUPPLY_REQUEST_CHANNELS }).notNull(),
    caseId: uuid('case_id'),
    requesterName: text('requester_name'),
    requesterPhone: varchar('requester_phone', { length: 20 }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('supply_requests_folio_uq').on(t.folio),
    index('supply_requests_unit_idx').on(t.unitId, t.createdAt),
    index('supply_requests_open_idx').on(t.status, t.createdAt).where(sql`${t.status} IN ('RECEIVED', 'IN_PROGRESS')`),
  ],
);
