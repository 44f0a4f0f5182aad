import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/gateway.ts';
import { idempotencyKeys } from './schema.ts';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

/** Claims the key; returns undefined when it was already claimed (then read it with findKey). */
export async function claimKey(db: Db, v: { actorKey: string; key: string; method: string; route: string; requestHash: string }) {
  const rows = await db.insert(idempotencyKeys).values(v).onConflictDoNothing().returning();
  return rows[0];
}

export async function findKey(db: Db, actorKey: string, key: string): Promise<IdempotencyRow | undefined> {
  const rows = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.actorKey, actorKey), eq(idempotencyKeys.key, key)))
    .limit(1);
  return rows[0];
}

export async function completeKey(db: Db, actorKey: string, key: string, statusCode: number, body: unknown): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ statusCode, responseBody: body as object, completedAt: new Date() })
    .where(and(eq(idempotencyKeys.actorKey, actorKey), eq(idempotencyKeys.key, key)));
}

/** Forgets a claim whose request failed without an answer worth repeating (5xx), so it can be retried. */
export async function releaseKey(db: Db, actorKey: string, key: string): Promise<void> {
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.actorKey, actorKey), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.statusCode)));
}

/** Housekeeping: keys are kept 24 hours; an unfinished claim older than `staleBefore` is dropped. */
export async function purgeKeys(db: Db, before: Date, staleBefore: Date): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(or(lt(idempotencyKeys.createdAt, before), and(isNull(idempotencyKeys.statusCode), lt(idempotencyKeys.createdAt, staleBefore))))
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}
