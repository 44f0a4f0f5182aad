import type { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import type { userPatchSchema } from './account-schemas.ts';
import * as repo from './repo.ts';
import { validateGrants } from './validate-grants.ts';

/**
 * Edits an account: name, email, roles, units, enabled. Disabling closes every session of the
 * user at once. The last active administrator can be neither disabled nor stripped of the role.
 */
export async function updateUser(s: Services, ctx: RequestContext, id: string, input: z.output<typeof userPatchSchema>) {
  const before = await repo.getUserView(s.db.orm, id);
  if (!before) throw notFound('No existe una cuenta con ese identificador.', 'USER_NOT_FOUND');
  if (input.active === false && id === ctx.actor?.id) {
    throw conflict('CANNOT_DISABLE_SELF', 'No puede desactivar su propia cuenta.', [{ field: 'active', message: 'no puede desactivarse a sí mismo' }]);
  }
  if (input.roles || input.unitIds) await validateGrants(s.db.orm, input.roles ?? before.roles, input.unitIds ?? before.units.map((u) => u.id));

  await s.db.transaction(async (tx) => {
    const updated = await repo.updateUser(tx, id, input.version, {
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    });
    if (!updated) {
      throw conflict('VERSION_CONFLICT', 'Otra persona modificó esta cuenta mientras la editaba. Recargue y aplique sus cambios de nuevo.', [
        { field: 'version', message: `la versión actual es ${before.version}` },
      ]);
    }
    if (input.roles) await repo.replaceUserRoles(tx, id, [...new Set(input.roles)]);
    if (input.unitIds) await repo.replaceUserUnits(tx, id, [...new Set(input.unitIds)]);
    if ((input.active === false || input.roles) && (await repo.countActiveAdmins(tx)) === 0) {
      throw conflict('LAST_ADMIN', 'Debe quedar al menos una cuenta activa con permiso para administrar usuarios.');
    }
    const changed = Object.keys(input).filter((k) => k !== 'version');
    await writeAuditInTx(tx, [
      ctx.auditRow({
        action: input.active === false && before.active ? 'DEACTIVATE' : input.active === true && !before.active ? 'REACTIVATE' : 'UPDATE',
        entity: 'user',
        entityId: id,
        detail: { changed, ...(input.roles ? { roles: input.roles } : {}) },
      }),
    ]);
  });
  if (input.active === false) await s.sessions.revokeAllForUser(id, 'USER_DISABLED');
  s.sessions.forgetUser(id);
  return (await repo.getUserView(s.db.orm, id))!;
}
