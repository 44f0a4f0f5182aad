import type { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import type { rolePatchSchema } from './account-schemas.ts';
import * as repo from './repo.ts';

/** Changes a role's name, description or permissions; takes effect on the next request of its users. */
export async function updateRole(s: Services, ctx: RequestContext, key: string, input: z.output<typeof rolePatchSchema>) {
  const role = await s.db.transaction(async (tx) => {
    const before = await repo.findRole(tx, key);
    if (!before) throw notFound(`No existe el rol «${key}».`, 'ROLE_NOT_FOUND');
    const after = await repo.updateRole(tx, key, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.permissions !== undefined ? { permissions: [...new Set(input.permissions)] } : {}),
    });
    if ((await repo.countActiveAdmins(tx)) === 0) {
      throw conflict('LAST_ADMIN', 'Debe quedar al menos una cuenta activa con permiso para administrar usuarios.');
    }
    await writeAuditInTx(tx, [
      ctx.auditRow({
        action: 'UPDATE',
        entity: 'role',
        entityId: key,
        detail: { before: before.permissions, after: after!.permissions },
      }),
    ]);
    return after!;
  });
  s.sessions.forgetAll();
  return role;
}
