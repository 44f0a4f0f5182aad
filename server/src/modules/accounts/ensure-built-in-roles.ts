import { sql } from 'drizzle-orm';
import { BUILT_IN_ROLES } from '../../platform/access/permissions.ts';
import type { Db } from '../../platform/db/gateway.ts';
import { roles } from './schema.ts';

/**
 * Inserts the built-in roles that are missing and offers each built-in role the permissions a
 * release added since it was last offered. A permission an admin removed is never re-added: it
 * stays in `offered_defaults`.
 */
export async function ensureBuiltInRoles(db: Db): Promise<void> {
  await db
    .insert(roles)
    .values(BUILT_IN_ROLES.map((r) => ({ ...r, offeredDefaults: r.permissions, builtIn: true })))
    .onConflictDoNothing();
  for (const r of BUILT_IN_ROLES) {
    const offered = sql`${sql.param(r.permissions)}::text[]`;
    await db.execute(sql`
      UPDATE roles SET
        permissions = ARRAY(SELECT DISTINCT p FROM unnest(permissions || ARRAY(SELECT unnest(${offered}) EXCEPT SELECT unnest(offered_defaults))) AS p ORDER BY p),
        offered_defaults = ARRAY(SELECT DISTINCT p FROM unnest(offered_defaults || ${offered}) AS p ORDER BY p)
      WHERE key = ${r.key} AND built_in AND NOT (offered_defaults @> ${offered})`);
  }
}
