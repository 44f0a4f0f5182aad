import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/gateway.ts';
import { containsPattern } from '../../platform/db/like.ts';
import { units } from '../units/schema.ts';
import { roles, userRoles, users, userUnits } from './schema.ts';

export type UserRow = typeof users.$inferSelect;
export type RoleRow = typeof roles.$inferSelect;

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  version: number;
  roles: string[];
  units: { id: string; clues: string; shortName: string }[];
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const rows = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  return rows[0];
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

/** Roles (with scope and permissions) and unit ids of a user: what an access context needs. */
export async function loadGrants(db: Db, userId: string) {
  const [roleRows, unitRows] = await Promise.all([
    db
      .select({ key: roles.key, name: roles.name, scope: roles.scope, permissions: roles.permissions })
      .from(userRoles)
      .innerJoin(roles, eq(roles.key, userRoles.roleKey))
      .where(eq(userRoles.userId, userId))
      .orderBy(asc(roles.key)),
    db.select({ unitId: userUnits.unitId }).from(userUnits).where(eq(userUnits.userId, userId)),
  ]);
  return { roles: roleRows, unitIds: unitRows.map((u) => u.unitId).sort() };
}

async function attachGrants(db: Db, rows: UserRow[]): Promise<UserView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [roleRows, unitRows] = await Promise.all([
    db.select().from(userRoles).where(inArray(userRoles.userId, ids)).orderBy(asc(userRoles.roleKey)),
    db
      .select({ userId: userUnits.userId, id: units.id, clues: units.clues, shortName: units.shortName })
      .from(userUnits)
      .innerJoin(units, eq(units.id, userUnits.unitId))
      .where(inArray(userUnits.userId, ids))
      .orderBy(asc(units.shortName)),
  ]);
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
    version: u.version,
    roles: roleRows.filter((r) => r.userId === u.id).map((r) => r.roleKey),
    units: unitRows.filter((r) => r.userId === u.id).map(({ id, clues, shortName }) => ({ id, clues, shortName })),
  }));
}

export async function getUserView(db: Db, id: string): Promise<UserView | undefined> {
  const row = await findUserById(db, id);
  return row ? (await attachGrants(db, [row]))[0] : undefined;
}

export interface UserListFilter {
  q?: string | undefined;
  role?: string | undefined;
  unitId?: string | undefined;
  active?: boolean | undefined;
  after?: { username: string; id: string } | undefined;
  limit: number;
}

/** Keyset page ordered by lower(username), id. */
export async function listUsers(db: Db, f: UserListFilter): Promise<UserView[]> {
  const conds = [];
  if (f.q) {
    const like = containsPattern(f.q);
    conds.push(or(ilike(users.username, like), ilike(users.displayName, like), ilike(users.email, like)));
  }
  if (f.active !== undefined) conds.push(eq(users.active, f.active));
  if (f.role)
    conds.push(
      sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.roleKey} = ${f.role})`,
    );
  if (f.unitId)
    conds.push(
      sql`exists (select 1 from ${userUnits} where ${userUnits.userId} = ${users.id} and ${userUnits.unitId} = ${f.unitId})`,
    );
  if (f.after)
    conds.push(sql`(lower(${users.username}), ${users.id}) > (lower(${f.after.username}), ${f.after.id})`);
  const rows = await db
    .select()
    .from(users)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(sql`lower(${users.username})`, asc(users.id))
    .limit(f.limit);
  return attachGrants(db, rows);
}

export async function insertUser(
  db: Db,
  v: { username: string; displayName: string; email: string | null; passwordHash: string; mustChangePassword: boolean },
): Promise<UserRow> {
  const rows = await db.insert(users).values(v).returning();
  return rows[0]!;
}

/** Compare-and-swap on version: returns undefined when someone else changed the row first. */
export async function updateUser(
  db: Db,
  id: string,
  expectedVersion: number | undefined,
  patch: Partial<Pick<UserRow, 'displayName' | 'email' | 'active' | 'mustChangePassword' | 'passwordHash'>> & {
    passwordChangedAt?: Date;
  },
): Promise<UserRow | undefined> {
  const rows = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(expectedVersion === undefined ? eq(users.id, id) : and(eq(users.id, id), eq(users.version, expectedVersion)))
    .returning();
  return rows[0];
}

export async function touchLastLogin(db: Db, id: string): Promise<void> {
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, id));
}

export async function replaceUserRoles(db: Db, userId: string, roleKeys: string[]): Promise<void> {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roleKeys.length) await db.insert(userRoles).values(roleKeys.map((roleKey) => ({ userId, roleKey })));
}

export async function replaceUserUnits(db: Db, userId: string, unitIds: string[]): Promise<void> {
  await db.delete(userUnits).where(eq(userUnits.userId, userId));
  if (unitIds.length) await db.insert(userUnits).values(unitIds.map((unitId) => ({ userId, unitId })));
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(distinct ${users.id})::int` })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(roles, eq(roles.key, userRoles.roleKey))
    .where(and(eq(users.active, true), sql`'users.manage' = any(${roles.permissions})`));
  return rows[0]?.n ?? 0;
}

export async function listRoles(db: Db): Promise<RoleRow[]> {
  return db.select().from(roles).orderBy(asc(roles.name));
}

export async function findRoles(db: Db, keys: string[]): Promise<RoleRow[]> {
  if (keys.length === 0) return [];
  return db.select().from(roles).where(inArray(roles.key, keys));
}

export async function findRole(db: Db, key: string): Promise<RoleRow | undefined> {
  const rows = await db.select().from(roles).where(eq(roles.key, key)).limit(1);
  return rows[0];
}

export async function insertRole(db: Db, v: typeof roles.$inferInsert): Promise<RoleRow | undefined> {
  const rows = await db.insert(roles).values(v).onConflictDoNothing().returning();
  return rows[0];
}

export async function updateRole(
  db: Db,
  key: string,
  patch: Partial<Pick<RoleRow, 'name' | 'description' | 'permissions'>>,
): Promise<RoleRow | undefined> {
  const rows = await db.update(roles).set({ ...patch, updatedAt: new Date() }).where(eq(roles.key, key)).returning();
  return rows[0];
}

export async function userIdsWithRole(db: Db, key: string): Promise<string[]> {
  const rows = await db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.roleKey, key));
  return rows.map((r) => r.id);
}

export async function existingUnitIds(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: units.id }).from(units).where(inArray(units.id, ids));
  return rows.map((r) => r.id);
}

