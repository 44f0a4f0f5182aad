import type { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { conflict } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import type { roleCreateSchema } from './account-schemas.ts';
import * as repo from './repo.ts';

/** A new role is a row: a key, a scope and a set of permissions from the catalogue. */
export async function createRole(s: Services, ctx: RequestContext, input: z.output<typeof roleCreateSchema>) {
  return s.db.transaction(async (tx) => {
    const role = await repo.insertRole(tx, { ...input, permissions: [...new Set(input.permissions)], builtIn: false });
    if (!role) throw conflict('ROLE_EXISTS', `Ya existe un rol con la clave «${input.key}».`, [{ field: 'key', message: 'ya está en uso' }]);
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'CREATE', entity: 'role', entityId: role.key, detail: { permissions: role.permissions } })]);
    return role;
  });
}
