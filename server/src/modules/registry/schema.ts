import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { units } from '../units/schema.ts';

/** Censo integral: the number of patients a unit is expected to register, from a date on. */
export const unitCensus = pgTable(
  'unit_census',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    expected: integer('expected').notNull(),
    expectedPediatric: integer('expected_pediatric'),
    effectiveFrom: date('effective_from').notNull(),
    notes: text('notes'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('unit_census_unit_idx').on(t.unitId, t.effectiveFrom),
    check('unit_census_expected_check', sql`${t.expected} >= 0`),
  ],
);

/** Staff training on the platform, per unit (remote or in person). */
export const unitTrainings = pgTable(
  'unit_trainings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    trainedOn: date('trained_on').notNull(),
    modality: text('modality', { enum: ['REMOTE', 'IN_PERSON'] }).notNull(),
    peopleTrained: smallint('people_trained').notNull(),
    topic: text('topic').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('unit_trainings_unit_idx').on(t.unitId, t.trainedOn), check('unit_trainings_people_check', sql`${t.peopleTrained} > 0`)],
);

/**
 * Append-only changes to the per-unit registered count (+1 registration, −1/+1 transfer, −1 merge,
 * ∓1 pediatric/adult reclassification). Counts = last weekly snapshot + the events since its
 * cut-off: no scan of the patients table on the dashboard path, and no hot counter row to lock.
 */
export const registryTallyEvents = pgTable(
  'registry_tally_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    patientId: uuid('patient_id').notNull(),
    pediatric: boolean('pediatric').notNull(),
    delta: smallint('delta').notNull(),
    /** REGISTER, TRANSFER_OUT, TRANSFER_IN, MERGE, RECLASSIFY */
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registry_tally_events_at_idx').on(t.at)],
);

/** Weekly cut at the Thursday 18:00 meeting (America/Mexico_City), per unit. */
export const registryWeeklySnapshots = pgTable(
  'registry_weekly_snapshots',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    cutoff: timestamp('cutoff', { withTimezone: true }).notNull(),
    registered: integer('registered').notNull(),
    pediatric: integer('pediatric').notNull(),
    adult: integer('adult').notNull(),
    expected: integer('expected').notNull(),
    /** Registrations (REGISTER events) in the week that ends at this cut-off. */
    newInWeek: integer('new_in_week').notNull(),
    newPediatricInWeek: integer('new_pediatric_in_week').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.cutoff] }), index('registry_weekly_snapshots_cutoff_idx').on(t.cutoff)],
);

/** Precomputed dashboard figures (case mix, timeliness, abandonment, survival) per scope. */
export const registryDashboardSnapshots = pgTable(
  'registry_dashboard_snapshots',
  {
    /** 'national' | 'state' | 'unit' */
    scope: text('scope').notNull(),
    /** '' for national, the state name, or the unit id. */
    scopeKey: text('scope_key').notNull(),
    cutoff: timestamp('cutoff', { withTimezone: true }).notNull(),
    payload: jsonb('payload').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.scopeKey, t.cutoff] })],
);
