import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from '../units/schema.ts';

/**
 * Roles are data: each row carries its permissions and the scope of units it sees. Adding a role
 * is an INSERT, not a code change.
 */
export const roles = pgTable(
  'roles',
  {
    key: text('key').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** ALL_UNITS: every unit; ASSIGNED_UNITS: the user's units; OWN_FAMILY: own children only; NONE. */
    scope: text('scope', { enum: ['ALL_UNITS', 'ASSIGNED_UNITS', 'OWN_FAMILY', 'NONE'] }).notNull(),
    permissions: text('permissions').array().notNull().default(sql`'{}'::text[]`),
    /** Built-in permissions already offered to this role: a later release adds only new ones, so an admin's removal sticks. */
    offeredDefaults: text('offered_defaults').array().notNull().default(sql`'{}'::text[]`),
    builtIn: boolean('built_in').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('roles_scope_check', sql`${t.scope} IN ('ALL_UNITS', 'ASSIGNED_UNITS', 'OWN_FAMILY', 'NONE')`),
    check('roles_key_check', sql`${t.key} ~ '^[a-z][a-z0-9_]{1,39}$'`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_lower_idx').on(sql`lower(${t.username})`),
    index('users_display_name_id_idx').on(t.displayName, t.id),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id').notNull().references(() => users.id),
    roleKey: text('role_key').notNull().references(() => roles.key),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleKey] }), index('user_roles_role_idx').on(t.roleKey)],
);

export const userUnits = pgTable(
  'user_units',
  {
    userId: uuid('user_id').notNull().references(() => users.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.unitId] }), index('user_units_unit_idx').on(t.unitId)],
);
