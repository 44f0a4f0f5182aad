import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { units } from '../units/schema.ts';

export const IMPORT_STATUSES = ['VALIDATED', 'COMMITTING', 'COMMITTED', 'FAILED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * A spreadsheet import: validated in a dry run (every rejected row with its reasons), then
 * committed once, in batches. Counts reconcile: accepted + rejected = total, and at the end
 * created + skipped (CURP registered meanwhile) = processed = accepted.
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
    status: text('status', { enum: IMPORT_STATUSES }).notNull(),
    totalRows: integer('total_rows').notNull(),
    acceptedRows: integer('accepted_rows').notNull(),
    rejectedRows: integer('rejected_rows').notNull(),
    /** Accepted rows already handled by committed batches: a resumed commit starts after them. */
    processedRows: integer('processed_rows').notNull().default(0),
    createdRows: integer('created_rows').notNull().default(0),
    /** Accepted rows whose CURP was registered by someone else between the dry run and the commit. */
    skippedRows: integer('skipped_rows').notNull().default(0),
    /** Rejected rows: [{row, curp?, errors: [{field, message}]}]. */
    rejections: jsonb('rejections').notNull(),
    /** Accepted rows skipped at commit because their CURP was registered meanwhile: [{row, curp, message}]. */
    skipped: jsonb('skipped').notNull().default([]),
    /** Why the last commit attempt stopped (FAILED). */
    error: text('error'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Heartbeat of a running commit (every batch): a COMMITTING import idle for minutes was interrupted. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [index('patient_imports_unit_idx').on(t.unitId, t.createdAt)],
);

/**
 * The accepted rows of an import, normalised, in the commit's batches (one chunk = one batch =
 * one transaction). Staging data, not clinical facts: deleted once the import is committed.
 */
export const patientImportChunks = pgTable(
  'patient_import_chunks',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => patientImports.id),
    seq: integer('seq').notNull(),
    rowCount: integer('row_count').notNull(),
    rows: jsonb('rows').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);
