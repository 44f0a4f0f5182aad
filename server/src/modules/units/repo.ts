import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/gateway.ts';
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

/** Keyset page ordered by name, id. */
export async function listUnits(db: Db, f: UnitFilter): Promise<UnitRow[]> {
  const conds = [];
  if (f.q) {
    const like = containsPattern(f.q);
    conds.push(or(ilike(units.name, like), ilike(units.shortName, like), ilike(units.clues, like)));
  }
  if (f.level) conds.push(eq(units.level, f.level));
  if (f.state) conds.push(eq(units.state, f.state));
  if (f.active !== undefined) conds.push(eq(units.active, f.active));
  if (f.isOncocrean !== undefined) conds.push(eq(units.isOncocrean, f.isOncocrean));
  if (f.after) conds.push(sql`(${units.name}, ${units.id}) > (${f.after.name}, ${f.after.id})`);
  return db
    .select()
    .from(units)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(units.name), asc(units.id))
    .limit(f.limit);
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
