import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { units } from '../units/schema.ts';

/**
 * A spreadsheet import: validated in a dry run (every rejected row with its reasons), then
 * committed once. Counts reconcile: accepted + rejected = total, created = accepted at commit.
 */
export const patientImports = pgTable(
  'patient_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: ['CSV', 'XLSX'] }).notNull(),
    status: text('status', { enum: ['VALIDATED', 'COMMITTING', 'COMMITTED', 'FAILED'] }).notNull(),
    totalRows: integer('total_rows').notNull(),
    acceptedRows: integer('accepted_rows').notNull(),
    rejectedRows: integer('rejected_rows').notNull(),
    createdRows: integer('created_rows'),
    /** The accepted rows, normalised, waiting for the commit. Cleared after it. */
    rows: jsonb('rows'),
    /** Rejected rows: [{row, errors: [{field, message}]}]. */
    rejections: jsonb('rejections').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [index('patient_imports_unit_idx').on(t.unitId, t.createdAt)],
);
