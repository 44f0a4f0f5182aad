import { and, eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/gateway.ts';
import { containsPattern } from '../../platform/db/like.ts';
import { units } from './schema.ts';

export type UnitRow = typeof units.$inferSelect;
export type UnitInsert = typeof units.$inferInsert;

export interface UnitFilter {
  q?: string | undefined;
  level?: 'UMAE' | 'SECOND_LEVEL' | undefined;
  state?: string | undefined;
  active?: boolean | undefined;
  isOncocrean?: boolean | undefined;
  after?: { name: string; id: string } | undefined;
  limit: number;
}

/** The columns the API shows, aliased to their camelCase names (no Drizzle row mapping). */
const UNIT_COLUMNS = sql.raw(
  `id, clues, name, short_name AS "shortName", level, state, delegation, is_oncocrean AS "isOncocrean", ` +
    `to_char(active_from, 'YYYY-MM-DD') AS "activeFrom", active, version`,
);

export type UnitListRow = Pick<UnitRow, 'id' | 'clues' | 'name' | 'shortName' | 'level' | 'state' | 'delegation' | 'isOncocrean' | 'activeFrom' | 'active' | 'version'>;

/** Keyset page ordered by name, id. The hot path of the catalogue: hand-written SQL. */
export async function listUnits(db: Db, f: UnitFilter): Promise<UnitListRow[]> {
  const conds: SQL[] = [sql`true`];
  if (f.q) {
    const like = containsPattern(f.q);
    conds.push(sql`(name ILIKE ${like} OR short_name ILIKE ${like} OR clues ILIKE ${like})`);
  }
  if (f.level) conds.push(sql`level = ${f.level}`);
  if (f.state) conds.push(sql`state = ${f.state}`);
  if (f.active !== undefined) conds.push(sql`active = ${f.active}`);
  if (f.isOncocrean !== undefined) conds.push(sql`is_oncocrean = ${f.isOncocrean}`);
  if (f.after) conds.push(sql`(name, id) > (${f.after.name}, ${f.after.id}::uuid)`);
  return rowsOf<UnitListRow>(
    db,
    sql`SELECT ${UNIT_COLUMNS} FROM units WHERE ${sql.join(conds, sql` AND `)} ORDER BY name, id LIMIT ${f.limit}`,
  );
}

export async function findUnit(db: Db, id: string): Promise<UnitRow | undefined> {
  const rows = await db.select().from(units).where(eq(units.id, id)).limit(1);
  return rows[0];
}

export async function insertUnit(db: Db, v: UnitInsert): Promise<UnitRow> {
  const rows = await db.insert(units).values(v).returning();
  return rows[0]!;
}

/** Compare-and-swap on version: undefined when the row changed since the client read it. */
export async function updateUnit(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: Partial<Omit<UnitInsert, 'id' | 'version' | 'createdAt'>>,
): Promise<UnitRow | undefined> {
  const rows = await db
    .update(units)
    .set({ ...patch, version: sql`${units.version} + 1`, updatedAt: new Date() })
    .where(and(eq(units.id, id), eq(units.version, expectedVersion)))
    .returning();
  return rows[0];
}
