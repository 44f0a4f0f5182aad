import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** The hospital network: every unit that treats children with cancer (catálogo de unidades). */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Clave Única de Establecimientos de Salud (DGIS): 2-letter state + 3-letter institution + 6 digits. */
    clues: varchar('clues', { length: 11 }).notNull().unique(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    level: text('level', { enum: ['UMAE', 'SECOND_LEVEL'] }).notNull(),
    state: text('state').notNull(),
    delegation: text('delegation').notNull(),
    isOncocrean: boolean('is_oncocrean').notNull().default(false),
    activeFrom: date('active_from').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('units_level_check', sql`${t.level} IN ('UMAE', 'SECOND_LEVEL')`),
    check('units_clues_check', sql`${t.clues} ~ '^[A-Z]{5}[0-9]{6}$'`),
    index('units_name_id_idx').on(t.name, t.id),
    index('units_state_idx').on(t.state),
  ],
);
