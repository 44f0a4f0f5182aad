import type { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { conflict, pgErrorCode } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { assertAcceptablePassword, hashPassword } from '../auth/password.ts';
import type { userCreateSchema } from './account-schemas.ts';
import * as repo from './repo.ts';
import { validateGrants } from './validate-grants.ts';

/** An admin opens an account with a temporary password, roles and units. */
export async function createUser(s: Services, ctx: RequestContext, input: z.output<typeof userCreateSchema>) {
  assertAcceptablePassword(input.password, 'password', { username: input.username });
  await validateGrants(s.db.orm, input.roles, input.unitIds);
  if (await repo.findUserByUsername(s.db.orm, input.username)) throw usernameTaken(input.username);
  const passwordHash = await hashPassword(input.password);
  try {
    const id = await s.db.transaction(async (tx) => {
      const user = await repo.insertUser(tx, {
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        passwordHash,
        mustChangePassword: true,
      });
      await repo.replaceUserRoles(tx, user.id, [...new Set(input.roles)]);
      await repo.replaceUserUnits(tx, user.id, [...new Set(input.unitIds)]);
      await writeAuditInTx(tx, [
        ctx.auditRow({ action: 'CREATE', entity: 'user', entityId: user.id, detail: { roles: input.roles, units: input.unitIds.length } }),
      ]);
      return user.id;
    });
    return (await repo.getUserView(s.db.orm, id))!;
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw usernameTaken(input.username);
    throw err;
  }
}

function usernameTaken(username: string) {
  return conflict('USERNAME_TAKEN', `Ya existe una cuenta con el usuario «${username}».`, [
    { field: 'username', message: 'ya está en uso' },
  ]);
}
