import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/gateway.ts';
import { hashPassword } from '../auth/password.ts';
import { userRoles, users } from './schema.ts';

/**
 * With no demo data, the first administrator comes from ADMIN_USERNAME / ADMIN_PASSWORD. It is
 * created only when the installation has no user yet.
 */
export async function ensureFirstAdmin(db: Database, admin: { username: string; password: string }): Promise<boolean> {
  const passwordHash = await hashPassword(admin.password);
  return db.transaction(async (tx) => {
    const n = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
    if ((n[0]?.n ?? 0) > 0) return false;
    const created = await tx
      .insert(users)
      .values({ username: admin.username, displayName: 'Administración', passwordHash, mustChangePassword: false })
      .returning();
    await tx.insert(userRoles).values({ userId: created[0]!.id, roleKey: 'admin' });
    return true;
  });
}

export async function hasAnyUser(db: Database): Promise<boolean> {
  const r = await db.orm.select({ n: sql<number>`count(*)::int` }).from(users);
  return (r[0]?.n ?? 0) > 0;
}
