import { BUILT_IN_ROLES } from '../../platform/access/permissions.ts';
import type { Db } from '../../platform/db/gateway.ts';
import { roles } from './schema.ts';

/** Inserts the built-in roles that are missing; never overwrites permissions an admin changed. */
export async function ensureBuiltInRoles(db: Db): Promise<void> {
  await db
    .insert(roles)
    .values(BUILT_IN_ROLES.map((r) => ({ ...r, builtIn: true })))
    .onConflictDoNothing();
}
