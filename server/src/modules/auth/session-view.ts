import { inArray, asc } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../platform/access/context.ts';
import type { Db } from '../../platform/db/gateway.ts';
import { units } from '../units/schema.ts';

export const sessionUserSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    roleNames: z.record(z.string(), z.string()).describe('Nombre para mostrar de cada rol, por clave'),
    permissions: z.array(z.string()),
    allUnits: z.boolean().describe('Verdadero cuando algún rol ve todas las unidades'),
    units: z.array(z.object({ id: z.uuid(), clues: z.string(), shortName: z.string(), name: z.string() })),
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'SessionUser' });

export const sessionSchema = z
  .object({ user: sessionUserSchema, csrfToken: z.string().describe('Envíelo en X-CSRF-Token en cada escritura') })
  .meta({ id: 'Session' });

export type SessionView = z.infer<typeof sessionSchema>;

export async function toSessionView(db: Db, actor: Actor): Promise<SessionView> {
  const unitRows = actor.unitIds.length
    ? await db
        .select({ id: units.id, clues: units.clues, shortName: units.shortName, name: units.name })
        .from(units)
        .where(inArray(units.id, [...actor.unitIds]))
        .orderBy(asc(units.shortName))
    : [];
  return {
    user: {
      id: actor.id,
      username: actor.username,
      displayName: actor.displayName,
      roles: [...actor.roles],
      roleNames: { ...actor.roleNames },
      permissions: [...actor.permissions].sort(),
      allUnits: actor.allUnits,
      units: unitRows,
      mustChangePassword: actor.mustChangePassword,
    },
    csrfToken: actor.csrfToken,
  };
}
