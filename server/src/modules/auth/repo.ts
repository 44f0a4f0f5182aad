import { and, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/gateway.ts';
import { users } from '../accounts/schema.ts';
import { loginThrottle, sessions } from './schema.ts';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Db, v: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(v);
}

/** A live session with its user, or undefined (revoked, expired, idle too long, user disabled). */
export async function findLiveSession(db: Db, id: string, now: Date) {
  const rows = await db
    .select({
      session: sessions,
      user: {
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        active: users.active,
        mustChangePassword: users.mustChangePassword,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, id),
        isNull(sessions.revokedAt),
        sql`${sessions.expiresAt} > ${now}`,
        sql`${sessions.idleExpiresAt} > ${now}`,
        eq(users.active, true),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function touchSession(db: Db, id: string, now: Date, idleExpiresAt: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: now, idleExpiresAt })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

export async function revokeSession(db: Db, id: string, reason: string): Promise<SessionRow | undefined> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
    .returning();
  return rows[0];
}

export async function revokeUserSessions(db: Db, userId: string, reason: string, exceptId?: string): Promise<string[]> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), exceptId ? ne(sessions.id, exceptId) : undefined))
    .returning({ id: sessions.id });
  return rows.map((r) => r.id);
}

/** Removes sessions that ended more than `olderThan` ago (housekeeping job). */
export async function deleteEndedSessions(db: Db, olderThan: Date): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, olderThan), lt(sessions.idleExpiresAt, olderThan), lt(sessions.revokedAt, olderThan)))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function getThrottle(db: Db, key: string) {
  const rows = await db.select().from(loginThrottle).where(eq(loginThrottle.usernameKey, key)).limit(1);
  return rows[0];
}

/**
 * Counts one failure atomically; when the count reaches `maxFailures` the key is locked until
 * `lockUntil`. Failures older than the window start a new count.
 */
export async function recordLoginFailure(
  db: Db,
  key: string,
  now: Date,
  windowStart: Date,
  maxFailures: number,
  lockUntil: Date,
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const rows = await db
    .insert(loginThrottle)
    .values({ usernameKey: key, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.usernameKey,
      set: {
        failures: sql`case when ${loginThrottle.lastFailureAt} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
        lastFailureAt: now,
      },
    })
    .returning();
  const row = rows[0]!;
  if (row.failures >= maxFailures) {
    await db.update(loginThrottle).set({ lockedUntil: lockUntil, failures: 0 }).where(eq(loginThrottle.usernameKey, key));
    return { failures: row.failures, lockedUntil: lockUntil };
  }
  return { failures: row.failures, lockedUntil: row.lockedUntil };
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.usernameKey, key));
}
